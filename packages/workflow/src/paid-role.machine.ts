import { checkShortfalls, type PaidRoleCheckFact } from '@coproduce/domain';
import { setup } from 'xstate';

/**
 * Setting up a formal paid role (BRIEF): drafted → funded → recruiting → candidate proposed →
 * checks → active → (suspended when a check lapses) → active again, or ended.
 */
export type PaidRoleEvent =
  | { type: 'FUND' }
  | { type: 'OPEN_RECRUITMENT' }
  | { type: 'PROPOSE_CANDIDATE' }
  | { type: 'WITHDRAW_CANDIDATE' }
  | { type: 'START_CHECKS' }
  /** The checks on record and today's date (ISO), supplied by the server. */
  | { type: 'ACTIVATE'; checks: readonly PaidRoleCheckFact[]; today: string }
  | { type: 'CHECK_LAPSED'; reason: string }
  | { type: 'REINSTATE'; checks: readonly PaidRoleCheckFact[]; today: string }
  | { type: 'END'; reason: string };

const checksValid = (event: PaidRoleEvent) =>
  (event.type === 'ACTIVATE' || event.type === 'REINSTATE') &&
  checkShortfalls(event.checks, event.today).length === 0;

export const paidRoleMachine = setup({
  types: {
    events: {} as PaidRoleEvent,
  },
  guards: {
    allChecksValid: ({ event }) => checksValid(event),
  },
}).createMachine({
  id: 'paidRole',
  initial: 'drafted',
  states: {
    drafted: { on: { FUND: 'funded', END: 'ended' } },
    funded: { on: { OPEN_RECRUITMENT: 'recruiting', END: 'ended' } },
    recruiting: { on: { PROPOSE_CANDIDATE: 'candidateProposed', END: 'ended' } },
    candidateProposed: {
      on: { START_CHECKS: 'checks', WITHDRAW_CANDIDATE: 'recruiting', END: 'ended' },
    },
    checks: {
      on: {
        ACTIVATE: { guard: 'allChecksValid', target: 'active' },
        WITHDRAW_CANDIDATE: 'recruiting',
        END: 'ended',
      },
    },
    active: { on: { CHECK_LAPSED: 'suspended', END: 'ended' } },
    suspended: {
      on: { REINSTATE: { guard: 'allChecksValid', target: 'active' }, END: 'ended' },
    },
    ended: { type: 'final' },
  },
});

export type PaidRoleEventType = PaidRoleEvent['type'];
