import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Button, ButtonGroup } from '../components/Button.tsx';
import { Select, type SelectOption } from '../components/Select.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { Textarea } from '../components/Textarea.tsx';
import { readError } from '../trpc/errors.ts';
import type { AllowedAction, WorkflowKind } from './types.ts';
import { useAllowedActions, useRefreshWorkflows, useWorkflowTransition } from './use-workflow.ts';
import { useWorkflowT, workflowWords } from './words.ts';

/** Steps that stop or undo something: shown as warning buttons, after the others. */
const STOPPING = new Set(['REJECT', 'TERMINATE', 'WITHDRAW', 'END', 'CHECK_LAPSED', 'SUSPEND']);
/** Steps that send work back: never the main button, whatever else is possible. */
const SENDING_BACK = new Set(['REQUEST_CHANGES', 'SEND_BACK_RETURN', 'WITHDRAW_CANDIDATE']);

/** A step that needs one choice besides the reason (e.g. which person to propose). */
export interface ActionChoice {
  readonly label: string;
  readonly hint?: string;
  readonly options: readonly SelectOption[] | null;
  /** Shown instead of the list while it loads, or when it is empty. */
  readonly unavailable?: string;
}

interface Pending {
  readonly action: AllowedAction;
}

/**
 * The steps this person may take on a subject now, straight from `allowedActions`: one button
 * each. A step that needs a reason (or a choice) opens a short form first; a step whose
 * conditions are not met is shown disabled with the server's reasons beside it. Nothing else
 * is offered, so nobody is shown a button the server would refuse.
 */
export function WorkflowActions({
  kind,
  id,
  subjectName,
  heading,
  headingLevel = 2,
  exclude = [],
  only,
  choices = {},
  hideWhenNone = false,
  onDone,
}: {
  kind: WorkflowKind;
  id: string;
  /** Added (visually hidden) to each button where several subjects share a page. */
  subjectName?: string;
  heading?: string | null;
  headingLevel?: 2 | 3;
  /** Steps this page offers in its own way (the editor saves before it submits). */
  exclude?: readonly string[];
  /** Offer only these steps (the approvals queue shows the decision, not every step). */
  only?: readonly string[];
  choices?: Readonly<Record<string, ActionChoice>>;
  hideWhenNone?: boolean;
  onDone: (event: string) => void;
}) {
  const t = useWorkflowT();
  const words = workflowWords(t);
  const allowed = useAllowedActions(kind, id);
  const transition = useWorkflowTransition();
  const refresh = useRefreshWorkflows();
  const [pending, setPending] = useState<Pending | null>(null);
  const [fieldError, setFieldError] = useState<Record<string, string>>({});
  const prefix = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingText = heading === undefined ? t('workflow.actions.heading') : heading;
  const headingId = `${prefix}-heading`;

  if (allowed.isPending) return <LoadingState label={t('workflow.actions.loading')} />;
  if (allowed.isError) {
    return (
      <ErrorState
        message={readError(allowed.error, t('state.unreachable')).message}
        onRetry={() => void allowed.refetch()}
      />
    );
  }

  const actions = allowed.data.actions.filter(
    (action) =>
      !exclude.includes(action.event) && (only === undefined || only.includes(action.event)),
  );
  if (actions.length === 0 && hideWhenNone) return null;

  const open = actions.filter((action) => action.blockedBy.length === 0);
  const blocked = actions.filter((action) => action.blockedBy.length > 0);
  const ordered = [
    ...open.filter((action) => !STOPPING.has(action.event)),
    ...open.filter((action) => STOPPING.has(action.event)),
  ];
  const primary = ordered.find(
    (action) => !STOPPING.has(action.event) && !SENDING_BACK.has(action.event),
  );
  const failure = transition.isError ? readError(transition.error, t('state.unreachable')) : null;
  const hidden =
    subjectName === undefined ? null : (
      <span className="govuk-visually-hidden">
        {' '}
        {t('workflow.actions.for', { name: subjectName })}
      </span>
    );

  const take = (action: AllowedAction, reason?: string, personId?: string) => {
    transition.mutate(
      {
        kind,
        id,
        expectedVersion: allowed.data.version,
        event: action.event,
        reason,
        personId,
      },
      {
        onSuccess: () => {
          setPending(null);
          setFieldError({});
          onDone(action.event);
        },
        onError: (error) => {
          const read = readError(error, t('state.unreachable'));
          const reasonError = read.fieldErrors.reason?.[0];
          const personError = read.fieldErrors.personId?.[0];
          setFieldError({
            ...(reasonError === undefined ? {} : { reason: reasonError }),
            ...(personError === undefined ? {} : { personId: personError }),
          });
        },
      },
    );
  };

  const choose = (action: AllowedAction) => {
    transition.reset();
    setFieldError({});
    if (action.needsReason || choices[action.event] !== undefined) setPending({ action });
    else take(action);
  };

  return (
    <section className="app-actions" aria-labelledby={headingText === null ? undefined : headingId}>
      {headingText !== null && (
        <Heading className="govuk-heading-m" id={headingId}>
          {headingText}
        </Heading>
      )}
      {failure !== null && (
        <div className="govuk-error-summary" role="alert">
          <h3 className="govuk-error-summary__title">{t('errorSummary.title')}</h3>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{failure.message}</p>
            {failure.code === 'CONFLICT' && (
              <Button
                type="button"
                variant="secondary"
                className="govuk-!-margin-bottom-0"
                onClick={() => {
                  transition.reset();
                  setPending(null);
                  void refresh();
                }}
              >
                {t('workflow.actions.reload')}
              </Button>
            )}
          </div>
        </div>
      )}
      {actions.length === 0 && <p className="govuk-body">{t('workflow.actions.none')}</p>}
      {pending === null ? (
        ordered.length > 0 && (
          <ButtonGroup>
            {ordered.map((action) => (
              <Button
                key={action.event}
                type="button"
                variant={
                  STOPPING.has(action.event)
                    ? 'warning'
                    : action === primary
                      ? 'primary'
                      : 'secondary'
                }
                pending={transition.isPending}
                onClick={() => choose(action)}
              >
                {words.event(kind, action.event)}
                {hidden}
              </Button>
            ))}
          </ButtonGroup>
        )
      ) : (
        <StepForm
          key={pending.action.event}
          idPrefix={prefix}
          label={words.event(kind, pending.action.event)}
          hidden={hidden}
          action={pending.action}
          reasonLabel={words.reasonLabel(pending.action.event)}
          choice={choices[pending.action.event]}
          stopping={STOPPING.has(pending.action.event)}
          busy={transition.isPending}
          serverErrors={fieldError}
          onSubmit={(reason, personId) => take(pending.action, reason, personId)}
          onCancel={() => {
            transition.reset();
            setFieldError({});
            setPending(null);
          }}
        />
      )}
      {blocked.map((action) => {
        const reasonsId = `${prefix}-${action.event}-blocked`;
        return (
          <div key={action.event} className="app-actions__blocked">
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled
              aria-describedby={reasonsId}
            >
              {words.event(kind, action.event)}
              {hidden}
            </button>
            <div id={reasonsId}>
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                {t('workflow.actions.blocked', { action: words.event(kind, action.event) })}
              </p>
              <ul className="govuk-list govuk-list--bullet">
                {action.blockedBy.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          </div>
        );
      })}
    </section>
  );
}

function StepForm({
  idPrefix,
  label,
  hidden,
  action,
  reasonLabel,
  choice,
  stopping,
  busy,
  serverErrors,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  label: string;
  hidden: ReactNode;
  action: AllowedAction;
  reasonLabel: string;
  choice: ActionChoice | undefined;
  stopping: boolean;
  busy: boolean;
  serverErrors: Record<string, string>;
  onSubmit: (reason: string | undefined, personId: string | undefined) => void;
  onCancel: () => void;
}) {
  const t = useWorkflowT();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const first = useRef<HTMLDivElement>(null);
  const reasonId = `${idPrefix}-reason`;
  const choiceId = `${idPrefix}-choice`;
  const shown = { ...errors, ...serverErrors };

  // Opening the form moves focus into it, so keyboard and screen-reader users land where to type.
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('textarea, select')?.focus();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = String(form.get('reason') ?? '').trim();
    const personId = String(form.get('choice') ?? '');
    const problems: Record<string, string> = {};
    if (action.needsReason && reason === '') problems.reason = t('workflow.actions.reasonMissing');
    if (choice !== undefined && personId === '')
      problems.personId = t('workflow.actions.choiceMissing');
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      first.current?.querySelector<HTMLElement>(problems.personId ? 'select' : 'textarea')?.focus();
      return;
    }
    onSubmit(action.needsReason ? reason : undefined, choice === undefined ? undefined : personId);
  };

  return (
    <form noValidate onSubmit={submit} className="app-actions__form">
      <div ref={first}>
        {choice !== undefined &&
          (choice.options === null || choice.options.length === 0 ? (
            <p className="govuk-body">{choice.unavailable}</p>
          ) : (
            <Select
              name="choice"
              id={choiceId}
              label={choice.label}
              hint={choice.hint}
              error={shown.personId}
              options={[{ value: '', text: '' }, ...choice.options]}
            />
          ))}
        {action.needsReason && (
          <Textarea
            name="reason"
            id={reasonId}
            label={reasonLabel}
            labelSize="s"
            hint={t('workflow.actions.reasonHint')}
            error={shown.reason}
            rows={3}
            maxLength={2000}
          />
        )}
      </div>
      <ButtonGroup>
        <Button variant={stopping ? 'warning' : 'primary'} pending={busy}>
          {label}
          {hidden}
        </Button>
        <button type="button" className="app-link-button govuk-body" onClick={onCancel}>
          {t('workflow.actions.cancel')}
        </button>
      </ButtonGroup>
    </form>
  );
}
