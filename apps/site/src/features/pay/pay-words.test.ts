import { describe, expect, it } from 'vitest';
import { dayWords, endedMonths, monthWords, rateMessage } from './pay-words.ts';

describe('rateMessage', () => {
  it.each([
    ['per_session', 4500, 'rate.per_session', '£45.00'],
    ['per_hour', 2250, 'rate.per_hour', '£22.50'],
    ['monthly', 150_001, 'rate.monthly', '£1,500.01'],
  ] as const)('words a %s rate of %i pence with pounds and pence', (basis, pence, key, amount) => {
    expect(rateMessage(basis, pence)).toEqual({ key, amount });
  });

  it('says the rate is not agreed when there is none', () => {
    expect(rateMessage(null, null).key).toBe('rate.none');
    expect(rateMessage('per_hour', null).key).toBe('rate.none');
  });
});

describe('endedMonths', () => {
  it('gives the three months before this one, across a new year', () => {
    expect(endedMonths('2026-02-14')).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(endedMonths('2026-01-01', 1)).toEqual(['2025-12']);
  });
});

describe('dates in words', () => {
  it('shows a month and a day as words, whatever the clock’s zone', () => {
    expect(monthWords('2026-03-01', 'en-GB')).toBe('March 2026');
    // ICU versions differ on the comma after the weekday.
    expect(dayWords('2026-03-03', 'en-GB')).toMatch(/^Tuesday,? 3 March 2026$/);
  });
});
