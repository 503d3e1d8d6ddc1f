import type { ProgrammeStage, ProgrammeSummary } from '@coproduce/ui';
import { isProgrammeStage, PROGRAMME_STAGE_ORDER } from '@coproduce/ui';

/**
 * How the programmes are shown, all of it in the URL (`?view=table&stage=delivery&sort=name`),
 * so a view can be bookmarked and shared. Unknown or empty parameters are ignored.
 */
export interface ProgrammeListView {
  readonly view: 'board' | 'table';
  readonly stage?: ProgrammeStage;
  readonly siteId?: string;
  readonly commissionerId?: string;
  readonly overdue: boolean;
  readonly sort: ProgrammeSort;
  readonly order: 'asc' | 'desc';
}

export const PROGRAMME_SORTS = ['name', 'stage', 'updated'] as const;
export type ProgrammeSort = (typeof PROGRAMME_SORTS)[number];

const DEFAULT_VIEW: ProgrammeListView = {
  view: 'board',
  overdue: false,
  sort: 'updated',
  order: 'desc',
};

/** The order each sort starts in: names A–Z, stages by lifecycle, the latest change first. */
export function defaultOrder(sort: ProgrammeSort): 'asc' | 'desc' {
  return sort === 'updated' ? 'desc' : 'asc';
}

export function readListView(params: URLSearchParams): ProgrammeListView {
  const text = (name: string) => {
    const value = params.get(name)?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const stage = text('stage');
  const sortParam = text('sort');
  const sort = PROGRAMME_SORTS.find((candidate) => candidate === sortParam) ?? DEFAULT_VIEW.sort;
  const orderParam = text('order');
  const siteId = text('site');
  const commissionerId = text('commissioner');
  return {
    view: text('view') === 'table' ? 'table' : 'board',
    ...(stage !== undefined && isProgrammeStage(stage) ? { stage } : {}),
    ...(siteId === undefined ? {} : { siteId }),
    ...(commissionerId === undefined ? {} : { commissionerId }),
    overdue: text('overdue') === 'yes',
    sort,
    order: orderParam === 'asc' || orderParam === 'desc' ? orderParam : defaultOrder(sort),
  };
}

export function listViewToSearch(view: ProgrammeListView): string {
  const params = new URLSearchParams();
  if (view.view !== DEFAULT_VIEW.view) params.set('view', view.view);
  if (view.stage !== undefined) params.set('stage', view.stage);
  if (view.siteId !== undefined) params.set('site', view.siteId);
  if (view.commissionerId !== undefined) params.set('commissioner', view.commissionerId);
  if (view.overdue) params.set('overdue', 'yes');
  if (view.view === 'table') {
    if (view.sort !== DEFAULT_VIEW.sort) params.set('sort', view.sort);
    if (view.order !== defaultOrder(view.sort)) params.set('order', view.order);
  }
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

export function hasListFilters(view: ProgrammeListView): boolean {
  return (
    view.stage !== undefined ||
    view.siteId !== undefined ||
    view.commissionerId !== undefined ||
    view.overdue
  );
}

/** The list procedure's input for a view: only the filters, never how they are shown. */
export function listQuery(view: ProgrammeListView) {
  return {
    ...(view.stage === undefined ? {} : { stage: view.stage }),
    ...(view.siteId === undefined ? {} : { siteId: view.siteId }),
    ...(view.commissionerId === undefined ? {} : { commissionerId: view.commissionerId }),
    ...(view.overdue ? { overdue: true } : {}),
  };
}

const stageRank = (stage: string) => {
  const index = (PROGRAMME_STAGE_ORDER as readonly string[]).indexOf(stage);
  return index === -1 ? PROGRAMME_STAGE_ORDER.length : index;
};

export function sortProgrammes(
  programmes: readonly ProgrammeSummary[],
  sort: ProgrammeSort,
  order: 'asc' | 'desc',
  locale: string,
): ProgrammeSummary[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: ProgrammeSummary, b: ProgrammeSummary) => collator.compare(a.name, b.name);
  const compare = (a: ProgrammeSummary, b: ProgrammeSummary): number => {
    switch (sort) {
      case 'name':
        return byName(a, b);
      case 'stage':
        return stageRank(a.stage) - stageRank(b.stage) || byName(a, b);
      case 'updated':
        return a.updatedAt.localeCompare(b.updatedAt) || byName(a, b);
    }
  };
  const sorted = [...programmes].sort(compare);
  return order === 'asc' ? sorted : sorted.reverse();
}

/** The board's columns: every stage in lifecycle order, and the final ones only when used. */
export function boardColumns(programmes: readonly ProgrammeSummary[]): ProgrammeStage[] {
  const always: readonly ProgrammeStage[] = [
    'proposal',
    'baseline',
    'delivery',
    'monitoring',
    'payment',
    'closure',
    'suspended',
    'closed',
  ];
  return PROGRAMME_STAGE_ORDER.filter(
    (stage) => always.includes(stage) || programmes.some((p) => p.stage === stage),
  );
}
