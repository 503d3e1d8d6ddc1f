import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A payee's account as the bank needs it; only ever held in memory, never logged or audited. */
export interface BankAccount {
  /** Six digits, no dashes. */
  readonly sortCode: string;
  /** Eight digits. */
  readonly accountNumber: string;
  /** As the bank knows the account holder (Bacs: up to 18 characters are used). */
  readonly accountName: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a fresh 96-bit IV per value; the payee and row ids are bound in as additional
 * authenticated data, so a ciphertext copied onto another payee's row does not decrypt.
 * Stored as base64(iv ‖ tag ‖ ciphertext).
 */
export function encryptBankAccount(key: Buffer, account: BankAccount, boundTo: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(account), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function decryptBankAccount(key: Buffer, stored: string, boundTo: string): BankAccount {
  const raw = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const text = Buffer.concat([
    decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
  return JSON.parse(text) as BankAccount;
}

/** What anyone is shown: the last three digits of the account, the sort code masked. */
export function maskedAccount(accountLast3: string) {
  return { accountEnding: accountLast3, display: `Account ending ${accountLast3}` };
}
