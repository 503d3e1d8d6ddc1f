import { formatDate, Tag } from '@coproduce/ui';
import { Term } from '../glossary/Term.tsx';
import { ScoreText } from '../questionnaires/ScoreSummary.tsx';
import { bandMeaning, instrumentShortName, instrumentTerm } from '../questionnaires/score-words.ts';
import { useParticipantsT } from './t.ts';
import type { ParticipantRecord } from './use-participant.tsx';

type Session = ParticipantRecord['sessions'][number];
type Questionnaire = ParticipantRecord['questionnaires'][number];

type Item =
  | { readonly kind: 'session'; readonly date: string; readonly session: Session }
  | {
      readonly kind: 'questionnaire';
      readonly date: string;
      readonly questionnaire: Questionnaire;
    };

/** Sessions and questionnaires together, newest first; same day: questionnaires after. */
export function timelineItems(record: Pick<ParticipantRecord, 'sessions' | 'questionnaires'>) {
  const items: Item[] = [
    ...record.sessions.map((session) => ({
      kind: 'session' as const,
      date: session.heldOn,
      session,
    })),
    ...record.questionnaires.map((questionnaire) => ({
      kind: 'questionnaire' as const,
      date: questionnaire.recordedOn,
      questionnaire,
    })),
  ];
  return items.sort((a, b) =>
    a.date === b.date
      ? a.kind === b.kind
        ? 0
        : a.kind === 'session'
          ? 1
          : -1
      : a.date < b.date
        ? 1
        : -1,
  );
}

export function Timeline({ record }: { record: ParticipantRecord }) {
  const t = useParticipantsT();
  const items = timelineItems(record);
  if (items.length === 0) {
    return <p className="govuk-body">{t('participant.timeline.none')}</p>;
  }
  const timepoint = (code: string) =>
    record.framework.timepoints.find((tp) => tp.code === code)?.label ?? code;
  // Each questionnaire in the timeline once, linked to what it measures.
  const instruments = [...new Set(record.questionnaires.map((q) => q.instrument))].flatMap(
    (code) => {
      const term = instrumentTerm(code);
      return term === null ? [] : [{ code, term }];
    },
  );
  return (
    <>
      <ol className="app-timeline" aria-labelledby="timeline-heading" data-testid="timeline">
        {items.map((item) =>
          item.kind === 'session' ? (
            <SessionItem key={`s-${item.session.sessionId}`} session={item.session} />
          ) : (
            <QuestionnaireItem
              key={`q-${item.questionnaire.responseId}`}
              questionnaire={item.questionnaire}
              timepoint={timepoint(item.questionnaire.timepointCode)}
            />
          ),
        )}
      </ol>
      {instruments.length > 0 && (
        <p className="govuk-body-s">
          {t('participant.timeline.about')}{' '}
          {instruments.map(({ code, term }, index) => (
            <span key={code}>
              {index > 0 && ', '}
              <Term id={term}>{instrumentShortName(code)}</Term>
            </span>
          ))}
        </p>
      )}
    </>
  );
}

function SessionItem({ session }: { session: Session }) {
  const t = useParticipantsT();
  const kind = t.optional(`sessionKind.${session.kind}`) ?? session.kind;
  const attendance = t.optional(`attendance.${session.attendance}`) ?? session.attendance;
  return (
    <li className="app-timeline__item" data-kind="session">
      <h3 className="app-timeline__title">
        {session.title === ''
          ? t('participant.timeline.session', { kind })
          : t('participant.timeline.sessionTitle', { kind, title: session.title })}
      </h3>
      <p className="app-timeline__byline">
        {t('participant.timeline.with', { name: session.practitionerName })}
      </p>
      <p className="app-timeline__date">{formatDate(session.heldOn, t.locale)}</p>
      <div className="app-timeline__description">
        <Tag colour={session.attendance === 'attended' ? 'green' : 'grey'}>{attendance}</Tag>
      </div>
    </li>
  );
}

function QuestionnaireItem({
  questionnaire,
  timepoint,
}: {
  questionnaire: Questionnaire;
  timepoint: string;
}) {
  const t = useParticipantsT();
  const name = instrumentShortName(questionnaire.instrument);
  const meaning = bandMeaning(questionnaire);
  const outOfWindow =
    questionnaire.windowStatus === 'early' || questionnaire.windowStatus === 'late';
  return (
    <li className="app-timeline__item" data-kind="questionnaire">
      <h3 className="app-timeline__title">
        {t('participant.timeline.questionnaire', { instrument: name, timepoint })}
      </h3>
      <p className="app-timeline__byline">
        {t('participant.timeline.collectedBy', { name: questionnaire.collectorName })}
      </p>
      <p className="app-timeline__date">{formatDate(questionnaire.recordedOn, t.locale)}</p>
      <div className="app-timeline__description">
        <p className="govuk-body govuk-!-margin-bottom-1">
          <ScoreText score={questionnaire} />
        </p>
        {meaning !== null && <p className="govuk-body govuk-!-margin-bottom-1">{meaning}</p>}
        {(outOfWindow || questionnaire.riskFlag) && (
          <p className="govuk-body govuk-!-margin-bottom-1">
            {outOfWindow && <Tag colour="orange">{t('participant.timeline.outOfWindow')}</Tag>}{' '}
            {questionnaire.riskFlag &&
              (questionnaire.riskAcknowledged ? (
                <Tag colour="grey">{t('participant.timeline.riskActed')}</Tag>
              ) : (
                <Tag colour="red">{t('participant.timeline.risk')}</Tag>
              ))}
          </p>
        )}
        {outOfWindow && (
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {questionnaire.windowStatus === 'early'
              ? t('participant.timeline.early')
              : t('participant.timeline.late')}{' '}
            <Term id="window">{t('participant.timeline.outOfWindow')}</Term>
          </p>
        )}
      </div>
    </li>
  );
}
