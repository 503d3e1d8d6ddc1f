import { Term } from '../glossary/Term.tsx';
import {
  bandMeaning,
  type MeasureLine,
  pamLevel,
  type ScoreLike,
  scoreLine,
  scoreMeaning,
} from './score-words.ts';
import { type QuestionnaireT, useQuestionnaireT } from './t.ts';
import { withTerm } from './with-term.tsx';

function measureName(t: QuestionnaireT, measure: MeasureLine): string {
  return t.optional(`score.${measure.key}`) ?? measure.key;
}

function formatNumber(value: number, locale: string): string {
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

/** "14 out of 27 (moderate)", or each measure for ONS4 and MOS-SSS. For a timeline entry. */
export function ScoreText({ score }: { score: ScoreLike }) {
  const t = useQuestionnaireT();
  const line = scoreLine(score);
  if (line.kind === 'not-scored') return <>{t('score.notScored')}</>;
  if (line.kind === 'measures') {
    return (
      <>
        {line.measures
          .map(
            (m) =>
              `${measureName(t, m)}: ${t('score.outOf', { score: formatNumber(m.value, t.locale), max: m.max })}`,
          )
          .join('; ')}
      </>
    );
  }
  const total =
    line.max === null
      ? formatNumber(line.score, t.locale)
      : t('score.outOf', { score: formatNumber(line.score, t.locale), max: line.max });
  const level = pamLevel(score.band);
  const band = level !== null ? t('score.level', { level }) : score.band;
  return <>{band === null ? total : `${total} (${band})`}</>;
}

/** The score with its band's published meaning and what the score measures: after saving. */
export function ScoreDetail({
  score,
  showScore = true,
}: {
  score: ScoreLike;
  /** False where the score is already shown big (the confirmation panel). */
  showScore?: boolean;
}) {
  const t = useQuestionnaireT();
  const line = scoreLine(score);
  const meaning = bandMeaning(score);
  const about = scoreMeaning(score.instrument);
  return (
    <>
      {line.kind === 'measures' ? (
        <dl className="govuk-summary-list">
          {line.measures.map((measure) => (
            <div className="govuk-summary-list__row" key={measure.key}>
              <dt className="govuk-summary-list__key">{measureName(t, measure)}</dt>
              <dd className="govuk-summary-list__value">
                {t('score.outOf', {
                  score: formatNumber(measure.value, t.locale),
                  max: measure.max,
                })}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        showScore && (
          <p className="govuk-body-l govuk-!-font-weight-bold">
            <ScoreText score={score} />
          </p>
        )
      )}
      {meaning !== null && <p className="govuk-body govuk-!-font-weight-bold">{meaning}</p>}
      {score.caseness === true && (
        <p className="govuk-body">
          {withTerm(
            t('score.caseness', { term: '{term}' }),
            <Term id="caseness">{t('score.casenessTerm')}</Term>,
          )}
        </p>
      )}
      {about !== null && <p className="govuk-body">{about}</p>}
    </>
  );
}
