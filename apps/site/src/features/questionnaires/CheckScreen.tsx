import {
  BackLink,
  Button,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDate,
  Page,
  readError,
  SummaryList,
  type SummaryListRow,
  useTRPC,
  WarningText,
} from '@coproduce/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { OutboxStatus } from '../../offline/OutboxStatus.tsx';
import { OutboxRefusal, useOutbox } from '../../offline/use-outbox.ts';
import { type Journey, type Outcome, questionnairePath } from './journey.ts';
import { SafeguardingPrompt } from './SafeguardingPrompt.tsx';
import { ScoreText } from './ScoreSummary.tsx';
import { instrumentFullName, instrumentShortName } from './score-words.ts';
import {
  definitionOf,
  licensedPreview,
  NOT_ANSWERED,
  parseLicensedScore,
  preview,
  riskRaised,
  type Screen,
  screenPath,
  submittedAnswers,
} from './stepper.ts';
import { useQuestionnaireT } from './t.ts';

/** Check the answers, then save: sent now, or kept on the phone when there is no connection. */
export function CheckScreen({
  journey,
  idempotencyKey,
  onSaved,
}: {
  journey: Journey;
  idempotencyKey: string;
  onSaved: (outcome: Outcome) => void;
}) {
  const t = useQuestionnaireT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const outbox = useOutbox();
  const { draft, participant } = journey;
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const definition = definitionOf(draft);
  const instrument = draft.instrument ?? '';
  const base = questionnairePath(participant.participantId);

  const change = (screen: Screen, what: string) => (
    <Link className="govuk-link" to={`${base}/${screenPath(screen)}?change=1`}>
      {t('questionnaire.check.change')}
      <span className="govuk-visually-hidden"> {what}</span>
    </Link>
  );
  const scored = preview(draft);
  const licensed = licensedPreview(draft);

  const detailRows: SummaryListRow[] = [
    {
      key: t('questionnaire.check.instrument'),
      value: instrumentFullName(instrument),
      action: change({ kind: 'instrument' }, t('questionnaire.check.instrument').toLowerCase()),
    },
    {
      key: t('questionnaire.check.timepoint'),
      value: journey.timepointLabel(draft.timepointCode),
      action: change({ kind: 'when' }, t('questionnaire.check.timepoint').toLowerCase()),
    },
    {
      key: t('questionnaire.check.recordedOn'),
      value: formatDate(draft.recordedOn, t.locale),
      action: change({ kind: 'when' }, t('questionnaire.check.recordedOn').toLowerCase()),
    },
  ];
  const answerRows: SummaryListRow[] =
    definition === null
      ? [
          {
            key: t('questionnaire.score.label'),
            value: draft.licensedScore,
            action: change({ kind: 'score' }, t('questionnaire.score.label').toLowerCase()),
          },
        ]
      : definition.items.map((item, index) => {
          const answer = draft.answers[index];
          const label =
            answer === NOT_ANSWERED
              ? t('questionnaire.question.notAnswered')
              : (definition.options.find((o) => o.value === answer)?.label ?? '');
          return {
            key: `${index + 1}. ${item.text}`,
            value: label,
            action: change(
              journey.layout === 'one-per-screen'
                ? { kind: 'question', number: index + 1 }
                : { kind: 'questions' },
              t('questionnaire.check.changeQuestion', { number: index + 1 }),
            ),
          };
        });

  const save = async () => {
    if (draft.instrument === null || draft.timepointCode === null) return;
    setPending(true);
    const input = {
      participantId: participant.participantId,
      instrument: draft.instrument,
      timepointCode: draft.timepointCode,
      recordedOn: draft.recordedOn,
      answers: definition === null ? null : submittedAnswers(draft),
      licensedScore: definition === null ? parseLicensedScore(draft.licensedScore) : null,
      idempotencyKey,
    };
    const summary = `${instrumentShortName(draft.instrument)} (${journey.timepointLabel(draft.timepointCode)}) for ${participant.code}`;
    try {
      const outcome = await outbox.send('questionnaire.record', input, summary);
      // Their record (timeline, risk flags) now has one more questionnaire.
      if (outcome.status === 'sent')
        void queryClient.invalidateQueries(trpc.participant.pathFilter());
      onSaved(
        outcome.status === 'sent'
          ? { kind: 'sent', result: outcome.result }
          : { kind: 'kept', draft },
      );
    } catch (error) {
      const message =
        error instanceof OutboxRefusal
          ? readError(error.cause, error.message).message || error.message
          : t('state.unreachable');
      setErrors([{ text: message }]);
      setAttempt((n) => n + 1);
      setPending(false);
    }
  };

  return (
    <Page
      title={t('questionnaire.check.title')}
      caption={t('questionnaire.caption', { who: journey.who })}
      width="two-thirds"
      hasErrors={errors.length > 0}
      backLink={<BackLink to={journey.backTo}>{t('questionnaire.back')}</BackLink>}
      beforeHeading={
        <>
          <OutboxStatus />
          <ErrorSummary errors={errors} attempt={attempt} />
          {riskRaised(draft) && <SafeguardingPrompt who={journey.who} contact={journey.contact} />}
        </>
      }
    >
      <h2 className="govuk-heading-m">{t('questionnaire.check.details')}</h2>
      <SummaryList rows={detailRows} />
      <h2 className="govuk-heading-m">{t('questionnaire.check.answers')}</h2>
      <SummaryList rows={answerRows} />
      {scored !== null && !scored.valid && (
        <WarningText>{t('questionnaire.check.notScorable')}</WarningText>
      )}
      {(scored?.valid || licensed !== null) && (
        <>
          <h2 className="govuk-heading-m">{t('questionnaire.check.score')}</h2>
          <p className="govuk-body">
            {scored !== null ? (
              <ScoreText score={scored} />
            ) : (
              licensed !== null && (
                <ScoreText
                  score={{
                    instrument,
                    valid: true,
                    total: licensed.score,
                    band: licensed.level === null ? null : `level ${licensed.level}`,
                    caseness: null,
                    metric: null,
                    subscales: {},
                  }}
                />
              )
            )}
          </p>
        </>
      )}
      <Button pending={pending} onClick={() => void save()} type="button">
        {pending ? t('questionnaire.check.saving') : t('questionnaire.check.save')}
      </Button>
    </Page>
  );
}
