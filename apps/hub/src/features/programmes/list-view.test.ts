import type { ProgrammeSummary } from '@coproduce/ui';
import { describe, expect, it } from 'vitest';
import {
  boardColumns,
  hasListFilters,
  listQuery,
  listViewToSearch,
  readListView,
  sortProgrammes,
} from './list-view.ts';

const SITE = '0b9c1c3e-6c55-4f6e-9a53-2f4c0f7e8a01';

function buildProgramme(overrides: Partial<ProgrammeSummary>): ProgrammeSummary {
  return {
    id: crypto.randomUUID(),
    name: 'A programme',
    stage: 'proposal',
    state: 'proposal.draft',
    budgetPence: 100_000,
    overdueReturn: false,
    sites: [],
    funders: [],
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('programme list view', () => {
  it('starts as a board of every programme, most recently changed first', () => {
    expect(readListView(new URLSearchParams())).toEqual({
      view: 'board',
      overdue: false,
      sort: 'updated',
      order: 'desc',
    });
    expect(listViewToSearch(readListView(new URLSearchParams()))).toBe('');
  });

  it('reads filters and sorting from the URL and writes the same URL back', () => {
    const search = `?view=table&stage=delivery&site=${SITE}&overdue=yes&sort=name&order=desc`;
    const view = readListView(new URLSearchParams(search));
    expect(view).toEqual({
      view: 'table',
      stage: 'delivery',
      siteId: SITE,
      overdue: true,
      sort: 'name',
      order: 'desc',
    });
    expect(listViewToSearch(view)).toBe(search);
    expect(hasListFilters(view)).toBe(true);
    expect(listQuery(view)).toEqual({ stage: 'delivery', siteId: SITE, overdue: true });
  });

  it('ignores a stage or sort it does not know', () => {
    const view = readListView(new URLSearchParams('stage=everything&sort=budget&overdue=1'));
    expect(view.stage).toBeUndefined();
    expect(view.sort).toBe('updated');
    expect(view.overdue).toBe(false);
    expect(hasListFilters(view)).toBe(false);
  });

  it('sorts by name, by lifecycle stage, or by the latest change', () => {
    const programmes = [
      buildProgramme({ name: 'b clinics', stage: 'delivery', updatedAt: '2026-03-01T00:00:00Z' }),
      buildProgramme({ name: 'A hearts', stage: 'proposal', updatedAt: '2026-01-01T00:00:00Z' }),
      buildProgramme({ name: 'C carers', stage: 'baseline', updatedAt: '2026-02-01T00:00:00Z' }),
    ];
    const names = (list: ProgrammeSummary[]) => list.map((p) => p.name);
    expect(names(sortProgrammes(programmes, 'name', 'asc', 'en-GB'))).toEqual([
      'A hearts',
      'b clinics',
      'C carers',
    ]);
    expect(names(sortProgrammes(programmes, 'stage', 'asc', 'en-GB'))).toEqual([
      'A hearts',
      'C carers',
      'b clinics',
    ]);
    expect(names(sortProgrammes(programmes, 'updated', 'desc', 'en-GB'))).toEqual([
      'b clinics',
      'C carers',
      'A hearts',
    ]);
  });

  it('shows every active stage as a column, and final ones only when a programme is there', () => {
    expect(boardColumns([])).toEqual([
      'proposal',
      'baseline',
      'delivery',
      'monitoring',
      'payment',
      'closure',
      'suspended',
      'closed',
    ]);
    expect(boardColumns([buildProgramme({ stage: 'terminated' })])).toContain('terminated');
  });
});
