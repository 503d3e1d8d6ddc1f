import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BacsFileInput,
  type BacsPayment,
  bacsJulianDate,
  bacsStandard18,
  checkBacsStandard18,
  sanitiseBacsText,
} from './bacs.ts';
import { expectInvalid } from './test-builders.ts';

const originator = {
  sortCode: '20-00-00',
  accountNumber: '12345678',
  name: 'Kingsmere Hub CIC',
  serviceUserNumber: '654321',
};

const buildFile = (overrides: Partial<BacsFileInput> = {}): BacsFileInput => ({
  originator,
  processingDate: '2026-03-02',
  fileSerial: '42',
  payments: [
    {
      sortCode: '400515',
      accountNumber: '87654321',
      accountName: 'Amélie O’Brien',
      amountPence: 245_000,
      reference: 'PAYRUN 42 MAR',
    },
    {
      sortCode: '60 16 13',
      accountNumber: '31926819',
      accountName: 'Riverside Family Hub',
      amountPence: 118_075,
      reference: 'MILESTONE 7',
    },
  ],
  ...overrides,
});

const recordsOf = (text: string) => text.split('\r\n').slice(0, -1);

describe('sanitiseBacsText', () => {
  it.each([
    ['Amélie O’Brien', 'AMELIE O BRIEN     '],
    ['Zoë & Søren Ltd.', 'ZOE & SOREN LTD.   '],
    ['Straße 12/B-4', 'STRASSE 12/B-4     '],
    ['  lots   of   space ', 'LOTS OF SPACE      '],
    ['email@example.com (ref)', 'EMAIL EXAMPLE.COM '],
    ['A very long account name indeed', 'A VERY LONG ACCOUN'],
  ])('%j → %j', (text, expected) => {
    expect(sanitiseBacsText(text, 19).slice(0, expected.length)).toBe(expected);
  });

  it('always gives the length asked for, in the Bacs character set', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.integer({ min: 1, max: 40 }),
        (text, length) => {
          const clean = sanitiseBacsText(text, length);
          expect(clean).toHaveLength(length);
          expect(clean).toMatch(/^[A-Z0-9.&/\- ]*$/);
        },
      ),
    );
  });
});

describe('bacsJulianDate', () => {
  it.each([
    ['2026-01-01', ' 26001'],
    ['2026-03-02', ' 26061'],
    ['2024-12-31', ' 24366'],
    ['2025-12-31', ' 25365'],
  ])('%s → %j', (date, julian) => {
    expect(bacsJulianDate(date)).toBe(julian);
  });
});

describe('bacsStandard18', () => {
  const file = bacsStandard18(buildFile());
  const records = recordsOf(file);

  it('writes labels of 80 and payment records of 100 characters, each ending CRLF', () => {
    expect(file.endsWith('\r\n')).toBe(true);
    expect(records.map((r) => r.slice(0, 4))).toEqual([
      'VOL1',
      'HDR1',
      'HDR2',
      'UHL1',
      '4005',
      '6016',
      '2000',
      'EOF1',
      'EOF2',
      'UTL1',
    ]);
    expect(records.map((r) => r.length)).toEqual([80, 80, 80, 80, 100, 100, 100, 80, 80, 80]);
  });

  it('lays out a payment record field by field', () => {
    const payment = records[4] ?? '';
    expect({
      destinationSortCode: payment.slice(0, 6),
      destinationAccount: payment.slice(6, 14),
      accountType: payment.slice(14, 15),
      transactionCode: payment.slice(15, 17),
      originatingSortCode: payment.slice(17, 23),
      originatingAccount: payment.slice(23, 31),
      freeFormat: payment.slice(31, 35),
      amount: payment.slice(35, 46),
      originatorName: payment.slice(46, 64),
      reference: payment.slice(64, 82),
      payeeName: payment.slice(82, 100),
    }).toEqual({
      destinationSortCode: '400515',
      destinationAccount: '87654321',
      accountType: '0',
      transactionCode: '99',
      originatingSortCode: '200000',
      originatingAccount: '12345678',
      freeFormat: '    ',
      amount: '00000245000',
      originatorName: 'KINGSMERE HUB CIC ',
      reference: 'PAYRUN 42 MAR     ',
      payeeName: 'AMELIE O BRIEN    ',
    });
  });

  it('balances the payments with a contra debiting the originating account', () => {
    expect(records[6]).toBe(
      `2000001234567801720000012345678    00000363075${'PAYMENTS'.padEnd(18)}${'CONTRA'.padEnd(18)}${'KINGSMERE HUB CIC'.padEnd(18)}`,
    );
  });

  it('puts the service user number, serial and processing day in the labels', () => {
    expect(records[0]).toBe(`VOL1000042${' '.repeat(31)}654321${' '.repeat(32)}1`);
    expect(records[1]?.slice(0, 27)).toBe('HDR1A654321S  1654321000042');
    expect(records[2]?.slice(0, 15)).toBe('HDR2F0200000100');
    expect(records[3]?.slice(0, 40)).toBe('UHL1 26061999999    000000001 DAILY  001');
    expect(records[7]?.slice(4)).toBe(records[1]?.slice(4));
    expect(records[8]?.slice(4)).toBe(records[2]?.slice(4));
  });

  it('totals and counts debits and credits in the user trailer', () => {
    expect(records[9]?.slice(0, 44)).toBe('UTL10000000363075000000036307500000010000002');
  });

  it('passes its own check', () => {
    expect(checkBacsStandard18(file)).toEqual({ ok: true, credits: 2, totalPence: 363_075 });
  });

  it.each<[string, Partial<BacsFileInput>, string]>([
    [
      'a 5-digit sort code',
      { originator: { ...originator, sortCode: '20000' } },
      'originator.sortCode',
    ],
    [
      'a short account',
      { originator: { ...originator, accountNumber: '1234567' } },
      'originator.accountNumber',
    ],
    [
      'a bad SUN',
      { originator: { ...originator, serviceUserNumber: 'ABC123' } },
      'originator.serviceUserNumber',
    ],
    ['no originator name', { originator: { ...originator, name: '!!!' } }, 'originator.name'],
    ['no payments', { payments: [] }, 'payments'],
    ['a bad date', { processingDate: '2026-02-30' }, 'processingDate'],
    ['a long serial', { fileSerial: '1234567' }, 'fileSerial'],
  ])('refuses %s, naming the field', (_, overrides, field) => {
    expectInvalid(() => bacsStandard18(buildFile(overrides)), field);
  });

  it.each<[Partial<BacsPayment>, string]>([
    [{ sortCode: '40051' }, 'payments.0.sortCode'],
    [{ accountNumber: '8765432X' }, 'payments.0.accountNumber'],
    [{ amountPence: 0 }, 'payments.0.amountPence'],
    [{ amountPence: 12.5 }, 'payments.0.amountPence'],
    [{ amountPence: 100_000_000_000 }, 'payments.0.amountPence'],
    [{ accountName: '   ' }, 'payments.0.accountName'],
    [{ reference: '' }, 'payments.0.reference'],
  ])('refuses a payment with %j', (change, field) => {
    const [first, second] = buildFile().payments;
    expectInvalid(
      () =>
        bacsStandard18(
          buildFile({
            payments: [{ ...(first as BacsPayment), ...change }, second as BacsPayment],
          }),
        ),
      field,
    );
  });

  it('refuses payments adding up to more than the contra can carry', () => {
    const big = { ...(buildFile().payments[0] as BacsPayment), amountPence: 99_999_999_999 };
    expectInvalid(() => bacsStandard18(buildFile({ payments: [big, big] })), 'payments');
  });
});

describe('checkBacsStandard18', () => {
  const good = bacsStandard18(buildFile());
  const edit = (index: number, change: (record: string) => string) =>
    recordsOf(good)
      .map((record, i) => (i === index ? change(record) : record))
      .map((record) => `${record}\r\n`)
      .join('');
  const problemsOf = (text: string) => {
    const result = checkBacsStandard18(text);
    return result.ok ? [] : result.problems;
  };

  it('accepts LF line endings too', () => {
    expect(checkBacsStandard18(good.replaceAll('\r\n', '\n')).ok).toBe(true);
  });

  it.each<[string, string, RegExp]>([
    ['a short record', edit(4, (r) => r.slice(0, 99)), /Record 5 is 99 characters, not 100/],
    [
      'lower case',
      edit(4, (r) => r.replace('AMELIE', 'Amelie')),
      /Record 5 has characters Bacs does not allow/,
    ],
    [
      'a wrong transaction code',
      edit(5, (r) => `${r.slice(0, 15)}01${r.slice(17)}`),
      /transaction code is "01", not 99/,
    ],
    [
      'a changed amount',
      edit(5, (r) => `${r.slice(0, 35)}00000118076${r.slice(46)}`),
      /contra \(record 7\) is 363075 pence but the payments add up to 363076/,
    ],
    [
      'a wrong trailer count',
      edit(9, (r) => `${r.slice(0, 37)}0000003${r.slice(44)}`),
      /UTL1 counts 3 credits; there are 2/,
    ],
    [
      'a wrong trailer total',
      edit(9, (r) => `UTL10000000363076${r.slice(17)}`),
      /UTL1 says debits of 363076 pence/,
    ],
    [
      'an EOF1 not matching HDR1',
      edit(7, (r) => `${r.slice(0, 30)}9${r.slice(31)}`),
      /Record 8 must repeat record 2/,
    ],
    ['a missing label', edit(3, (r) => `XHL1${r.slice(4)}`), /Record 4 should be the UHL1 label/],
    [
      'a contra to another account',
      edit(6, (r) => `11111111111111${r.slice(14)}`),
      /contra \(record 7\) must debit the originating account/,
    ],
  ])('finds %s', (_, text, problem) => {
    expect(problemsOf(text).join('\n')).toMatch(problem);
  });

  it('refuses a file with too few records', () => {
    expect(problemsOf('VOL1\r\n')).toEqual([
      'A Standard 18 file has at least 9 records (4 header labels, a payment, the contra and 3 trailer labels); this one has 1.',
    ]);
  });

  const payment = fc.record({
    sortCode: fc.stringMatching(/^\d{6}$/),
    accountNumber: fc.stringMatching(/^\d{8}$/),
    accountName: fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => `${s}X`),
    amountPence: fc.integer({ min: 1, max: 1_000_000_000 }),
    reference: fc.string({ maxLength: 25 }).map((s) => `R${s}`),
  });

  it('accepts every file the writer writes, with its count and total', () => {
    fc.assert(
      fc.property(fc.array(payment, { minLength: 1, maxLength: 25 }), (payments) => {
        const text = bacsStandard18(buildFile({ payments }));
        expect(checkBacsStandard18(text)).toEqual({
          ok: true,
          credits: payments.length,
          totalPence: payments.reduce((sum, p) => sum + p.amountPence, 0),
        });
      }),
    );
  });

  it('fails any file where one amount was changed', () => {
    fc.assert(
      fc.property(
        fc.array(payment, { minLength: 1, maxLength: 25 }),
        fc.nat(),
        fc.integer({ min: 1, max: 99_999 }),
        (payments, which, delta) => {
          const records = recordsOf(bacsStandard18(buildFile({ payments })));
          const index = 4 + (which % payments.length);
          const record = records[index] ?? '';
          const amount = (Number(record.slice(35, 46)) + delta).toString().padStart(11, '0');
          records[index] = `${record.slice(0, 35)}${amount}${record.slice(46)}`;
          expect(checkBacsStandard18(records.map((r) => `${r}\r\n`).join('')).ok).toBe(false);
        },
      ),
    );
  });
});
