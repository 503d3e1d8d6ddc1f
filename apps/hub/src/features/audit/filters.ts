/**
 * The audit trail's filters live in the URL (`?action=…&from=…`), so a filtered view can be
 * bookmarked and shared. Empty values are left out; unknown parameters are ignored.
 */
export interface AuditFilters {
  readonly action?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly actorPersonId?: string;
  readonly from?: string;
  readonly to?: string;
}

/** URL parameter for each filter (shorter and stable, whatever the procedure calls them). */
const PARAMS = {
  action: 'action',
  objectType: 'objectType',
  objectId: 'objectId',
  actorPersonId: 'person',
  from: 'from',
  to: 'to',
} as const satisfies Record<keyof AuditFilters, string>;

const KEYS = Object.keys(PARAMS) as Array<keyof AuditFilters>;

export function readAuditFilters(params: URLSearchParams): AuditFilters {
  const filters: { -readonly [K in keyof AuditFilters]?: string } = {};
  for (const key of KEYS) {
    const value = params.get(PARAMS[key])?.trim();
    if (value !== undefined && value !== '') filters[key] = value;
  }
  return filters;
}

export function auditFiltersToSearch(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key]?.trim();
    if (value !== undefined && value !== '') params.set(PARAMS[key], value);
  }
  const search = params.toString();
  return search === '' ? '' : `?${search}`;
}

export function withFilter(
  filters: AuditFilters,
  changes: Partial<Record<keyof AuditFilters, string | undefined>>,
): AuditFilters {
  const next: { -readonly [K in keyof AuditFilters]?: string } = { ...filters };
  for (const key of Object.keys(changes) as Array<keyof AuditFilters>) {
    const value = changes[key];
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

export function hasFilters(filters: AuditFilters): boolean {
  return KEYS.some((key) => filters[key] !== undefined);
}

/** The field each procedure input is shown in, for the error summary's links. */
export const FILTER_FIELD_IDS: Record<keyof AuditFilters, string> = {
  action: 'action',
  objectType: 'objectType',
  objectId: 'objectId',
  actorPersonId: 'person',
  from: 'from',
  to: 'to',
};
