import {
  Button,
  ButtonLink,
  EmptyState,
  ErrorState,
  formatDate,
  LoadingState,
  NotificationBanner,
  Page,
  readError,
  Select,
  Tag,
  useActiveMembership,
  useNotice,
  useTRPC,
} from '@coproduce/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { OutboxStatus } from '../../offline/OutboxStatus.tsx';
import { type SessionsT, useSessionsT } from './i18n.ts';
import { useSiteProgrammes } from './session-data.ts';

const PAGE_SIZE = 20;

/** The site's sessions, newest first, 20 at a time ("Load more"), optionally one programme's. */
export function SessionsPage() {
  const t = useSessionsT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const programmeId = params.get('programmeId') ?? undefined;
  const programmes = useSiteProgrammes();
  const [notice] = useNotice();
  const sessions = useInfiniteQuery(
    trpc.deliverySession.list.infiniteQueryOptions(
      { siteId: membership.organisation.id, programmeId, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = sessions.data?.pages.flatMap((page) => page.sessions) ?? [];
  const programmeName = (id: string) =>
    programmes.data?.find((programme) => programme.id === id)?.name ?? '';
  const focusFrom = useFocusNewItems(items.length);

  const filter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).get('programmeId');
    void navigate({ search: chosen ? `?programmeId=${chosen}` : '' });
  };

  return (
    <Page
      title={t('sessions.title')}
      caption={membership.organisation.name}
      beforeHeading={
        <>
          {notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />}
          <OutboxStatus />
        </>
      }
    >
      <p className="govuk-body">{t('sessions.intro')}</p>
      {mayUse(membership.role, 'deliverySession.record') && (
        <ButtonLink
          to={{
            pathname: '/sessions/new',
            search: programmeId ? `?programmeId=${programmeId}` : '',
          }}
        >
          {t('sessions.record')}
        </ButtonLink>
      )}
      {programmes.data !== undefined && programmes.data.length > 1 && (
        <form className="app-filter" noValidate onSubmit={filter} key={programmeId ?? ''}>
          <Select
            name="programmeId"
            label={t('sessions.filter.programme')}
            defaultValue={programmeId ?? ''}
            options={[
              { value: '', text: t('sessions.filter.all') },
              ...programmes.data.map((programme) => ({
                value: programme.id,
                text: programme.name,
              })),
            ]}
          />
          <Button variant="secondary">{t('sessions.filter.apply')}</Button>
        </form>
      )}
      {sessions.isPending ? (
        <LoadingState label={t('sessions.loading')} />
      ) : sessions.isError ? (
        <ErrorState
          message={readError(sessions.error, t('state.unreachable')).message}
          onRetry={() => void sessions.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState>{t(programmeId ? 'sessions.noneForProgramme' : 'sessions.none')}</EmptyState>
      ) : (
        <>
          <ul className="app-item-list">
            {items.map((session, index) => (
              <li className="app-item" key={session.sessionId}>
                <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                  <Link
                    className="govuk-link"
                    to={`/sessions/${session.sessionId}`}
                    ref={index === focusFrom.index ? focusFrom.ref : undefined}
                  >
                    {session.title ||
                      t('sessions.item.untitled', { kind: kindWords(t, session.kind) })}
                  </Link>
                </h2>
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <Tag colour="grey">{kindWords(t, session.kind)}</Tag>{' '}
                  {t('sessions.item.when', {
                    date: formatDate(session.heldOn, t.locale),
                    minutes: session.durationMinutes,
                  })}
                </p>
                {programmeId === undefined && (
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    {programmeName(session.programmeId)}
                  </p>
                )}
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {t('sessions.item.deliveredBy', { name: session.practitionerName })}
                </p>
                <p className="govuk-body-s app-item__last">
                  {session.registered === 0
                    ? t('sessions.item.noRegister')
                    : t('sessions.item.attended', {
                        attended: session.attended,
                        registered: session.registered,
                      })}
                </p>
              </li>
            ))}
          </ul>
          {sessions.hasNextPage ? (
            <Button
              type="button"
              variant="secondary"
              pending={sessions.isFetchingNextPage}
              onClick={() => {
                focusFrom.prepare();
                void sessions.fetchNextPage();
              }}
            >
              {t('sessions.loadMore')}
            </Button>
          ) : (
            <p className="govuk-body govuk-hint">{t('sessions.allShown')}</p>
          )}
          {sessions.isFetchingNextPage && <LoadingState label={t('sessions.loadingMore')} />}
        </>
      )}
    </Page>
  );
}

function kindWords(t: SessionsT, kind: 'assessment' | 'treatment' | 'group' | 'follow-up') {
  return t(`sessionKind.${kind}`);
}

/**
 * After "Load more", focus moves to the first of the newly loaded sessions, so keyboard and
 * screen-reader users carry on from where the list grew.
 */
function useFocusNewItems(count: number) {
  const ref = useRef<HTMLAnchorElement>(null);
  const waitingFrom = useRef<number | null>(null);
  useEffect(() => {
    if (waitingFrom.current !== null && count > waitingFrom.current) {
      ref.current?.focus();
      waitingFrom.current = null;
    }
  }, [count]);
  return {
    ref,
    index: waitingFrom.current ?? count,
    prepare: () => {
      waitingFrom.current = count;
    },
  };
}
