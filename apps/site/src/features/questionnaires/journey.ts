import type { AppRouter } from '@coproduce/ui';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { To } from 'react-router';
import type { SafeguardingContact } from './SafeguardingPrompt.tsx';
import type { Draft, Layout, Screen } from './stepper.ts';

type Api = TRPCOptionsProxy<AppRouter>;
export type ParticipantRecord = inferOutput<Api['participant']['get']>;
export type RecordedQuestionnaire = inferOutput<Api['questionnaire']['record']>;

/** What was saved: the server's answer, or kept on the device until it is back online. */
export type Outcome =
  | { readonly kind: 'sent'; readonly result: RecordedQuestionnaire }
  | { readonly kind: 'kept'; readonly draft: Draft };

/** What every screen of the journey is given. */
export interface Journey {
  readonly participant: ParticipantRecord;
  /** How the person is named on screen: their name at this site, or their code. */
  readonly who: string;
  readonly draft: Draft;
  readonly update: (change: (draft: Draft) => Draft) => void;
  readonly layout: Layout;
  readonly screen: Screen;
  /** Moves on from the current screen (back to "check" when changing an answer). */
  readonly next: () => void;
  readonly go: (screen: Screen, options?: { change?: boolean }) => void;
  readonly backTo: To;
  readonly contact: SafeguardingContact | null;
  readonly timepointLabel: (code: string | null) => string;
}

export function participantPath(participantId: string): string {
  return `/participants/${participantId}`;
}

export function questionnairePath(participantId: string): string {
  return `/participants/${participantId}/questionnaire`;
}
