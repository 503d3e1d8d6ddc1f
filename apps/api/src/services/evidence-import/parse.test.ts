import { DomainError } from '@coproduce/domain';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { detectFormat, MAX_FILE_BYTES, readRows } from './parse.ts';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function refusal(bytes: Uint8Array, fileName: string): Promise<DomainError> {
  const error = await readRows(bytes, fileName).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).field).toBe('file');
  return error as DomainError;
}

describe('detectFormat', () => {
  it.each<[string, number[], string, string]>([
    ['a zip (xlsx) whatever its name', [0x50, 0x4b, 0x03, 0x04, 0], 'data.csv', 'xlsx'],
    ['text named .csv', [0x61, 0x2c, 0x62], 'data.csv', 'csv'],
    ['text with any other name', [0x61, 0x2c, 0x62], 'export.txt', 'csv'],
  ])('reads %s', (_, bytes, name, format) => {
    expect(detectFormat(new Uint8Array(bytes), name)).toBe(format);
  });

  it.each<[string, number[], string, RegExp]>([
    ['an empty file', [], 'a.csv', /empty/],
    ['an old .xls file', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'a.xls', /\.xlsx/],
    ['text named .xlsx', [0x61, 0x2c, 0x62], 'a.xlsx', /not an Excel workbook/],
    ['a binary file', [0x25, 0x50, 0x44, 0x46, 0x00, 0x01], 'a.pdf', /CSV or an Excel/],
  ])('refuses %s as a problem with the file', async (_, bytes, name, message) => {
    expect((await refusal(new Uint8Array(bytes), name)).message).toMatch(message);
  });
});

describe('readRows from CSV', () => {
  it('trims cells, makes blanks null and keeps blank lines so rows match Excel’s numbers', async () => {
    const { format, rows } = await readRows(utf8('a,b\r\n x , \r\n\r\n"y, z",w\r\n'), 'f.csv');
    expect(format).toBe('csv');
    expect(rows).toEqual([['a', 'b'], ['x', null], [null], ['y, z', 'w']]);
  });

  it('counts a quoted line break as one row, as a spreadsheet shows it', async () => {
    const { rows } = await readRows(utf8('a,b\n"two\nlines",x\nnext,y'), 'f.csv');
    expect(rows).toEqual([
      ['a', 'b'],
      ['two\nlines', 'x'],
      ['next', 'y'],
    ]);
  });

  it('drops a UTF-8 byte-order mark', async () => {
    const { rows } = await readRows(utf8('\uFEFFgiven_name\nZoë'), 'f.csv');
    expect(rows).toEqual([['given_name'], ['Zoë']]);
  });

  it('reads Excel’s plain “CSV” (Windows-1252) as well as UTF-8', async () => {
    const bytes = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x6f, 0xeb]); // "name\nZoë"
    expect((await readRows(bytes, 'f.csv')).rows).toEqual([['name'], ['Zoë']]);
  });

  it.each([
    ['semicolons', 'a;b;c\n1;2;3'],
    ['tabs', 'a\tb\tc\n1\t2\t3'],
  ])('finds the separator when it is %s', async (_, text) => {
    expect((await readRows(utf8(text), 'f.csv')).rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('refuses a file with a quotation mark left open, saying where', async () => {
    const error = await refusal(utf8('a,b\n1,2\n"3,4\n'), 'f.csv');
    expect(error.message).toMatch(/quotation mark/);
  });

  it('refuses a file over 15 MB', async () => {
    const error = await refusal(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61), 'big.csv');
    expect(error.message).toMatch(/smaller than 15 MB/);
  });
});

describe('readRows from Excel', () => {
  it('reads the first sheet, with dates as YYYY-MM-DD, numbers as text and booleans as yes/no', async () => {
    const buffer = await writeExcelFile([
      {
        sheet: 'Participants',
        data: [
          ['given_name', 'date_of_birth', 'nhs_number', 'consent_evaluation'],
          [
            '  Amina ',
            { value: new Date(Date.UTC(1986, 2, 14)), format: 'dd/mm/yyyy' },
            9434765919,
            true,
          ],
          [null, null, null, null],
          ['Bilal', '14/03/1986', null, false],
        ],
      },
      { sheet: 'How to fill this in', data: [['not data']] },
    ]).toBuffer();
    const { format, rows } = await readRows(new Uint8Array(buffer), 'people.xlsx');
    expect(format).toBe('xlsx');
    expect(rows).toEqual([
      ['given_name', 'date_of_birth', 'nhs_number', 'consent_evaluation'],
      ['Amina', '1986-03-14', '9434765919', 'yes'],
      [null, null, null, null],
      ['Bilal', '14/03/1986', null, 'no'],
    ]);
  });

  it('refuses a zip that is not a workbook', async () => {
    const notAWorkbook = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    expect((await refusal(notAWorkbook, 'f.xlsx')).message).toMatch(/could not read this file/);
  });
});
