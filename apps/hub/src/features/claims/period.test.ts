import { describe, expect, it } from 'vitest';
import { readPeriod, suggestPeriod } from './period.ts';

describe('readPeriod', () => {
  it('reads a period of real dates', () => {
    expect(readPeriod('2027-01-01', ' 2027-03-31 ').period).toEqual({
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
    });
  });

  it.each([
    ['', '2027-03-31', { periodStart: 'periodStartMissing' }],
    ['2027-01-01', '', { periodEnd: 'periodEndMissing' }],
    ['2027-02-30', '2027-03-31', { periodStart: 'periodStartFormat' }],
    ['2027-01-01', '31/03/2027', { periodEnd: 'periodEndFormat' }],
    ['2027-04-01', '2027-03-31', { periodEnd: 'periodOrder' }],
  ])('refuses %j to %j', (start, end, problems) => {
    expect(readPeriod(start, end)).toEqual({ period: null, problems });
  });
});

describe('suggestPeriod', () => {
  const periods = [
    { startsOn: '2026-04-01', endsOn: '2026-06-30' },
    { startsOn: '2026-01-01', endsOn: '2026-03-31' },
    { startsOn: '2026-07-01', endsOn: '2026-09-30' },
  ];

  it('suggests the earliest ended period no live claim covers', () => {
    const claims = [
      { periodStart: '2026-01-01', periodEnd: '2026-03-31', state: 'settled' },
      { periodStart: '2026-04-01', periodEnd: '2026-06-30', state: 'rejected' },
    ];
    expect(suggestPeriod(periods, claims, '2026-08-15')).toEqual({
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
    });
  });

  it('suggests nothing when every ended period is claimed', () => {
    const claims = [{ periodStart: '2026-01-01', periodEnd: '2026-06-30', state: 'approved' }];
    expect(suggestPeriod(periods, claims, '2026-08-15')).toBeNull();
  });
});
