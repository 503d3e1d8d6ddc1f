import { type BaselineGateFacts, baselineGateShortfalls } from '@coproduce/domain';
import { assign, setup } from 'xstate';

/**
 * A programme's commissioning lifecycle (BRIEF, "The commissioning lifecycle"):
 * proposal → baseline → delivery ⇄ monitoring → payment → next period | closure → closed.
 * Pure: guards decide on facts the server puts in the event; nothing here queries anything.
 */
export type ProgrammeEvent =
  /** `proposalProblems`: what is still missing from the proposal (see `proposalProblems`). */
  | { type: 'SUBMIT'; proposalProblems: readonly string[] }
  | { type: 'START_REVIEW' }
  | { type: 'REQUEST_CHANGES'; reason: string }
  | { type: 'RESUBMIT'; proposalProblems: readonly string[] }
  /** `pendingSignOffs`: names of co-funders who have not yet signed off their share. */
  | { type: 'APPROVE'; pendingSignOffs: readonly string[] }
  | { type: 'REJECT'; reason: string }
  | { type: 'WITHDRAW'; reason: string }
  | { type: 'START_DELIVERY'; baseline: BaselineGateFacts }
  | { type: 'SUBMIT_RETURN' }
  | { type: 'ACCEPT_RETURN' }
  | { type: 'SEND_BACK_RETURN'; reason: string }
  | { type: 'START_NEXT_PERIOD' }
  | { type: 'BEGIN_CLOSURE' }
  | { type: 'CLOSE' }
  | { type: 'SUSPEND'; reason: string }
  | { type: 'RESUME' }
  | { type: 'TERMINATE'; reason: string };

export interface ProgrammeContext {
  /** The reporting period being delivered, from 1. */
  readonly period: number;
}

export const programmeLifecycleMachine = setup({
  types: {
    context: {} as ProgrammeContext,
    events: {} as ProgrammeEvent,
  },
  guards: {
    proposalComplete: ({ event }) =>
      (event.type === 'SUBMIT' || event.type === 'RESUBMIT') && event.proposalProblems.length === 0,
    allCoFundersSignedOff: ({ event }) =>
      event.type === 'APPROVE' && event.pendingSignOffs.length === 0,
    baselineGateMet: ({ event }) =>
      event.type === 'START_DELIVERY' && baselineGateShortfalls(event.baseline).length === 0,
  },
  actions: {
    startNextPeriod: assign({ period: ({ context }) => context.period + 1 }),
  },
}).createMachine({
  id: 'programme',
  context: { period: 1 },
  initial: 'proposal',
  states: {
    proposal: {
      initial: 'draft',
      states: {
        draft: {
          on: {
            SUBMIT: { guard: 'proposalComplete', target: 'submitted' },
            WITHDRAW: '#programme.withdrawn',
          },
        },
        submitted: {
          on: { START_REVIEW: 'inReview', WITHDRAW: '#programme.withdrawn' },
        },
        inReview: {
          on: {
            APPROVE: { guard: 'allCoFundersSignedOff', target: '#programme.active.baseline' },
            REQUEST_CHANGES: 'changesRequested',
            REJECT: '#programme.rejected',
            WITHDRAW: '#programme.withdrawn',
          },
        },
        changesRequested: {
          on: {
            RESUBMIT: { guard: 'proposalComplete', target: 'resubmitted' },
            WITHDRAW: '#programme.withdrawn',
          },
        },
        resubmitted: {
          on: {
            APPROVE: { guard: 'allCoFundersSignedOff', target: '#programme.active.baseline' },
            REQUEST_CHANGES: 'changesRequested',
            REJECT: '#programme.rejected',
            WITHDRAW: '#programme.withdrawn',
          },
        },
      },
    },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
    active: {
      initial: 'baseline',
      on: { SUSPEND: 'suspended', TERMINATE: 'terminated' },
      states: {
        // Where RESUME returns to after a suspension.
        resumePoint: { type: 'history', history: 'deep' },
        baseline: {
          on: { START_DELIVERY: { guard: 'baselineGateMet', target: 'delivery' } },
        },
        delivery: {
          on: { SUBMIT_RETURN: 'monitoring' },
        },
        monitoring: {
          on: { ACCEPT_RETURN: 'payment', SEND_BACK_RETURN: 'delivery' },
        },
        payment: {
          on: {
            START_NEXT_PERIOD: { target: 'delivery', actions: 'startNextPeriod' },
            BEGIN_CLOSURE: 'closure',
          },
        },
        closure: {
          on: { CLOSE: '#programme.closed' },
        },
      },
    },
    suspended: {
      on: { RESUME: 'active.resumePoint', TERMINATE: 'terminated' },
    },
    closed: { type: 'final' },
    terminated: { type: 'final' },
  },
});

export type ProgrammeEventType = ProgrammeEvent['type'];

/** The lifecycle stage a state belongs to, for lists, filters and the pipeline board. */
export const PROGRAMME_STAGES = [
  'proposal',
  'baseline',
  'delivery',
  'monitoring',
  'payment',
  'closure',
  'suspended',
  'closed',
  'rejected',
  'withdrawn',
  'terminated',
] as const;
export type ProgrammeStage = (typeof PROGRAMME_STAGES)[number];
