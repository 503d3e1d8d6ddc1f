import { invalid } from '../errors.ts';
import { isoDayNumber } from '../evidence/iso-date.ts';

/*
 * Bacs Standard 18 (single processing day, "DAILY") credit file: labels VOL1, HDR1, HDR2, UHL1;
 * one 100-character standard record per payment (transaction code 99); one contra (code 17)
 * debiting the originating account with the total; labels EOF1, EOF2, UTL1. Labels are 80
 * characters, ANSI X3.27 tape labels as Bacs uses them.
 *
 * Sources (the Bacs specification itself is for subscribers only): the HSBC "Message
 * Implementation Guide BACS Standard 18" (August 2012) as summarised in MYOB's HSBC Bacs plug-in
 * help and FinDock's Bacs file pages (VOL1 fields and positions, 80-character labels, owner id
 * at 42–47); the Bacs18PaymentLines layout in tracey-stobbs/ddcms-direct-file-generator (the
 * 100-character record, field by field); ANSI HDR1/EOF1 fields (Fujitsu BS2000 label formats);
 * the UHL1 processing day as " YYDDD" (webpayrolltraining FAQ 5111). Before going live, check the
 * labels against the bureau's own specification: HDR1's file identifier and UHL1's work code
 * are the fields banks most often set differently.
 *
 * Records end with CRLF (including the last): Bacstel-IP software and bank upload screens take
 * CRLF text files, and the checker also accepts LF.
 */

export const BACS_LABEL_LENGTH = 80;
export const BACS_RECORD_LENGTH = 100;
export const BACS_MAX_AMOUNT_PENCE = 99_999_999_999;
const CREDIT = '99';
const CONTRA = '17';
const ALLOWED = /^[A-Z0-9.&/\- ]*$/;
const NOT_ALLOWED = /[^A-Z0-9.&/\- ]/g;

/** Letters Unicode does not decompose into a base letter and an accent. */
const SPELLED_OUT: Record<string, string> = {
  ß: 'SS',
  Æ: 'AE',
  æ: 'AE',
  Œ: 'OE',
  œ: 'OE',
  Ø: 'O',
  ø: 'O',
  Ł: 'L',
  ł: 'L',
  Đ: 'D',
  đ: 'D',
  Þ: 'TH',
  þ: 'TH',
};

/**
 * Text as Bacs allows it: A–Z, 0–9, full stop, ampersand, slash, hyphen and space. Accents are
 * dropped (é → E), other characters become spaces, runs of spaces close up, and the result is
 * padded or cut to `length`.
 */
export function sanitiseBacsText(text: string, length = 18): string {
  const plain = String(text)
    .replace(/[ßÆæŒœØøŁłĐđÞþ]/g, (letter) => SPELLED_OUT[letter] ?? ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(NOT_ALLOWED, ' ')
    .replace(/ +/g, ' ')
    .trim();
  return plain.slice(0, length).padEnd(length, ' ');
}

export interface BacsOriginator {
  sortCode: string;
  accountNumber: string;
  /** The hub's account name, shown to payees as who paid them. */
  name: string;
  serviceUserNumber: string;
}

export interface BacsPayment {
  sortCode: string;
  accountNumber: string;
  accountName: string;
  amountPence: number;
  /** What the payee sees on their statement (18 characters). */
  reference: string;
}

export interface BacsFileInput {
  originator: BacsOriginator;
  /** The Bacs processing day (ISO date). */
  processingDate: string;
  /** Up to 6 letters or digits, unique per file for the service user (the VOL1 serial). */
  fileSerial: string;
  payments: readonly BacsPayment[];
  /** The day the file is made (ISO date); the processing day when not given. */
  createdOn?: string;
  /** Narrative on the contra, as it appears on the hub's own statement. */
  contraNarrative?: string;
}

/** " YYDDD": a space, the year's last two digits and the day of the year. */
export function bacsJulianDate(isoDate: string, field = 'processingDate'): string {
  const day = isoDayNumber(isoDate, field);
  const year = isoDate.slice(0, 4);
  const dayOfYear = day - isoDayNumber(`${year}-01-01`, field) + 1;
  return ` ${year.slice(2)}${String(dayOfYear).padStart(3, '0')}`;
}

/** The whole file as text, every record followed by CRLF. */
export function bacsStandard18(input: BacsFileInput): string {
  const originator = checkOriginator(input.originator);
  const serial = checkSerial(input.fileSerial);
  const processing = bacsJulianDate(input.processingDate, 'processingDate');
  const created = bacsJulianDate(input.createdOn ?? input.processingDate, 'createdOn');
  if (!Array.isArray(input.payments) || input.payments.length === 0) {
    throw invalid('payments', 'A Bacs file needs at least one payment.');
  }
  const payments = input.payments.map((payment, index) => checkPayment(payment, index));
  const totalPence = payments.reduce((sum, payment) => sum + payment.amountPence, 0);
  if (totalPence > BACS_MAX_AMOUNT_PENCE) {
    throw invalid('payments', 'The payments add up to more than one Bacs file can carry.');
  }
  const { sortCode, accountNumber, name, serviceUserNumber: sun } = originator;
  const hdr1Body = `${`A${sun}S  1${sun}`}${serial}00010001      ${created}${created} 000000${blank(20)}`;
  const hdr2Body = `F02000${pad(BACS_RECORD_LENGTH, 5)}${blank(35)}00${blank(28)}`;
  const records = [
    `VOL1${serial}${blank(27)}${blank(4)}${sun}${blank(32)}1`,
    `HDR1${hdr1Body}`,
    `HDR2${hdr2Body}`,
    `UHL1${processing}999999${blank(4)}00000000${'1 DAILY  '}001${blank(40)}`,
    ...payments.map(
      (payment) =>
        `${payment.sortCode}${payment.accountNumber}0${CREDIT}${sortCode}${accountNumber}${blank(4)}${pad(payment.amountPence, 11)}${name}${payment.reference}${payment.accountName}`,
    ),
    `${sortCode}${accountNumber}0${CONTRA}${sortCode}${accountNumber}${blank(4)}${pad(totalPence, 11)}${sanitiseBacsText(input.contraNarrative ?? 'PAYMENTS')}${sanitiseBacsText('CONTRA')}${name}`,
    `EOF1${hdr1Body}`,
    `EOF2${hdr2Body}`,
    `UTL1${pad(totalPence, 13)}${pad(totalPence, 13)}${pad(1, 7)}${pad(payments.length, 7)}${blank(36)}`,
  ];
  for (const record of records) {
    // A wrong length here is a bug in this writer, not a problem with the input.
    const expected = /^(VOL1|HDR|UHL1|EOF|UTL1)/.test(record)
      ? BACS_LABEL_LENGTH
      : BACS_RECORD_LENGTH;
    if (record.length !== expected) throw new Error(`Bacs record of ${record.length}: ${record}`);
  }
  return records.map((record) => `${record}\r\n`).join('');
}

export type BacsCheck =
  | { ok: true; credits: number; totalPence: number }
  | { ok: false; problems: string[] };

/**
 * Checks a Standard 18 file record by record: lengths, character set, label order, transaction
 * codes, account fields, the contra equal to the sum of the credits, the trailer's totals and
 * counts equal to the records, and EOF labels matching their HDR labels.
 */
export function checkBacsStandard18(text: string): BacsCheck {
  const problems: string[] = [];
  const records = String(text).split(/\r?\n/);
  if (records.at(-1) === '') records.pop();
  if (records.length < 9) {
    return {
      ok: false,
      problems: [
        `A Standard 18 file has at least 9 records (4 header labels, a payment, the contra and 3 trailer labels); this one has ${records.length}.`,
      ],
    };
  }
  const labels = { VOL1: 0, HDR1: 1, HDR2: 2, UHL1: 3 } as const;
  const trailer = { EOF1: records.length - 3, EOF2: records.length - 2, UTL1: records.length - 1 };
  for (const [name, index] of [...Object.entries(labels), ...Object.entries(trailer)]) {
    const record = records[index] ?? '';
    if (!record.startsWith(name)) problems.push(`Record ${index + 1} should be the ${name} label.`);
    if (record.length !== BACS_LABEL_LENGTH) {
      problems.push(`Record ${index + 1} (${name}) is ${record.length} characters, not 80.`);
    }
  }
  records.forEach((record, index) => {
    if (!ALLOWED.test(record)) {
      const bad = [...new Set(record.match(NOT_ALLOWED) ?? [])].map((c) => JSON.stringify(c));
      problems.push(`Record ${index + 1} has characters Bacs does not allow: ${bad.join(' ')}.`);
    }
  });

  const data = records.slice(4, records.length - 3);
  const credits = data.slice(0, -1);
  const contra = data.at(-1) ?? '';
  let creditTotal = 0;
  credits.forEach((record, i) => {
    const amount = checkDataRecord(record, 4 + i, CREDIT, problems);
    creditTotal += amount ?? 0;
  });
  const contraAmount = checkDataRecord(contra, records.length - 4, CONTRA, problems);
  const contraIndex = records.length - 3;
  if (contraAmount !== null && contraAmount !== creditTotal) {
    problems.push(
      `The contra (record ${contraIndex}) is ${contraAmount} pence but the payments add up to ${creditTotal}.`,
    );
  }
  const originating = contra.slice(17, 31);
  if (contra.slice(0, 14) !== originating) {
    problems.push(`The contra (record ${contraIndex}) must debit the originating account.`);
  }
  credits.forEach((record, i) => {
    if (record.slice(17, 31) !== originating) {
      problems.push(`Record ${i + 5} is from a different originating account than the contra.`);
    }
  });

  checkTrailer(records[trailer.UTL1] ?? '', {
    debit: contraAmount ?? 0,
    credit: creditTotal,
    credits: credits.length,
    problems,
  });
  for (const [eof, hdr] of [
    [trailer.EOF1, labels.HDR1],
    [trailer.EOF2, labels.HDR2],
  ] as const) {
    if (records[eof]?.slice(4) !== records[hdr]?.slice(4)) {
      problems.push(`Record ${eof + 1} must repeat record ${hdr + 1} after its label name.`);
    }
  }
  const processing = (records[labels.UHL1] ?? '').slice(4, 10);
  if (!/^ \d{2}(00[1-9]|0[1-9]\d|[12]\d{2}|3[0-5]\d|36[0-6])$/.test(processing)) {
    problems.push(`The UHL1 processing day "${processing}" is not " YYDDD".`);
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, credits: credits.length, totalPence: creditTotal };
}

/** The record's amount in pence, or null when its fields are wrong (the problems say why). */
function checkDataRecord(
  record: string,
  index: number,
  code: typeof CREDIT | typeof CONTRA,
  problems: string[],
): number | null {
  const where = `Record ${index + 1}${code === CONTRA ? ' (the contra)' : ''}`;
  const before = problems.length;
  if (record.length !== BACS_RECORD_LENGTH) {
    problems.push(`${where} is ${record.length} characters, not 100.`);
  }
  if (!/^\d{6}$/.test(record.slice(0, 6)))
    problems.push(`${where}: the sort code is not 6 digits.`);
  if (!/^\d{8}$/.test(record.slice(6, 14))) {
    problems.push(`${where}: the account number is not 8 digits.`);
  }
  if (record[14] !== '0') problems.push(`${where}: the account type should be 0.`);
  if (record.slice(15, 17) !== code) {
    problems.push(`${where}: the transaction code is "${record.slice(15, 17)}", not ${code}.`);
  }
  if (!/^\d{6}\d{8}$/.test(record.slice(17, 31))) {
    problems.push(`${where}: the originating sort code and account are not 6 and 8 digits.`);
  }
  const amount = record.slice(35, 46);
  if (!/^\d{11}$/.test(amount) || Number(amount) === 0) {
    problems.push(`${where}: the amount "${amount}" is not 11 digits of pence above 0.`);
  }
  if (record.slice(82, 100).trim() === '') problems.push(`${where}: the account name is blank.`);
  return problems.length === before ? Number(amount) : null;
}

function checkTrailer(
  utl1: string,
  expected: { debit: number; credit: number; credits: number; problems: string[] },
) {
  const fields = /^UTL1(\d{13})(\d{13})(\d{7})(\d{7})/.exec(utl1);
  if (!fields) {
    expected.problems.push('The UTL1 totals and counts are not digits.');
    return;
  }
  const [debitTotal, creditTotal, debitCount, creditCount] = fields.slice(1).map(Number);
  if (debitTotal !== expected.debit) {
    expected.problems.push(
      `UTL1 says debits of ${debitTotal} pence; the contra is ${expected.debit}.`,
    );
  }
  if (creditTotal !== expected.credit) {
    expected.problems.push(
      `UTL1 says credits of ${creditTotal} pence; the payments add up to ${expected.credit}.`,
    );
  }
  if (debitCount !== 1) expected.problems.push(`UTL1 counts ${debitCount} debits; there is 1.`);
  if (creditCount !== expected.credits) {
    expected.problems.push(`UTL1 counts ${creditCount} credits; there are ${expected.credits}.`);
  }
}

function checkOriginator(originator: BacsOriginator) {
  const name = sanitiseBacsText(originator?.name ?? '');
  if (name.trim() === '') throw invalid('originator.name', "Enter the hub's account name.");
  return {
    sortCode: digits(originator.sortCode, 6, 'originator.sortCode', 'sort code'),
    accountNumber: digits(
      originator.accountNumber,
      8,
      'originator.accountNumber',
      'account number',
    ),
    serviceUserNumber: digits(
      originator.serviceUserNumber,
      6,
      'originator.serviceUserNumber',
      'service user number',
    ),
    name,
  };
}

function checkPayment(payment: BacsPayment, index: number) {
  const field = (name: string) => `payments.${index}.${name}`;
  const amount = payment?.amountPence;
  if (!Number.isSafeInteger(amount) || amount < 1 || amount > BACS_MAX_AMOUNT_PENCE) {
    throw invalid(
      field('amountPence'),
      `Payment ${index + 1}: an amount is whole pence from 1 to ${BACS_MAX_AMOUNT_PENCE}; got ${String(amount)}.`,
    );
  }
  const accountName = sanitiseBacsText(payment.accountName ?? '');
  if (accountName.trim() === '') {
    throw invalid(field('accountName'), `Payment ${index + 1}: enter the account name.`);
  }
  const reference = sanitiseBacsText(payment.reference ?? '');
  if (reference.trim() === '') {
    throw invalid(field('reference'), `Payment ${index + 1}: enter a reference.`);
  }
  return {
    sortCode: digits(payment.sortCode, 6, field('sortCode'), 'sort code'),
    accountNumber: digits(payment.accountNumber, 8, field('accountNumber'), 'account number'),
    accountName,
    reference,
    amountPence: amount,
  };
}

/** Digits only; spaces and hyphens (20-00-00) are allowed and removed. */
function digits(value: string, length: number, field: string, what: string): string {
  const cleaned = String(value ?? '').replace(/[\s-]/g, '');
  if (!new RegExp(`^\\d{${length}}$`).test(cleaned)) {
    throw invalid(field, `A ${what} is ${length} digits; got ${JSON.stringify(value)}.`);
  }
  return cleaned;
}

function checkSerial(serial: string): string {
  if (typeof serial !== 'string' || !/^[A-Z0-9]{1,6}$/.test(serial)) {
    throw invalid('fileSerial', 'The file serial is 1 to 6 capital letters or digits.');
  }
  return serial.padStart(6, '0');
}

const blank = (count: number) => ' '.repeat(count);
const pad = (value: number, width: number) => String(value).padStart(width, '0');
