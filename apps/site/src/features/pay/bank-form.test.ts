import { describe, expect, it } from 'vitest';
import { readBankForm } from './bank-form.ts';

const valid = { accountName: 'Ruth Campbell', sortCode: '12-34-56', accountNumber: '00733445' };

describe('readBankForm', () => {
  it.each([
    ['12-34-56', '123456'],
    ['12 34 56', '123456'],
    ['123456', '123456'],
    [' 12–34–56 ', '123456'],
  ])('takes the sort code %j as the six digits %s', (sortCode, digits) => {
    const result = readBankForm({ ...valid, sortCode });
    expect(result).toEqual({ ok: true, account: { ...valid, sortCode: digits } });
  });

  it('takes an account number typed with spaces, and tidies the name', () => {
    const result = readBankForm({
      accountName: '  Ruth   Campbell ',
      sortCode: '123456',
      accountNumber: '0073 3445',
    });
    expect(result).toEqual({
      ok: true,
      account: { accountName: 'Ruth Campbell', sortCode: '123456', accountNumber: '00733445' },
    });
  });

  it.each([
    [{ accountName: ' ' }, { accountName: 'bank.error.accountName' }],
    [{ accountName: 'R' }, { accountName: 'bank.error.accountName' }],
    [{ accountName: 'x'.repeat(71) }, { accountName: 'bank.error.accountNameTooLong' }],
    [{ sortCode: '' }, { sortCode: 'bank.error.sortCode' }],
    [{ sortCode: '12-34-5' }, { sortCode: 'bank.error.sortCodeFormat' }],
    [{ sortCode: '12-34-567' }, { sortCode: 'bank.error.sortCodeFormat' }],
    [{ sortCode: 'ab-cd-ef' }, { sortCode: 'bank.error.sortCodeFormat' }],
    [{ accountNumber: '' }, { accountNumber: 'bank.error.accountNumber' }],
    [{ accountNumber: '0073344A' }, { accountNumber: 'bank.error.accountNumberFormat' }],
    [{ accountNumber: '733445' }, { accountNumber: 'bank.error.accountNumberLength' }],
    [{ accountNumber: '007334455' }, { accountNumber: 'bank.error.accountNumberLength' }],
  ])('refuses %j, naming the field', (change, problems) => {
    expect(readBankForm({ ...valid, ...change })).toEqual({ ok: false, problems });
  });

  it('names every field that is wrong at once', () => {
    const result = readBankForm({ accountName: '', sortCode: '', accountNumber: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.problems)).toEqual(['accountName', 'sortCode', 'accountNumber']);
    }
  });
});
