import { Button, InsetText, Page, WarningText } from '@coproduce/ui';
import { Link } from 'react-router';
import { OutboxStatus } from '../../offline/OutboxStatus.tsx';
import { Term } from '../glossary/Term.tsx';
import { type Journey, type Outcome, participantPath } from './journey.ts';
import { SafeguardingPrompt } from './SafeguardingPrompt.tsx';
import { ScoreDetail, ScoreText } from './ScoreSummary.tsx';
import { instrumentShortName, type ScoreLike } from './score-words.ts';
import { licensedPreview, preview, riskRaised } from './stepper.ts';
import { useQuestionnaireT } from './t.ts';
import { withTerm } from './with-term.tsx';

/** After saving: the score, its band and what it means; the safeguarding prompt first if raised. */
export function ResultScreen({
  journey,
  outcome,
  onAnother,
}: {
  journey: Journey;
  outcome: Outcome;
  onAnother: () => void;
}) {
  const t = useQuestionnaireT();
  const { participant } = journey;
  const next = (
    <>
      <h2 className="govuk-heading-m">{t('questionnaire.saved.next')}</h2>
      <Button type="button" variant="secondary" onClick={onAnother}>
        {t('questionnaire.saved.another', { code: participant.code })}
      </Button>
      <p className="govuk-body">
        <Link className="govuk-link" to={participantPath(participant.participantId)}>
          {t('questionnaire.saved.record')}
        </Link>
      </p>
    </>
  );

  if (outcome.kind === 'kept') {
    const draft = outcome.draft;
    const scored: ScoreLike | null = preview(draft) ?? keptLicensed(draft);
    const risk = riskRaised(draft);
    return (
      <Page
        title={t('questionnaire.saved.kept.title')}
        caption={t('questionnaire.caption', { who: journey.who })}
        width="two-thirds"
        beforeHeading={
          <>
            {risk && <SafeguardingPrompt who={journey.who} contact={journey.contact} takeFocus />}
            <OutboxStatus />
          </>
        }
      >
        <p className="govuk-body">{t('questionnaire.saved.kept.body')}</p>
        {scored !== null && (
          <>
            <h2 className="govuk-heading-m">{instrumentShortName(scored.instrument)}</h2>
            <InsetText>{t('questionnaire.saved.kept.preview')}</InsetText>
            <ScoreDetail score={scored} />
          </>
        )}
        {next}
      </Page>
    );
  }

  const { result } = outcome;
  const risk = result.riskFlag || result.safeguarding !== null;
  const outOfWindow = result.windowStatus === 'early' || result.windowStatus === 'late';
  return (
    <Page
      title={t('questionnaire.saved.title')}
      caption={t('questionnaire.caption', { who: journey.who })}
      width="two-thirds"
      beforeHeading={
        <>
          {risk && (
            <SafeguardingPrompt
              who={journey.who}
              contact={result.safeguarding ?? journey.contact}
              takeFocus
            />
          )}
          <OutboxStatus />
        </>
      }
    >
      <div className="govuk-panel govuk-panel--confirmation">
        <p className="govuk-panel__title">
          {instrumentShortName(result.instrument)} · {journey.timepointLabel(result.timepointCode)}
        </p>
        <div className="govuk-panel__body" data-testid="score">
          <ScoreText score={result} />
        </div>
      </div>
      {result.alreadyRecorded && <InsetText>{t('questionnaire.saved.alreadyRecorded')}</InsetText>}
      {outOfWindow && (
        <WarningText>
          {withTerm(
            t(
              result.windowStatus === 'early'
                ? 'questionnaire.saved.window.early'
                : 'questionnaire.saved.window.late',
              { term: '{term}' },
            ),
            <Term id="window">{t('questionnaire.saved.window.term')}</Term>,
          )}
        </WarningText>
      )}
      <h2 className="govuk-heading-m">{t('questionnaire.saved.scoreHeading')}</h2>
      <ScoreDetail score={result} showScore={false} />
      {next}
    </Page>
  );
}

function keptLicensed(draft: Parameters<typeof licensedPreview>[0]): ScoreLike | null {
  const licensed = licensedPreview(draft);
  if (licensed === null) return null;
  return {
    instrument: licensed.instrument,
    valid: true,
    total: licensed.score,
    band: licensed.level === null ? null : `level ${licensed.level}`,
    caseness: null,
    metric: null,
    subscales: {},
  };
}
