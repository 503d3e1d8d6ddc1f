import {
  Button,
  ButtonLink,
  EmptyState,
  ErrorState,
  ErrorSummary,
  formatDate,
  LoadingState,
  Page,
  readError,
  ShowMore,
  Tag,
  TextInput,
  useActiveMembership,
  useTRPC,
} from '@coproduce/ui';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { OutboxStatus } from '../../offline/OutboxStatus.tsx';
import { Term } from '../glossary/Term.tsx';
import { withTerm } from '../questionnaires/with-term.tsx';
import './participants.css';
import { SITE_PROGRAMMES_PAGE } from '../../app/site-programmes.ts';
import { ConsentTag } from './ConsentTag.tsx';
import { normaliseSearch } from './enrol/enrol-steps.ts';
import { useParticipantsT } from './t.ts';

/** Everyone enrolled at the site (by code), and finding someone by name, code, birthday or NHS number. */
export function ParticipantsPage() {
  const t = useParticipantsT();
  const membership = useActiveMembership();
  const [search, setSearch] = useSearchParams();
  const query = search.get('q') ?? '';
  const [text, setText] = useState(query);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed.replace(/\s/g, '').length < 2) {
      setError(t('participants.search.tooShort'));
      setAttempt((n) => n + 1);
      return;
    }
    setError(null);
    setSearch({ q: trimmed });
  };

  return (
    <Page
      title={t('participants.title')}
      caption={membership.organisation.name}
      hasErrors={error !== null}
      beforeHeading={
        <>
          <OutboxStatus />
          <ErrorSummary
            errors={error === null ? [] : [{ fieldId: 'q', text: error }]}
            attempt={attempt}
          />
        </>
      }
    >
      <p className="govuk-body">
        {withTerm(
          t('participants.intro', { term: '{term}' }),
          <Term id="participant-code">{t('participants.introTerm')}</Term>,
        )}
      </p>
      {mayUse(membership.role, 'participant.enrol') && (
        <ButtonLink to="/participants/enrol">{t('participants.enrol')}</ButtonLink>
      )}
      <form className="app-search" noValidate onSubmit={submit}>
        <h2 className="govuk-heading-m govuk-!-width-full">{t('participants.search.heading')}</h2>
        <TextInput
          name="q"
          type="search"
          label={t('participants.search.label')}
          hint={t('participants.search.hint')}
          error={error ?? undefined}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Button variant="secondary">{t('participants.search.submit')}</Button>
      </form>
      {query !== '' ? (
        <SearchResults
          query={query}
          onClear={() => {
            setText('');
            setSearch({});
          }}
        />
      ) : (
        <Everyone />
      )}
    </Page>
  );
}

function SearchResults({ query, onClear }: { query: string; onClear: () => void }) {
  const t = useParticipantsT();
  const trpc = useTRPC();
  const siteId = useActiveMembership().organisation.id;
  const results = useQuery(
    trpc.participant.search.queryOptions({ siteId, query: normaliseSearch(query) }),
  );
  return (
    <section aria-labelledby="results-heading">
      {results.isPending ? (
        <LoadingState label={t('participants.search.loading')} />
      ) : results.isError ? (
        <ErrorState
          message={readError(results.error, t('state.unreachable')).message}
          onRetry={() => void results.refetch()}
        />
      ) : (
        <>
          <h2 className="govuk-heading-m" id="results-heading">
            {t.plural('participants.search.results', results.data.length, { query })}
          </h2>
          {results.data.length === 0 ? (
            <EmptyState>{t('participants.search.none', { query })}</EmptyState>
          ) : (
            <ul className="app-people-list">
              {results.data.map((person) => (
                <li className="app-people-list__item" key={person.participantId}>
                  <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                    <Link className="govuk-link" to={`/participants/${person.participantId}`}>
                      {person.givenName} {person.familyName}
                    </Link>
                  </p>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    <span className="app-participant-code">{person.code}</span>
                    {' · '}
                    {t('participants.item.born', {
                      date: formatDate(person.dateOfBirth, t.locale),
                    })}
                  </p>
                  <ConsentTag status={person.consent} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p className="govuk-body">
        <button type="button" className="app-link-button" onClick={onClear}>
          {t('participants.search.clear')}
        </button>
      </p>
    </section>
  );
}

function Everyone() {
  const t = useParticipantsT();
  const trpc = useTRPC();
  const siteId = useActiveMembership().organisation.id;
  const programmes = useQuery(
    trpc.programme.list.queryOptions({ siteId, limit: SITE_PROGRAMMES_PAGE }),
  );
  const list = useInfiniteQuery(
    trpc.participant.list.infiniteQueryOptions(
      { siteId },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const programmeName = (id: string) =>
    programmes.data?.programmes.find((p) => p.id === id)?.name ?? '';
  const people = list.data?.pages.flatMap((page) => page.participants) ?? [];
  return (
    <section aria-labelledby="everyone-heading">
      <h2 className="govuk-heading-m" id="everyone-heading">
        {t('participants.all')}
      </h2>
      {list.isPending ? (
        <LoadingState label={t('participants.loading')} />
      ) : list.isError ? (
        <ErrorState
          message={readError(list.error, t('state.unreachable')).message}
          onRetry={() => void list.refetch()}
        />
      ) : people.length === 0 ? (
        <EmptyState>{t('participants.none')}</EmptyState>
      ) : (
        <>
          <ul className="app-people-list">
            {people.map((person) => (
              <li className="app-people-list__item" key={person.participantId}>
                <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                  <Link
                    className="govuk-link app-participant-code"
                    to={`/participants/${person.participantId}`}
                  >
                    {person.code}
                  </Link>
                </p>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {programmeName(person.programmeId)}
                  {programmeName(person.programmeId) !== '' && ' · '}
                  {t('participants.item.enrolled', {
                    date: formatDate(person.enrolledOn, t.locale),
                  })}
                </p>
                <p className="govuk-body govuk-!-margin-bottom-0">
                  <ConsentTag status={person.consent} />{' '}
                  {person.erased && <Tag colour="grey">{t('participants.item.erased')}</Tag>}
                </p>
              </li>
            ))}
          </ul>
          <ShowMore list={list}>{t('participants.more')}</ShowMore>
        </>
      )}
    </section>
  );
}
