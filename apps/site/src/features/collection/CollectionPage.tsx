import {
  Button,
  EmptyState,
  ErrorState,
  formatDate,
  LoadingState,
  Page,
  readError,
  Select,
  SummaryList,
  Table,
  Tag,
  useActiveMembership,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SITE_PROGRAMMES_PAGE } from '../../app/site-programmes.ts';
import { useTranslateWith } from '../../i18n.ts';
import { collectionEn } from '../../messages/collection.en.ts';
import { Term } from '../glossary/Term.tsx';
import { type CollectionRoundView, countText, rateText } from './rounds.ts';

const COUNT_COLUMNS = ['expected', 'received', 'complete'] as const;

const useCollectionT = () => useTranslateWith(collectionEn);
type CollectionT = ReturnType<typeof useCollectionT>;

/** Prefer a programme that is collecting now when none is chosen. */
const ACTIVE_STAGES = ['delivery', 'monitoring', 'baseline', 'payment'];

/**
 * For one programme at the site, each collection round (timepoint): expected vs received vs
 * complete, with rates, and who collected them — co-assessment made visible (BRIEF problem 2, 8).
 */
export function CollectionPage() {
  const t = useCollectionT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const programmes = useQuery(trpc.programme.list.queryOptions({ limit: SITE_PROGRAMMES_PAGE }));
  const list = programmes.data?.programmes ?? [];
  const chosen =
    list.find((programme) => programme.id === params.get('programmeId')) ??
    [...list].sort(
      (a, b) => stageRank(a.stage) - stageRank(b.stage) || a.name.localeCompare(b.name),
    )[0];

  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const programmeId = new FormData(event.currentTarget).get('programmeId');
    if (typeof programmeId === 'string') void navigate({ search: `?programmeId=${programmeId}` });
  };

  return (
    <Page title={t('collection.title')} caption={chosen?.name ?? membership.organisation.name}>
      <p className="govuk-body">
        {t('collection.introBefore')} <Term id="timepoint">{t('collection.introTimepoint')}</Term>
        {t('collection.introAfter')}
      </p>
      <p className="govuk-body">
        {t('collection.whatWords')}{' '}
        <Term id="expected-received-complete">{t('collection.whatWordsTerm')}</Term>.
      </p>
      {programmes.isPending ? (
        <LoadingState label={t('collection.loading')} />
      ) : programmes.isError ? (
        <ErrorState
          message={readError(programmes.error, t('state.unreachable')).message}
          onRetry={() => void programmes.refetch()}
        />
      ) : chosen === undefined ? (
        <EmptyState>{t('collection.noProgrammes')}</EmptyState>
      ) : (
        <>
          {list.length > 1 && (
            <form className="app-filter" noValidate onSubmit={show} key={chosen.id}>
              <Select
                name="programmeId"
                label={t('collection.programme')}
                defaultValue={chosen.id}
                options={list.map((programme) => ({ value: programme.id, text: programme.name }))}
              />
              <Button variant="secondary">{t('collection.show')}</Button>
            </form>
          )}
          <Rounds t={t} programmeId={chosen.id} siteId={membership.organisation.id} />
        </>
      )}
    </Page>
  );
}

function stageRank(stage: string): number {
  const rank = ACTIVE_STAGES.indexOf(stage);
  return rank === -1 ? ACTIVE_STAGES.length : rank;
}

function Rounds({
  t,
  programmeId,
  siteId,
}: {
  t: CollectionT;
  programmeId: string;
  siteId: string;
}) {
  const trpc = useTRPC();
  // Asked afresh on every visit: a questionnaire just recorded must show in its round.
  const report = useQuery(
    trpc.outcomes.report.queryOptions({ programmeId, siteId }, { staleTime: 0 }),
  );
  if (report.isPending) return <LoadingState label={t('collection.loading')} />;
  if (report.isError) {
    return (
      <ErrorState
        message={readError(report.error, t('state.unreachable')).message}
        onRetry={() => void report.refetch()}
      />
    );
  }
  const rounds = report.data.rounds;
  if (rounds.length === 0) return <EmptyState>{t('collection.noRounds')}</EmptyState>;
  const anySmall = rounds.some((round) =>
    [round.expected, round.received, round.complete].includes('<5'),
  );
  return (
    <>
      <Table
        caption={t('collection.summaryCaption')}
        columns={[
          { header: t('collection.timepoint') },
          ...COUNT_COLUMNS.map((column) => ({ header: t(`collection.${column}`), numeric: true })),
        ]}
        rows={rounds.map((round) => ({
          key: round.timepointCode,
          cells: [
            round.label,
            ...COUNT_COLUMNS.map((column) => countText(round[column], t.locale)),
          ],
        }))}
      />
      {anySmall && (
        <p className="govuk-body">
          {t('collection.smallNumbers')}{' '}
          <Term id="small-numbers">{t('collection.smallNumbersTerm')}</Term>.
        </p>
      )}
      {rounds.map((round) => (
        <Round
          key={round.timepointCode}
          t={t}
          round={round}
          programmeId={programmeId}
          siteId={siteId}
        />
      ))}
    </>
  );
}

function Round({
  t,
  round,
  programmeId,
  siteId,
}: {
  t: CollectionT;
  round: CollectionRoundView;
  programmeId: string;
  siteId: string;
}) {
  /** "23 (27% of expected)"; without a rate, the count and why there is none. */
  const withRate = (
    count: number | '<5',
    rate: number | null,
    base: number | '<5',
    message: 'collection.receivedValue' | 'collection.completeValue',
  ) => {
    const counted = countText(count, t.locale);
    const shown = rateText(rate, [count, base], t.locale);
    if (shown !== null) return t(message, { count: counted, rate: shown });
    if (count === '<5' || base === '<5') return `${counted} (${t('collection.rateNotShown')})`;
    return counted;
  };
  const headingId = `round-${round.timepointCode}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id={headingId}>
        {round.label}
      </h2>
      <SummaryList
        rows={[
          { key: t('collection.expected'), value: countText(round.expected, t.locale) },
          {
            key: t('collection.received'),
            value: withRate(
              round.received,
              round.responseRate,
              round.expected,
              'collection.receivedValue',
            ),
          },
          {
            key: t('collection.complete'),
            value: withRate(
              round.complete,
              round.completionRate,
              round.received,
              'collection.completeValue',
            ),
          },
          {
            key: t('collection.collectedBy'),
            value: (
              <ul className="govuk-list govuk-!-margin-bottom-0">
                <li>
                  {t('collection.byPractitioner', {
                    count: countText(round.collectedBy.practitioner, t.locale),
                  })}
                </li>
                <li>
                  {t('collection.byResearcher', {
                    count: countText(round.collectedBy.communityResearcher, t.locale),
                  })}{' '}
                  (<Term id="co-assessment">{t('collection.byResearcherTerm')}</Term>)
                </li>
                <li>
                  {t('collection.bySiteLead', {
                    count: countText(round.collectedBy.siteLead, t.locale),
                  })}
                </li>
              </ul>
            ),
          },
        ]}
      />
      <WhoIsMissing
        t={t}
        programmeId={programmeId}
        siteId={siteId}
        timepointCode={round.timepointCode}
        label={round.label}
      />
    </section>
  );
}

/**
 * The round's chase list, read only when opened: it shows names, and every read of names is
 * audited, so it is not fetched for every round on every visit.
 */
function WhoIsMissing({
  t,
  programmeId,
  siteId,
  timepointCode,
  label,
}: {
  t: CollectionT;
  programmeId: string;
  siteId: string;
  timepointCode: string;
  label: string;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const missing = useQuery(
    trpc.participant.missingAtTimepoint.queryOptions(
      { programmeId, siteId, timepointCode },
      // A chase list: always asked afresh when opened, so someone just seen is not shown.
      { enabled: open, staleTime: 0 },
    ),
  );
  return (
    <details className="govuk-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {t('collection.missing')}
          <span className="govuk-visually-hidden">: {label}</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        {!open ? null : missing.isPending ? (
          <LoadingState label={t('collection.missingLoading')} />
        ) : missing.isError ? (
          <ErrorState
            message={readError(missing.error, t('state.unreachable')).message}
            onRetry={() => void missing.refetch()}
          />
        ) : missing.data.length === 0 ? (
          <p className="govuk-body">{t('collection.missingNone')}</p>
        ) : (
          <>
            <p className="govuk-body govuk-!-font-weight-bold">
              {t.plural('collection.missingCount', missing.data.length)}
            </p>
            <p className="govuk-body">{t('collection.missingIntro')}</p>
            <ul className="govuk-list govuk-list--spaced">
              {[...missing.data].sort(byMostUrgent).map((person) => (
                <li key={person.participantId}>
                  <Link className="govuk-link" to={`/participants/${person.participantId}`}>
                    {person.name ?? t('collection.nameRemoved')}
                  </Link>{' '}
                  <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">
                    {person.code}.{' '}
                    {person.windowCloses === null
                      ? t('collection.dueFrom', { opens: formatDate(person.windowOpens, t.locale) })
                      : t('collection.dueBetween', {
                          opens: formatDate(person.windowOpens, t.locale),
                          closes: formatDate(person.windowCloses, t.locale),
                        })}
                  </span>
                  {person.overdue && <Tag colour="red">{t('collection.windowClosed')}</Tag>}
                  <span className="govuk-!-display-block">
                    <Link
                      className="govuk-link"
                      to={`/participants/${person.participantId}/questionnaire?timepoint=${encodeURIComponent(timepointCode)}`}
                    >
                      {t('collection.recordNow')}
                      <span className="govuk-visually-hidden">
                        {' '}
                        {t('collection.recordNowFor', {
                          name: person.name ?? person.code,
                        })}
                      </span>
                    </Link>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </details>
  );
}

interface MissingPerson {
  readonly windowCloses: string | null;
  readonly code: string;
}

/** Closing soonest first (already closed at the top); open-ended windows last. */
export function byMostUrgent(a: MissingPerson, b: MissingPerson): number {
  return (
    (a.windowCloses ?? '9999').localeCompare(b.windowCloses ?? '9999') ||
    a.code.localeCompare(b.code)
  );
}
