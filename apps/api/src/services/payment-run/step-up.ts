import { createHmac, timingSafeEqual } from 'node:crypto';
import { claimTotpCode, type Database, findEncryptedTotpSecret } from '@coproduce/db';
import { DomainError } from '@coproduce/domain';
import { symmetricDecrypt } from 'better-auth/crypto';
import type { Auth } from '../../auth/auth.ts';

/** As at sign-in (auth.ts): a code is good for its 30-second step and one either side. */
const STEP_SECONDS = 30;
const DIGITS = 6;
const WINDOW_STEPS = 1;
const REPLAY_WINDOW_SECONDS = 120;
const BASE32_PREFIX = 'base32:';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/=+$/, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('invalid base32 in a TOTP secret');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP (HMAC-SHA1), the algorithm better-auth's two-factor plugin uses. */
function totpAt(secret: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', secret).update(counter).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** The code an authenticator shows now for a base32 secret (the demo seed approves with it). */
export function totpCodeFor(base32Secret: string, now: number = Date.now()): string {
  return totpAt(base32Decode(base32Secret), Math.floor(now / 1000 / STEP_SECONDS));
}

function matches(secret: Buffer, code: string, now: number): boolean {
  const step = Math.floor(now / 1000 / STEP_SECONDS);
  let found = false;
  for (let delta = -WINDOW_STEPS; delta <= WINDOW_STEPS; delta += 1) {
    const expected = Buffer.from(totpAt(secret, step + delta));
    const given = Buffer.from(code.padEnd(DIGITS, ' ').slice(0, DIGITS));
    if (timingSafeEqual(expected, given)) found = true;
  }
  return found;
}

/**
 * Step-up for a money decision (approving a payment run): a fresh code from the person's
 * authenticator, checked against the secret better-auth keeps, and claimed so it cannot be used
 * again (the same replay protection as sign-in). Call inside the decision's transaction: if the
 * decision is refused and rolled back, the code is not spent.
 */
export async function verifyStepUpCode(
  tx: Database,
  auth: Auth,
  personId: string,
  code: string,
  now: number = Date.now(),
): Promise<void> {
  const stored = await findEncryptedTotpSecret(tx, personId);
  if (!stored)
    throw new DomainError(
      'two-factor-required',
      'Set up an authenticator app for your sign-in before you approve payments.',
      'totpCode',
    );
  const context = await auth.$context;
  const decrypted = await symmetricDecrypt({ key: context.secretConfig, data: stored });
  const secret = decrypted.startsWith(BASE32_PREFIX)
    ? base32Decode(decrypted.slice(BASE32_PREFIX.length))
    : Buffer.from(decrypted, 'utf8');
  if (!/^\d{6}$/.test(code) || !matches(secret, code, now))
    throw new DomainError(
      'invalid',
      'That code is not right. Enter the 6-digit code your authenticator app shows now.',
      'totpCode',
    );
  if (!(await claimTotpCode(tx, { personId, code, windowSeconds: REPLAY_WINDOW_SECONDS })))
    throw new DomainError(
      'invalid',
      'This code has already been used. Wait for your app to show a new code.',
      'totpCode',
    );
}
