import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptBankAccount, encryptBankAccount } from './crypto.ts';

const key = randomBytes(32);
const account = { sortCode: '990101', accountNumber: '00012345', accountName: 'R Campbell' };

describe('bank details encryption', () => {
  it('round-trips, with a fresh IV each time and nothing readable at rest', () => {
    const a = encryptBankAccount(key, account, 'payee-1');
    const b = encryptBankAccount(key, account, 'payee-1');
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').toString('latin1')).not.toContain('00012345');
    expect(decryptBankAccount(key, a, 'payee-1')).toEqual(account);
  });

  it('refuses a ciphertext moved to another payee, a wrong key, or a changed byte', () => {
    const stored = encryptBankAccount(key, account, 'payee-1');
    expect(() => decryptBankAccount(key, stored, 'payee-2')).toThrow();
    expect(() => decryptBankAccount(randomBytes(32), stored, 'payee-1')).toThrow();
    const raw = Buffer.from(stored, 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => decryptBankAccount(key, raw.toString('base64'), 'payee-1')).toThrow();
  });
});
