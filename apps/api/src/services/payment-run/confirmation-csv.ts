import { DomainError } from '@coproduce/domain';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';

export type ConfirmedLine =
  | { reference: string; outcome: 'paid'; bankReference: string }
  | { reference: string; outcome: 'failed'; reason: string };

const REQUIRED = ['reference', 'status'] as const;
const MAX_BYTES = 5 * 1024 * 1024;

const problem = (message: string) => new DomainError('invalid', message, 'file');

/**
 * The bank's confirmation as a simple CSV: a header row `reference,status,reason` (and,
 * optionally, `bank_reference`), then one row per line of the run: `paid`, or `failed` with the
 * reason. Every problem names its row (as a spreadsheet numbers it) and column.
 */
export function parseConfirmationCsv(bytes: Uint8Array): ConfirmedLine[] {
  if (bytes.length === 0) throw problem('The selected file is empty.');
  if (bytes.length > MAX_BYTES) throw problem('The selected file must be smaller than 5 MB.');
  let rows: string[][];
  try {
    rows = parseCsv(Buffer.from(bytes), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError)
      throw problem(
        `We could not read this file as CSV (line ${error.lines ?? '?'}): ${error.message}.`,
      );
    throw error;
  }
  const [header, ...body] = rows;
  const columns = (header ?? []).map((name) => name.toLowerCase().replace(/[\s-]+/g, '_'));
  for (const name of REQUIRED) {
    if (!columns.includes(name))
      throw problem(
        `Row 1: the header must name the columns reference, status and reason; "${name}" is missing.`,
      );
  }
  if (body.length === 0) throw problem('The file has a header but no rows.');
  const at = (row: string[], name: string) => {
    const index = columns.indexOf(name);
    return index < 0 ? '' : (row[index] ?? '').trim();
  };
  const seen = new Map<string, number>();
  return body.map((row, index) => {
    const rowNumber = index + 2;
    const reference = at(row, 'reference');
    if (!reference)
      throw problem(`Row ${rowNumber}, column reference: enter the payment reference.`);
    const earlier = seen.get(reference);
    if (earlier)
      throw problem(
        `Row ${rowNumber}, column reference: ${reference} is already on row ${earlier}.`,
      );
    seen.set(reference, rowNumber);
    const status = at(row, 'status').toLowerCase();
    if (status === 'paid')
      return { reference, outcome: 'paid', bankReference: at(row, 'bank_reference') || reference };
    if (status === 'failed' || status === 'returned') {
      const reason = at(row, 'reason');
      if (!reason)
        throw problem(
          `Row ${rowNumber}, column reason: say why the bank did not pay ${reference}.`,
        );
      return { reference, outcome: 'failed', reason };
    }
    throw problem(
      `Row ${rowNumber}, column status: enter paid or failed${status ? ` (not "${status}")` : ''}.`,
    );
  });
}
