import { createHash } from 'node:crypto';
import { type BacsOriginator, type BacsPayment, bacsStandard18 } from '@coproduce/domain';
import { stringify } from 'csv-stringify/sync';
import { addDays } from '../../time.ts';
import type { BankAccount } from '../bank-details/crypto.ts';

export interface FileLine {
  readonly reference: string;
  readonly payeeName: string;
  readonly amountPence: number;
  readonly account: BankAccount;
}

/** The Bacs processing day: the next weekday after the file is made (bank holidays not known). */
export function nextProcessingDay(isoDate: string): string {
  let day = addDays(isoDate, 1);
  for (;;) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return day;
    day = addDays(day, 1);
  }
}

/** Pounds and pence from integer pence, as text (no floating point). */
export function poundsText(pence: number): string {
  return `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
}

/** The 18-character statement reference of a run's line: `CP <run> <line number>`. */
export function lineReference(runId: string, lineNumber: number): string {
  return `CP ${runId.replace(/-/g, '').slice(0, 8).toUpperCase()} ${String(lineNumber).padStart(5, '0')}`;
}

/** Up to six letters or digits, different for each run: the file's VOL1 serial. */
export function fileSerial(runId: string): string {
  return runId.replace(/-/g, '').slice(0, 6).toUpperCase();
}

/**
 * The bank files of a released run: Bacs Standard 18 (the domain's writer, which also makes the
 * text Bacs-safe) and the same payments
 * as a bulk-payment CSV for banks that take one; and the SHA-256 of the Bacs file, recorded with
 * the run and its audit entry so the file sent can be matched to what was approved.
 */
export function buildBankFiles(input: {
  runId: string;
  originator: BacsOriginator;
  createdOn: string;
  processingDate: string;
  lines: readonly FileLine[];
}) {
  const payments: BacsPayment[] = input.lines.map((line) => ({
    sortCode: line.account.sortCode,
    accountNumber: line.account.accountNumber,
    accountName: line.account.accountName,
    amountPence: line.amountPence,
    reference: line.reference,
  }));
  const bacsFile = bacsStandard18({
    originator: input.originator,
    processingDate: input.processingDate,
    createdOn: input.createdOn,
    fileSerial: fileSerial(input.runId),
    payments,
    contraNarrative: 'COPRODUCE PAYMENTS',
  });
  const bulkPaymentCsv = stringify(
    [
      [
        'reference',
        'payee',
        'sort_code',
        'account_number',
        'account_name',
        'amount',
        'amount_pence',
        'payment_date',
      ],
      ...input.lines.map((line) => [
        line.reference,
        line.payeeName,
        line.account.sortCode,
        line.account.accountNumber,
        line.account.accountName,
        poundsText(line.amountPence),
        String(line.amountPence),
        input.processingDate,
      ]),
    ],
    { record_delimiter: 'windows' },
  );
  return {
    bacsFile,
    bulkPaymentCsv,
    fileSha256: createHash('sha256').update(bacsFile).digest('hex'),
  };
}
