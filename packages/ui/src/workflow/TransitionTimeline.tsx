import { formatDateTime } from '../i18n/format.ts';
import type { Transition, WorkflowKind } from './types.ts';
import { useWorkflowT, workflowWords } from './words.ts';

/**
 * Every step a subject has taken, newest first, as a timeline (the pattern of the Ministry of
 * Justice's timeline component): what happened, who did it in which role, when, the state it
 * moved from and to, and why when a reason was given.
 */
export function TransitionTimeline({
  kind,
  transitions,
  headingLevel = 3,
}: {
  kind: WorkflowKind;
  transitions: readonly Transition[];
  headingLevel?: 3 | 4;
}) {
  const t = useWorkflowT();
  const words = workflowWords(t);
  if (transitions.length === 0) return <p className="govuk-body">{t('timeline.empty')}</p>;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const newestFirst = [...transitions].sort((a, b) => b.version - a.version);
  return (
    <ol className="app-timeline">
      {newestFirst.map((step) => (
        <li key={step.version} className="app-timeline__item">
          <Heading className="app-timeline__title">{words.done(kind, step.event)}</Heading>
          <p className="app-timeline__byline">
            {step.actor === null
              ? t('timeline.system')
              : step.actor.role === null
                ? t('timeline.byPerson', { name: step.actor.name })
                : t('timeline.by', { name: step.actor.name, role: t(`role.${step.actor.role}`) })}
          </p>
          <p className="app-timeline__date">
            <time dateTime={step.at}>{formatDateTime(step.at, t.locale)}</time>
          </p>
          <div className="app-timeline__description">
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              {t('timeline.fromTo', {
                from: words.state(kind, step.from),
                to: words.state(kind, step.to),
              })}
            </p>
            {step.reason !== null && step.reason !== '' && (
              <p className="govuk-body app-timeline__reason">
                <strong>{t('timeline.reason')}</strong> {step.reason}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The last request someone made (its reason), and whether a later step has answered it. */
export interface LatestRequest {
  readonly step: Transition;
  readonly answered: Transition | null;
}

/**
 * The latest thing someone asked for: the most recent step among `requests` that gave a reason
 * (e.g. REQUEST_CHANGES, SEND_BACK_RETURN), and the first later step among `answers` (e.g.
 * RESUBMIT, SUBMIT_RETURN), if any.
 */
export function latestRequest(
  transitions: readonly Transition[],
  requests: readonly string[],
  answers: readonly string[],
): LatestRequest | null {
  const oldestFirst = [...transitions].sort((a, b) => a.version - b.version);
  const step = oldestFirst.findLast(
    (candidate) => requests.includes(candidate.event) && (candidate.reason ?? '') !== '',
  );
  if (step === undefined) return null;
  const answered =
    oldestFirst.find(
      (candidate) => candidate.version > step.version && answers.includes(candidate.event),
    ) ?? null;
  return { step, answered };
}
