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

const ID_1 = '0b6f3c1e-1111-4a4a-8a8a-000000000001';
const ID_2 = '0b6f3c1e-2222-4a4a-8a8a-000000000002';
const read = (search: string) => readPayablesView(new URLSearchParams(search));

describe('payables page URL', () => {
  it('reads the filter and the cursors of the pages before', () => {
    expect(read(`?status=paid&after=2026-05-01_${ID_1}&after=2026-06-01_${ID_2}`)).toEqual({
      status: 'paid',
      cursors: [
        { dueOn: '2026-05-01', id: ID_1 },
        { dueOn: '2026-06-01', id: ID_2 },
      ],
    });
  });

  it('shows open payables unless told otherwise, and ignores what it does not know', () => {
    expect(read('?status=lost&after=2026-02-30_x&after=nonsense')).toEqual({
      status: 'open',
      cursors: [],
    });
  });

  it('writes back what it reads', () => {
    const search = `?status=all&after=2026-05-01_${ID_1}`;
    expect(payablesSearch(read(search))).toBe(search);
    expect(payablesSearch(read(''))).toBe('');
  });

  it('pages forward and back by keyset cursor', () => {
    const first = read('?status=paid');
    expect(currentCursor(first)).toBeUndefined();
    expect(previousPage(first)).toBeUndefined();
    const second = nextPage(first, { dueOn: '2026-05-01', id: ID_1 });
    const third = nextPage(second, { dueOn: '2026-06-01', id: ID_2 });
    expect(currentCursor(third)).toEqual({ dueOn: '2026-06-01', id: ID_2 });
    expect(payablesSearch(third)).toBe(
      `?status=paid&after=2026-05-01_${ID_1}&after=2026-06-01_${ID_2}`,
    );
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
