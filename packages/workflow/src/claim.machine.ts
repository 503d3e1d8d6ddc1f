import { isAboveDelegationLimit } from '@coproduce/domain';
import { assign, setup } from 'xstate';

/**
 * An outcome claim (ADR 0008): verification → awaiting approval → (awaiting countersignature
 * when above the delegation limit →) approved → settled when every funder has paid, or rejected.
 */
export type ClaimEvent =
  /** The recorded verification sample has been checked; failed lines have dropped out. */
  | { type: 'COMPLETE_VERIFICATION' }
  /** The claim's total and the programme's delegation limit at the moment of approval. */
  | { type: 'APPROVE'; totalPence: number; delegationLimitPence: number }
  | { type: 'COUNTERSIGN' }
  /** Sent by the service when every funder has paid its statement. */
  | { type: 'SETTLE' }
  | { type: 'REJECT'; reason: string };

export interface ClaimContext {
  readonly approvedTotalPence: number | null;
  readonly delegationLimitPence: number | null;
}

const aboveLimit = (event: ClaimEvent) =>
  event.type === 'APPROVE' && isAboveDelegationLimit(event.totalPence, event.delegationLimitPence);

export const claimMachine = setup({
  types: {
    context: {} as ClaimContext,
    events: {} as ClaimEvent,
  },
  guards: {
    aboveDelegationLimit: ({ event }) => aboveLimit(event),
    withinDelegationLimit: ({ event }) => event.type === 'APPROVE' && !aboveLimit(event),
  },
  actions: {
    recordApproval: assign(({ event }) =>
      event.type === 'APPROVE'
        ? { approvedTotalPence: event.totalPence, delegationLimitPence: event.delegationLimitPence }
        : {},
    ),
  },
}).createMachine({
  id: 'claim',
  context: { approvedTotalPence: null, delegationLimitPence: null },
  initial: 'verification',
  states: {
    verification: { on: { COMPLETE_VERIFICATION: 'awaitingApproval', REJECT: 'rejected' } },
    awaitingApproval: {
      on: {
        APPROVE: [
          {
            guard: 'aboveDelegationLimit',
            target: 'awaitingCountersignature',
            actions: 'recordApproval',
          },
          { guard: 'withinDelegationLimit', target: 'approved', actions: 'recordApproval' },
        ],
        REJECT: 'rejected',
      },
    },
    awaitingCountersignature: { on: { COUNTERSIGN: 'approved', REJECT: 'rejected' } },
    approved: { on: { SETTLE: 'settled' } },
    settled: { type: 'final' },
    rejected: { type: 'final' },
  },
});

export type ClaimEventType = ClaimEvent['type'];
