import {
  BackLink,
  ErrorState,
  errorCode,
  LoadingState,
  NotFoundPage,
  newIdempotencyKey,
  Page,
  readError,
  todayIso,
  useActiveMembership,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import './questionnaires.css';
import { CheckScreen } from './CheckScreen.tsx';
import {
  type Journey,
  type Outcome,
  type ParticipantRecord,
  participantPath,
  questionnairePath,
} from './journey.ts';
import {
  AllQuestionsScreen,
  InstrumentScreen,
  LicensedScoreScreen,
  QuestionScreen,
  WhenScreen,
} from './QuestionScreens.tsx';
import { ResultScreen } from './ResultScreen.tsx';
import {
  allowedScreen,
  type Draft,
  isInstrumentCode,
  nextScreen,
  parseScreen,
  previousScreen,
  type Screen,
  screenPath,
  startDraft,
} from './stepper.ts';
import { useQuestionnaireT } from './t.ts';
import { useSmallScreen } from './use-small-screen.ts';

/** Records one questionnaire for a participant, screen by screen (see stepper.ts). */
export function QuestionnairePage() {
  const t = useQuestionnaireT();
  const trpc = useTRPC();
  const { participantId = '' } = useParams();
  const participant = useQuery(trpc.participant.get.queryOptions({ participantId }));

  if (participant.isError) {
    const code = errorCode(participant.error);
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') return <NotFoundPage />;
  }
  if (participant.isPending || participant.isError) {
    return (
      <Page title={t('questionnaire.instrument.title')}>
        {participant.isError ? (
          <ErrorState
            message={readError(participant.error, t('state.unreachable')).message}
            onRetry={() => void participant.refetch()}
          />
        ) : (
          <LoadingState label={t('questionnaire.loading')} />
        )}
      </Page>
    );
  }
  const record = participant.data;
  const who = record.identity
    ? `${record.identity.givenName} ${record.identity.familyName}`
    : record.code;
  if (record.erasedAt !== null || record.consent !== 'in-force') {
    return (
      <Page
        title={t('questionnaire.cannotRecord.title', { code: record.code })}
        backLink={
          <BackLink to={participantPath(record.participantId)}>{t('common.back')}</BackLink>
        }
      >
        <p className="govuk-body">
          {record.erasedAt !== null
            ? t('questionnaire.cannotRecord.erased')
            : t('questionnaire.cannotRecord.consent')}
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={participantPath(record.participantId)}>
            {t('questionnaire.cannotRecord.back')}
          </Link>
        </p>
      </Page>
    );
  }
  return <QuestionnaireJourney participant={record} who={who} />;
}

function QuestionnaireJourney({
  participant,
  who,
}: {
  participant: ParticipantRecord;
  who: string;
}) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const membership = useActiveMembership();
  const [search] = useSearchParams();
  const { screen: segment } = useParams();
  const small = useSmallScreen();
  const layout = small ? 'one-per-screen' : 'all-on-one';
  const base = questionnairePath(participant.participantId);

  const [draft, setDraft] = useState<Draft>(() => {
    const instrument = search.get('instrument');
    const timepoint = search.get('timepoint');
    return startDraft({
      today: todayIso(),
      instrument: instrument !== null && isInstrumentCode(instrument) ? instrument : null,
      timepointCode: participant.framework.timepoints.some((tp) => tp.code === timepoint)
        ? timepoint
        : null,
    });
  });
  // Made when the form starts: a re-send (after being offline, or a double tap) reuses it.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // Who to call if PHQ-9 question 9 raises a risk: asked for before it is needed, so it is
  // here even if the connection goes while the questions are being answered.
  const mayReadRisks = mayUse(membership.role, 'questionnaire.openRisks');
  const risks = useQuery(
    trpc.questionnaire.openRisks.queryOptions(
      { siteId: participant.siteId },
      { enabled: mayReadRisks, staleTime: 10 * 60_000 },
    ),
  );

  const wanted = parseScreen(segment);
  const changing = search.get('change') === '1';
  const go = useCallback(
    (screen: Screen, options: { change?: boolean } = {}) =>
      navigate(`${base}/${screenPath(screen)}${options.change ? '?change=1' : ''}`),
    [navigate, base],
  );

  const timepointLabel = useCallback(
    (code: string | null) =>
      participant.framework.timepoints.find((tp) => tp.code === code)?.label ?? code ?? '',
    [participant.framework.timepoints],
  );

  const journey = useMemo<Journey | null>(() => {
    if (wanted === null) return null;
    const previous = previousScreen(draft, wanted, layout);
    return {
      participant,
      who,
      draft,
      update: (change) => setDraft((current) => change(current)),
      layout,
      screen: wanted,
      next: () => {
        const after = nextScreen(draft, wanted, layout);
        go(changing ? { kind: 'check' } : after);
      },
      go,
      backTo: changing
        ? `${base}/check`
        : previous === null
          ? participantPath(participant.participantId)
          : `${base}/${screenPath(previous)}`,
      contact: risks.data?.contact ?? null,
      timepointLabel,
    };
  }, [wanted, draft, layout, participant, who, go, changing, base, risks.data, timepointLabel]);

  if (wanted === null || journey === null) return <NotFoundPage />;
  const allowed = allowedScreen(draft, wanted, layout);
  if (wanted.kind === 'saved' && outcome === null) {
    return <Navigate to={`${base}/instrument`} replace />;
  }
  if (screenPath(allowed) !== screenPath(wanted) || segment === undefined) {
    return <Navigate to={`${base}/${screenPath(allowed)}`} replace />;
  }

  switch (wanted.kind) {
    case 'instrument':
      return <InstrumentScreen journey={journey} />;
    case 'when':
      return <WhenScreen journey={journey} />;
    case 'question':
      return <QuestionScreen journey={journey} number={wanted.number} />;
    case 'questions':
      return <AllQuestionsScreen journey={journey} />;
    case 'score':
      return <LicensedScoreScreen journey={journey} />;
    case 'check':
      return (
        <CheckScreen
          journey={journey}
          idempotencyKey={idempotencyKey}
          onSaved={(saved) => {
            setOutcome(saved);
            go({ kind: 'saved' });
          }}
        />
      );
    case 'saved':
      return (
        <ResultScreen
          journey={journey}
          outcome={outcome as Outcome}
          onAnother={() => {
            const timepointCode = draft.timepointCode;
            setDraft(startDraft({ today: todayIso(), timepointCode }));
            setIdempotencyKey(newIdempotencyKey());
            setOutcome(null);
            go({ kind: 'instrument' });
          }}
        />
      );
  }
}
