import { describe, expect, it } from 'vitest';
import { addDaysIso, todayIso } from './dates.ts';

describe('calendar dates', () => {
  it('gives today as the UK calendar shows it, whatever the clock’s zone', () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(todayIso(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayIso(new Date('2026-01-31T23:30:00Z'))).toBe('2026-01-31');
  });

  it('adds days across month and year ends', () => {
    expect(addDaysIso('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
  });
});
