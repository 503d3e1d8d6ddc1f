import type { NeedsMeItem } from '@coproduce/ui';
import { describe, expect, it } from 'vitest';
import { splitThisWeek } from './HomePage.tsx';

const item = (title: string, dueOn: string | null): NeedsMeItem => ({
  kind: 'submit-milestone',
  title,
  detail: '',
  path: 'milestones/x',
  dueOn,
});

describe('what is due this week', () => {
  it('puts late work and work due within 7 days first, soonest first; the rest after', () => {
    const { thisWeek, later } = splitThisWeek(
      [
        item('next month', '2026-12-20'),
        item('no date', null),
        item('in a week', '2026-12-03'),
        item('late', '2026-11-01'),
        item('in 8 days', '2026-12-04'),
      ],
      '2026-11-26',
    );
    expect(thisWeek.map((i) => i.title)).toEqual(['late', 'in a week']);
    expect(later.map((i) => i.title)).toEqual(['in 8 days', 'next month', 'no date']);
  });
});
