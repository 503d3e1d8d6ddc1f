import { type Translate, useTranslate } from '../i18n/i18n.tsx';
import type { UiMessages } from '../i18n/ui-translate.ts';
import type { WorkflowMessages } from './messages.en.ts';
import type { CheckKind, CheckStatus, StateKind, WorkflowKind } from './types.ts';

export type WorkflowTranslate = Translate<UiMessages & WorkflowMessages>;

/** Translate with the shared and the workflow messages (every app includes both). */
export function useWorkflowT(): WorkflowTranslate {
  return useTranslate<UiMessages & WorkflowMessages>();
}

/**
 * Names for states, stages and steps. Keys are built from what the server sends; a state or
 * step added later without a message shows as the server named it, rather than as a key.
 */
export function workflowWords(t: WorkflowTranslate) {
  return {
    state: (kind: StateKind, state: string) => t.optional(`${kind}State.${state}`) ?? state,
    stage: (stage: string) => t.optional(`stage.${stage}`) ?? stage,
    /** What a button that takes the step says. */
    event: (kind: WorkflowKind, event: string) => t.optional(`event.${kind}.${event}`) ?? event,
    /** What the history and the confirmation say once the step is taken. */
    done: (kind: WorkflowKind, event: string) =>
      t.optional(`eventDone.${kind}.${event}`) ?? t.optional(`event.${kind}.${event}`) ?? event,
    reasonLabel: (event: string) => t.optional(`reason.${event}`) ?? t('reason.other'),
    checkKind: (kind: CheckKind) => t(`checkKind.${kind}`),
    checkStatus: (status: CheckStatus) => t(`checkStatus.${status}`),
  };
}

export type WorkflowWords = ReturnType<typeof workflowWords>;

export function useWorkflowWords(): WorkflowWords {
  return workflowWords(useWorkflowT());
}
