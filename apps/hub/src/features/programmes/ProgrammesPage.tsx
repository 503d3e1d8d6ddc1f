import {
  ButtonLink,
  EmptyState,
  ErrorState,
  LoadingState,
  Page,
  readError,
  ShowMore,
  useActiveMembership,
  useTRPC,
} from '@coproduce/ui';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { useT } from '../../i18n.ts';
import {
  hasListFilters,
  listQuery,
  listViewToSearch,
  type ProgrammeListView,
  readListView,
  sortProgrammes,
} from './list-view.ts';
import { ProgrammeBoard } from './ProgrammeBoard.tsx';
import { ProgrammeFilters } from './ProgrammeFilters.tsx';
import { ProgrammeTable } from './ProgrammeTable.tsx';

/**
 * Every programme this person may see, as a pipeline board by lifecycle stage or as a sortable
 * table, filtered by stage, site, commissioner and overdue returns. The URL holds it all.
 * The API pages by name; "Show more" adds the next page to what is shown.
 */
export function ProgrammesPage() {
  const t = useT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const membership = useActiveMembership();
  const [searchParams] = useSearchParams();
  const view = readListView(searchParams);
  const search = searchParams.toString();
  const programmes = useInfiniteQuery(
    trpc.programme.list.infiniteQueryOptions(listQuery(view), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const organisations = useQuery(trpc.organisation.list.queryOptions());
  const status = useRef<HTMLParagraphElement>(null);
  const focusStatus = useFocusAfterChange(search);

  const apply = (next: ProgrammeListView) => {
    void navigate({ search: listViewToSearch(next) });
  };

  const loaded = programmes.data !== undefined;
  useEffect(() => {
    if (focusStatus.pending && loaded) {
      status.current?.focus();
      focusStatus.done();
    }
  }, [focusStatus, loaded]);

  const sorted =
    programmes.data === undefined
      ? []
      : sortProgrammes(
          programmes.data.pages.flatMap((page) => page.programmes),
          view.sort,
          view.order,
          t.locale,
        );

  return (
    <Page title={t('programmes.title')}>
      <p className="govuk-body">{t('programmes.intro')}</p>
      {mayUse(membership.role, 'programme.create') && (
        <ButtonLink to="/programmes/new">{t('programmes.new')}</ButtonLink>
      )}
      <nav className="app-view-toggle" aria-label={t('programmes.viewToggle')}>
        <ul className="app-view-toggle__list">
          {(['board', 'table'] as const).map((kind) => (
            <li key={kind} className="app-view-toggle__item">
              <Link
                className="govuk-link app-view-toggle__link"
                to={{ search: listViewToSearch({ ...view, view: kind }) }}
                aria-current={view.view === kind ? 'true' : undefined}
              >
                {t(`programmes.view.${kind}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ProgrammeFilters
        key={search}
        view={view}
        organisations={organisations.data?.organisations ?? []}
        onApply={apply}
      />
      {programmes.isPending ? (
        <LoadingState label={t('programmes.loading')} />
      ) : programmes.isError ? (
        <ErrorState
          message={readError(programmes.error, t('state.unreachable')).message}
          onRetry={() => void programmes.refetch()}
        />
      ) : (
        <>
          <p
            className="govuk-body govuk-!-font-weight-bold"
            role="status"
            ref={status}
            tabIndex={-1}
          >
            {sorted.length === 0
              ? hasListFilters(view)
                ? t('programmes.noneMatch')
                : t('programmes.none')
              : t.plural('programmes.shown', sorted.length)}
          </p>
          {sorted.length === 0 ? (
            hasListFilters(view) ? null : (
              <EmptyState>{t('programmes.noneHint')}</EmptyState>
            )
          ) : view.view === 'board' ? (
            <ProgrammeBoard programmes={sorted} />
          ) : (
            <ProgrammeTable programmes={sorted} view={view} />
          )}
          <ShowMore list={programmes}>{t('pagination.more')}</ShowMore>
        </>
      )}
    </Page>
  );
}

/** After the filters or the view change, the result line takes focus so it is announced. */
function useFocusAfterChange(search: string) {
  const previous = useRef(search);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (previous.current !== search) {
      previous.current = search;
      setPending(true);
    }
  }, [search]);
  return { pending, done: () => setPending(false) };
}
