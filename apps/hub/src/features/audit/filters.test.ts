import { describe, expect, it } from 'vitest';
import { auditFiltersToSearch, hasFilters, readAuditFilters, withFilter } from './filters.ts';

describe('audit filters', () => {
  it('reads the filters from the URL, leaving out empty and unknown parameters', () => {
    const filters = readAuditFilters(
      new URLSearchParams('action=membership.granted&objectType=&person=p-1&from=2026-01-01&utm=x'),
    );
    expect(filters).toEqual({
      action: 'membership.granted',
      actorPersonId: 'p-1',
      from: '2026-01-01',
    });
  });

  it('writes the same filters back to the same URL', () => {
    const search =
      '?action=invitation.created&objectType=invitation&objectId=abc&person=p-1&from=2026-01-01&to=2026-02-01';
    expect(auditFiltersToSearch(readAuditFilters(new URLSearchParams(search)))).toBe(search);
  });

  it('writes no query string when nothing is filtered', () => {
    expect(auditFiltersToSearch({})).toBe('');
    expect(hasFilters({})).toBe(false);
  });

  it('adds, replaces and removes one filter, keeping the others', () => {
    const start = { action: 'membership.granted', from: '2026-01-01' };
    expect(withFilter(start, { actorPersonId: 'p-2' })).toEqual({ ...start, actorPersonId: 'p-2' });
    expect(withFilter(start, { action: 'invitation.created' })).toEqual({
      action: 'invitation.created',
      from: '2026-01-01',
    });
    expect(withFilter(start, { from: undefined })).toEqual({ action: 'membership.granted' });
    expect(hasFilters(start)).toBe(true);
  });

  it('trims what people type', () => {
    expect(readAuditFilters(new URLSearchParams('objectType=%20invitation%20'))).toEqual({
      objectType: 'invitation',
    });
  });
});
