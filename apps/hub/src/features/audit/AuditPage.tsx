import { AUDIT_ACTIONS } from '@coproduce/domain';
import {
  ErrorState,
  ErrorSummary,
  firstFieldErrors,
  Page,
  readError,
  useTRPC,
} from '@coproduce/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n.ts';
import { AuditEntries } from './AuditEntries.tsx';
import { AuditFilterForm, SelectedFilters } from './AuditFilterForm.tsx';
import {
  type AuditFilters,
  auditFiltersToSearch,
  FILTER_FIELD_IDS,
  readAuditFilters,
} from './filters.ts';
import { VerifyChain } from './VerifyChain.tsx';

const PAGE_SIZE = 50;

/** The network's audit trail, newest first, filtered by the URL, with "Verify chain". */
export function AuditPage() {
  const t = useT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const filters = readAuditFilters(searchParams);
  const search = searchParams.toString();
  const focusAfterChange = useFocusAfterFilterChange(search);

  const entries = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...filters, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );

  const error = entries.isError ? readError(entries.error, t('state.unreachable')) : null;
  const fieldErrors = firstFieldErrors(error);
  const summary = Object.entries(fieldErrors).map(([field, text]) => ({
    fieldId: FILTER_FIELD_IDS[field as keyof AuditFilters] ?? field,
    text,
  }));
  const actions = entries.data?.pages[0]?.actions ?? [...AUDIT_ACTIONS];

  const apply = (next: AuditFilters) => {
    void navigate({ search: auditFiltersToSearch(next) });
  };

  return (
    <Page
      title={t('audit.title')}
      hasErrors={summary.length > 0}
      beforeHeading={
        summary.length > 0 && <ErrorSummary errors={summary} attempt={entries.errorUpdateCount} />
      }
    >
      <p className="govuk-body">{t('audit.intro')}</p>
      <VerifyChain />
      <AuditFilterForm
        key={searchParams.toString()}
        filters={filters}
        actions={actions}
        fieldErrors={fieldErrors}
        onApply={apply}
      />
      <SelectedFilters
        filters={filters}
        entries={entries.data?.pages[0]?.entries ?? []}
        onApply={apply}
      />
      {error !== null && summary.length === 0 ? (
        <ErrorState message={error.message} onRetry={() => void entries.refetch()} />
      ) : (
        error === null && (
          <AuditEntries
            query={entries}
            filters={filters}
            focusStatus={focusAfterChange.pending}
            onStatusFocused={focusAfterChange.done}
            onApply={apply}
          />
        )
      )}
    </Page>
  );
}

/**
 * When the filters change (applied, cleared, "only this person", or the back button), the
 * element that was used is often re-rendered away; focus then goes to the result line instead.
 */
function useFocusAfterFilterChange(search: string) {
  const previous = useRef(search);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (previous.current !== search) {
      previous.current = search;
      setPending(true);
    }
  }, [search]);
  const done = useCallback(() => setPending(false), []);
  return { pending, done };
}
