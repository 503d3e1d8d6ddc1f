import { describe, expect, it } from 'vitest';
import {
  currentCursor,
  isIsoDate,
  nextPage,
  payablesSearch,
  previousPage,
  readPayablesView,
  withStatus,
} from './payables-search.ts';

// Opaque cursors as the API writes them (base64url), e.g. of ["2026-05-01", "<uuid>"].
const ID_1 = 'WyIyMDI2LTA1LTAxIiwiMGI2ZjNjMWUtMTExMSJd';
const ID_2 = 'WyIyMDI2LTA2LTAxIiwiMGI2ZjNjMWUtMjIyMiJd';
const read = (search: string) => readPayablesView(new URLSearchParams(search));

describe('payables page URL', () => {
  it('reads the filter and the cursors of the pages before', () => {
    expect(read(`?status=paid&after=${ID_1}&after=${ID_2}`)).toEqual({
      status: 'paid',
      cursors: [ID_1, ID_2],
    });
  });

  it('shows open payables unless told otherwise, and ignores what it does not know', () => {
    expect(read('?status=lost&after=not%20a%20cursor&after=%3Cscript%3E&after=')).toEqual({
      status: 'open',
      cursors: [],
    });
  });

  it('writes back what it reads', () => {
    const search = `?status=all&after=${ID_1}`;
    expect(payablesSearch(read(search))).toBe(search);
    expect(payablesSearch(read(''))).toBe('');
  });

  it('pages forward and back by keyset cursor', () => {
    const first = read('?status=paid');
    expect(currentCursor(first)).toBeUndefined();
    expect(previousPage(first)).toBeUndefined();
    const second = nextPage(first, ID_1);
    const third = nextPage(second, ID_2);
    expect(currentCursor(third)).toBe(ID_2);
    expect(payablesSearch(third)).toBe(`?status=paid&after=${ID_1}&after=${ID_2}`);
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(second)).toEqual(first);
  });

  it('starts from the first page when the filter changes', () => {
    expect(withStatus('all')).toEqual({ status: 'all', cursors: [] });
  });
});

describe('isIsoDate', () => {
  it('takes real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('30/06/2025')).toBe(false);
  });
});
