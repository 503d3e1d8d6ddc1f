/** What the outcomes page shows, as read from and written to its URL (`?site=…&period=…`). */
export interface OutcomesFilters {
  readonly siteId?: string;
  readonly periodNumber?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ignores anything malformed (a hand-edited link shows the whole programme, not an error). */
export function readOutcomesFilters(params: URLSearchParams): OutcomesFilters {
  const site = params.get('site') ?? '';
  const period = params.get('period') ?? '';
  const periodNumber = /^[1-9]\d{0,3}$/.test(period) ? Number(period) : undefined;
  return {
    ...(UUID.test(site) ? { siteId: site.toLowerCase() } : {}),
    ...(periodNumber === undefined ? {} : { periodNumber }),
  };
}

export function outcomesSearch(filters: OutcomesFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.siteId !== undefined) params.set('site', filters.siteId);
  if (filters.periodNumber !== undefined) params.set('period', String(filters.periodNumber));
  return params;
}

/**
 * Keeps only filters that name one of the programme's own sites and periods, so a stale link
 * falls back to the whole programme.
 */
export function validFilters(
  filters: OutcomesFilters,
  programme: {
    sites: readonly { organisationId: string }[];
    periods: readonly { number: number }[];
  },
): OutcomesFilters {
  const site = programme.sites.some((s) => s.organisationId === filters.siteId);
  const period = programme.periods.some((p) => p.number === filters.periodNumber);
  return {
    ...(site && filters.siteId !== undefined ? { siteId: filters.siteId } : {}),
    ...(period && filters.periodNumber !== undefined ? { periodNumber: filters.periodNumber } : {}),
  };
}
