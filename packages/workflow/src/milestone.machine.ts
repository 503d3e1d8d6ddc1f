import { isAboveDelegationLimit } from '@coproduce/domain';
import { assign, setup } from 'xstate';

/**
 * A milestone (BRIEF): planned → submitted → (changes requested ⇄ resubmitted) → approved →
 * (countersigned when above the delegation limit) → payable → paid, or rejected.
 */
export type MilestoneEvent =
  | { type: 'SUBMIT' }
  | { type: 'REQUEST_CHANGES'; reason: string }
  | { type: 'RESUBMIT' }
  /** The value and the programme's delegation limit at the moment of approval. */
  | { type: 'APPROVE'; valuePence: number; delegationLimitPence: number }
  | { type: 'REJECT'; reason: string }
  | { type: 'COUNTERSIGN' }
  | { type: 'MARK_PAYABLE' }
  | { type: 'MARK_PAID' };

export interface MilestoneContext {
  readonly approvedValuePence: number | null;
  readonly delegationLimitPence: number | null;
}

const aboveLimit = (context: MilestoneContext) =>
  context.approvedValuePence !== null &&
  context.delegationLimitPence !== null &&
  isAboveDelegationLimit(context.approvedValuePence, context.delegationLimitPence);

export const milestoneMachine = setup({
  types: {
    context: {} as MilestoneContext,
    events: {} as MilestoneEvent,
  },
  guards: {
    needsCountersignature: ({ context }) => aboveLimit(context),
    withinDelegationLimit: ({ context }) => !aboveLimit(context),
  },
  actions: {
    recordApproval: assign(({ event }) =>
      event.type === 'APPROVE'
        ? { approvedValuePence: event.valuePence, delegationLimitPence: event.delegationLimitPence }
        : {},
    ),
  },
}).createMachine({
  id: 'milestone',
  context: { approvedValuePence: null, delegationLimitPence: null },
  initial: 'planned',
  states: {
    planned: { on: { SUBMIT: 'submitted' } },
    submitted: {
      on: {
        APPROVE: { target: 'approved', actions: 'recordApproval' },
        REQUEST_CHANGES: 'changesRequested',
        REJECT: 'rejected',
      },
    },
    changesRequested: { on: { RESUBMIT: 'resubmitted' } },
    resubmitted: {
      on: {
        APPROVE: { target: 'approved', actions: 'recordApproval' },
        REQUEST_CHANGES: 'changesRequested',
        REJECT: 'rejected',
      },
    },
    approved: {
      on: {
        COUNTERSIGN: { guard: 'needsCountersignature', target: 'countersigned' },
        MARK_PAYABLE: { guard: 'withinDelegationLimit', target: 'payable' },
      },
    },
    countersigned: { on: { MARK_PAYABLE: 'payable' } },
    payable: { on: { MARK_PAID: 'paid' } },
    paid: { type: 'final' },
    rejected: { type: 'final' },
  },
});

export type MilestoneEventType = MilestoneEvent['type'];
