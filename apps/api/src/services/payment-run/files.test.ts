import { checkBacsStandard18 } from '@coproduce/domain';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildBankFiles, lineReference, nextProcessingDay, poundsText } from './files.ts';

describe('bank files', () => {
  it.each([
    ['2026-11-26', '2026-11-27'], // Thursday → Friday
    ['2026-11-27', '2026-11-30'], // Friday → Monday
    ['2026-11-28', '2026-11-30'], // Saturday → Monday
  ])('processes a file made on %s on %s', (made, processed) => {
    expect(nextProcessingDay(made)).toBe(processed);
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [4_500, '45.00'],
    [123_456_789, '1234567.89'],
  ])('writes %i pence as %s', (pence, text) => {
    expect(poundsText(pence)).toBe(text);
  });

  it('gives each line an 18-character statement reference', () => {
    const reference = lineReference('2602a96c-02fe-4bfb-a67c-be5255dd52bf', 12);
    expect(reference).toBe('CP 2602A96C 00012');
    expect(reference.length).toBeLessThanOrEqual(18);
  });

  it('makes a Bacs file that checks, and a CSV of the same payments', () => {
    const files = buildBankFiles({
      runId: '2602a96c-02fe-4bfb-a67c-be5255dd52bf',
      originator: {
        sortCode: '401276',
        accountNumber: '41000001',
        serviceUserNumber: '900001',
        name: 'Coproduce hub',
      },
      createdOn: '2026-11-26',
      processingDate: '2026-11-27',
      lines: [
        {
          reference: lineReference('2602a96c', 1),
          payeeName: 'Ruth Campbell',
          amountPence: 4_500,
          account: { sortCode: '990101', accountNumber: '00012345', accountName: 'Ruth Campbell' },
        },
        {
          reference: lineReference('2602a96c', 2),
          payeeName: "St Brigid's Community Church",
          amountPence: 1_250_000,
          account: { sortCode: '99-01-03', accountNumber: '00034567', accountName: "St Brigid's" },
        },
      ],
    });
    expect(checkBacsStandard18(files.bacsFile)).toEqual({
      ok: true,
      credits: 2,
      totalPence: 1_254_500,
    });
    const rows = parse(files.bulkPaymentCsv) as string[][];
    expect(rows.map((r) => r[5])).toEqual(['amount', '45.00', '12500.00']);
    expect(files.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
