import type { payEn } from '../../messages/pay.en.ts';

/** The bank-details form's fields, in the order the error summary lists them. */
export const BANK_FIELDS = ['accountName', 'sortCode', 'accountNumber'] as const;
export type BankField = (typeof BANK_FIELDS)[number];

type ErrorKey = Extract<keyof typeof payEn, `bank.error.${string}`>;

export interface BankAccountInput {
  readonly accountName: string;
  /** Six digits, as typed but without spaces or dashes. */
  readonly sortCode: string;
  /** Eight digits. */
  readonly accountNumber: string;
}

export type BankFormResult =
  | { readonly ok: true; readonly account: BankAccountInput }
  | { readonly ok: false; readonly problems: Partial<Record<BankField, ErrorKey>> };

/** As the API takes it (Bacs uses the first 18 characters). */
const ACCOUNT_NAME_MIN = 2;
const ACCOUNT_NAME_MAX = 70;

/** People type sort codes as 12-34-56, 12 34 56 or 123456: all are the same six digits. */
export function normaliseDigits(value: string): string {
  return value.replace(/[\s\u2010-\u2015-]/g, '');
}

/**
 * Checks what was typed before it is sent, with the GOV.UK pattern's messages, each naming its
 * field. The server checks again; this only spares a round trip on a phone.
 */
export function readBankForm(raw: Record<BankField, string>): BankFormResult {
  const problems: Partial<Record<BankField, ErrorKey>> = {};
  const accountName = raw.accountName.trim().replace(/\s+/g, ' ');
  if (accountName.length < ACCOUNT_NAME_MIN) problems.accountName = 'bank.error.accountName';
  else if (accountName.length > ACCOUNT_NAME_MAX) {
    problems.accountName = 'bank.error.accountNameTooLong';
  }

  const sortCode = normaliseDigits(raw.sortCode);
  if (sortCode === '') problems.sortCode = 'bank.error.sortCode';
  else if (!/^\d{6}$/.test(sortCode)) problems.sortCode = 'bank.error.sortCodeFormat';

  const accountNumber = normaliseDigits(raw.accountNumber);
  if (accountNumber === '') problems.accountNumber = 'bank.error.accountNumber';
  else if (!/^\d+$/.test(accountNumber)) problems.accountNumber = 'bank.error.accountNumberFormat';
  else if (accountNumber.length !== 8) problems.accountNumber = 'bank.error.accountNumberLength';

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, account: { accountName, sortCode, accountNumber } };
}
