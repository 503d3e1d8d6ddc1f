import { describe, expect, it } from 'vitest';
import { budgetBarParts } from './money-bar.ts';

describe('budgetBarParts', () => {
  it('splits the bar into paid, committed-unpaid and available', () => {
    expect(budgetBarParts({ budgetPence: 1_000, committedPence: 600, paidPence: 250 })).toEqual({
      paid: 25,
      unpaid: 35,
      available: 40,
    });
  });

  it('draws no bar for an empty budget', () => {
    expect(budgetBarParts({ budgetPence: 0, committedPence: 0, paidPence: 0 })).toBeNull();
  });

  it('fills the bar when more is committed than budgeted', () => {
    expect(budgetBarParts({ budgetPence: 100, committedPence: 200, paidPence: 200 })).toEqual({
      paid: 100,
      unpaid: 0,
      available: 0,
    });
  });
});
