import { describe, expect, it } from 'vitest';
import { parseConfirmationCsv } from './confirmation-csv.ts';

const csv = (text: string) => new TextEncoder().encode(text);

describe('bank confirmation CSV', () => {
  it('reads paid and failed rows, with an optional bank reference', () => {
    expect(
      parseConfirmationCsv(
        csv(
          'Reference,Status,Reason,Bank reference\nCP A 00001,paid,,BACS1\nCP A 00002,failed,Account closed,\n',
        ),
      ),
    ).toEqual([
      { reference: 'CP A 00001', outcome: 'paid', bankReference: 'BACS1' },
      { reference: 'CP A 00002', outcome: 'failed', reason: 'Account closed' },
    ]);
  });

  it.each([
    [
      'reference,reason\nX,\n',
      'Row 1: the header must name the columns reference, status and reason; "status" is missing.',
    ],
    [
      'reference,status,reason\nX,maybe,\n',
      'Row 2, column status: enter paid or failed (not "maybe").',
    ],
    [
      'reference,status,reason\nX,failed,\n',
      'Row 2, column reason: say why the bank did not pay X.',
    ],
    [
      'reference,status,reason\nX,paid,\n,paid,\n',
      'Row 3, column reference: enter the payment reference.',
    ],
    [
      'reference,status,reason\nX,paid,\nX,paid,\n',
      'Row 3, column reference: X is already on row 2.',
    ],
    ['reference,status,reason\n', 'The file has a header but no rows.'],
  ])('names the row and column of a problem: %j', (text, message) => {
    expect(() => parseConfirmationCsv(csv(text))).toThrow(message);
  });
});
