import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { totpCodeFor } from './step-up.ts';

describe('TOTP codes for step-up', () => {
  it('matches what an authenticator app shows (otplib), step by step', async () => {
    const secret = 'JBSWY3DPEHPK3PXPOWENPRICEDEMO234';
    for (const at of [0, 59_000, 1_795_690_861_275, Date.now()]) {
      expect(totpCodeFor(secret, at)).toBe(
        await generate({ secret, epoch: Math.floor(at / 1000) }),
      );
    }
  });
});
