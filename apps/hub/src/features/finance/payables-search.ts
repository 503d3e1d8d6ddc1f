import type { PayableCursor, PayableFilter } from './types.ts';

/** The filters the payables page offers, in order; `open` (not yet paid) is the default. */
export const PAYABLE_FILTERS = ['open', 'paid', 'all'] as const satisfies readonly PayableFilter[];

/**
 * What the payables page shows, read from its URL: the filter, and the keyset cursors of the
 * pages before this one (each "Next" adds one, "Previous" drops one), so any page can be
 * linked to and the back button works.
 */
export interface PayablesView {
  readonly status: PayableFilter;
  readonly cursors: readonly PayableCursor[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The API's cursors are opaque base64url strings; anything else is dropped, not sent. */
const CURSOR = /^[A-Za-z0-9_-]{1,512}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function readPayablesView(params: URLSearchParams): PayablesView {
  const status = params.get('status') ?? '';
  return {
    status: (PAYABLE_FILTERS as readonly string[]).includes(status)
      ? (status as PayableFilter)
      : 'open',
    cursors: params.getAll('after').filter((text) => CURSOR.test(text)),
  };
}

export function payablesSearch(view: PayablesView): string {
  const params = new URLSearchParams();
  if (view.status !== 'open') params.set('status', view.status);
  for (const cursor of view.cursors) params.append('after', cursor);
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

/** The cursor this page starts after (none on the first page). */
export function currentCursor(view: PayablesView): PayableCursor | undefined {
  return view.cursors.at(-1);
}

export function nextPage(view: PayablesView, cursor: PayableCursor): PayablesView {
  return { ...view, cursors: [...view.cursors, cursor] };
}

export function previousPage(view: PayablesView): PayablesView | undefined {
  return view.cursors.length === 0 ? undefined : { ...view, cursors: view.cursors.slice(0, -1) };
}

/** A new filter starts again from the first page. */
export function withStatus(status: PayableFilter): PayablesView {
  return { status, cursors: [] };
}
