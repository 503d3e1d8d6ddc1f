import { DomainError } from '@coproduce/domain';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';

export type FileFormat = 'csv' | 'xlsx';

/**
 * A sheet as a person sees it: `rows[i]` is spreadsheet row `i + 1`, each cell trimmed text or
 * null when blank. Dates typed into Excel arrive as `YYYY-MM-DD`, booleans as `yes`/`no`.
 */
export interface SheetRows {
  readonly format: FileFormat;
  readonly rows: readonly (readonly (string | null)[])[];
}

/** The largest file we take, decoded (a 10,000-row participants file is about 1.5 MB). */
export const MAX_FILE_BYTES = 15 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: the legacy .xls format (and old .doc), which we cannot read.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((byte, i) => bytes[i] === byte);

const fileProblem = (message: string) => new DomainError('invalid', message, 'file');

/** The file's format, from its first bytes (the name only breaks a tie for text). */
export function detectFormat(bytes: Uint8Array, fileName: string): FileFormat {
  if (bytes.length === 0) throw fileProblem('The selected file is empty.');
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE2)) {
    throw fileProblem(
      'This is an old-style Excel file (.xls). Save it as an Excel Workbook (.xlsx) or as CSV, then upload it again.',
    );
  }
  if (/\.xlsx$/i.test(fileName)) {
    throw fileProblem(
      'This file is named .xlsx but is not an Excel workbook. Save it again from Excel.',
    );
  }
  // Text files have no NUL bytes; anything else (a PDF, an image) is not a spreadsheet we know.
  if (bytes.subarray(0, 8192).includes(0)) {
    throw fileProblem('The selected file must be a CSV or an Excel (.xlsx) file.');
  }
  return 'csv';
}

export async function readRows(bytes: Uint8Array, fileName: string): Promise<SheetRows> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw fileProblem('The selected file must be smaller than 15 MB. Split it into smaller files.');
  }
  const format = detectFormat(bytes, fileName);
  return { format, rows: format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes) };
}

async function readXlsx(bytes: Uint8Array): Promise<(string | null)[][]> {
  let data: unknown[][];
  try {
    // The first sheet holds the data; the template's guidance is on the second.
    data = (await readSheet(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
      1,
    )) as unknown[][];
  } catch {
    throw fileProblem(
      'We could not read this file as an Excel workbook. Save it again from Excel as .xlsx, or as CSV.',
    );
  }
  return data.map((row) => row.map(cellText));
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** UTF-8 (with or without a byte-order mark); failing that, Windows-1252, as Excel's plain "CSV" saves. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Comma, unless the first line is plainly separated by semicolons or tabs (some Excel locales). */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return best && count(best) > 0 ? best : ',';
}

function readCsv(bytes: Uint8Array): (string | null)[][] {
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    // Blank lines are kept (and later skipped) so that record i is row i + 1, as Excel shows it.
    records = parseCsv(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? ` near line ${error.lines}` : '';
      throw fileProblem(
        `We could not read this CSV file${line}: a quotation mark may be missing. Open it in a spreadsheet, check that row and save it again.`,
      );
    }
    throw error;
  }
  return records.map((record) => record.map(cellText));
}
