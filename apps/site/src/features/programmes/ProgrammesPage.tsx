import {
  EmptyState,
  ErrorState,
  LoadingState,
  Page,
  type ProgrammeSummary,
  readError,
  ShowMore,
  StageTag,
  useActiveMembership,
  useTRPC,
  useWorkflowHistory,
} from '@coproduce/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';
import { HubRequest } from './HubRequest.tsx';

/**
 * The programmes this site takes part in: where each one is, in words, and what the hub asked.
 * A page at a time by name; "Show more" adds the next page.
 */
export function ProgrammesPage() {
  const t = useT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const programmes = useInfiniteQuery(
    trpc.programme.list.infiniteQueryOptions(
      {},
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const shown = programmes.data?.pages.flatMap((page) => page.programmes) ?? [];

  return (
    <Page title={t('programmes.title')} caption={membership.organisation.name}>
      <p className="govuk-body">{t('programmes.intro')}</p>
      {programmes.isPending ? (
        <LoadingState label={t('programmes.loading')} />
      ) : programmes.isError ? (
        <ErrorState
          message={readError(programmes.error, t('state.unreachable')).message}
          onRetry={() => void programmes.refetch()}
        />
      ) : shown.length === 0 ? (
        <EmptyState>{t('programmes.none')}</EmptyState>
      ) : (
        <>
          <ul className="app-item-list">
            {shown.map((programme) => (
              <ProgrammeItem key={programme.id} programme={programme} />
            ))}
          </ul>
          <ShowMore list={programmes}>{t('pagination.more')}</ShowMore>
        </>
      )}
    </Page>
  );
}

function ProgrammeItem({ programme }: { programme: ProgrammeSummary }) {
  const t = useT();
  const history = useWorkflowHistory('programme', programme.id);
  return (
    <li className="app-item">
      <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
        <Link className="govuk-link" to={`/programmes/${programme.id}`}>
          {programme.name}
        </Link>
      </h2>
      <p className="govuk-body govuk-!-margin-bottom-2">
        <StageTag stage={programme.stage} />
      </p>
      <p className="govuk-body">{t(`siteStage.${programmeStageKey(programme.stage)}`)}</p>
      {history.data !== undefined && <HubRequest transitions={history.data.transitions} />}
    </li>
  );
}

const STAGES = [
  'proposal',
  'baseline',
  'delivery',
  'monitoring',
  'payment',
  'closure',
  'suspended',
  'closed',
  'rejected',
  'withdrawn',
  'terminated',
] as const;

/** A stage's plain-words key, or "other" for a stage added later. */
export function programmeStageKey(stage: string): (typeof STAGES)[number] | 'other' {
  return STAGES.find((known) => known === stage) ?? 'other';
}
