import { baselineGateShortfalls, checkShortfalls, formatPounds } from '@coproduce/domain';
import {
  __unsafe_getAllOwnEventDescriptors,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  createActor,
  initialTransition,
  transition,
} from 'xstate';
import { type ClaimEvent, claimMachine } from './claim.machine.ts';
import { type MilestoneEvent, milestoneMachine } from './milestone.machine.ts';
import { type PaidRoleEvent, paidRoleMachine } from './paid-role.machine.ts';
import { type PaymentRunEvent, paymentRunMachine } from './payment-run.machine.ts';
import { type ProgrammeEvent, programmeLifecycleMachine } from './programme-lifecycle.machine.ts';

/**
 * The pure core the server builds on (ADR 0006): restore a stored snapshot, compute the next one,
 * or explain exactly why an event is refused. No I/O.
 */
export const WORKFLOWS = {
  programme: { machine: programmeLifecycleMachine, version: 'programme@1' },
  milestone: { machine: milestoneMachine, version: 'milestone@1' },
  paidRole: { machine: paidRoleMachine, version: 'paid-role@1' },
  claim: { machine: claimMachine, version: 'claim@1' },
  paymentRun: { machine: paymentRunMachine, version: 'payment-run@1' },
} as const;

export type WorkflowKind = keyof typeof WORKFLOWS;

export interface EventsByKind {
  programme: ProgrammeEvent;
  milestone: MilestoneEvent;
  paidRole: PaidRoleEvent;
  claim: ClaimEvent;
  paymentRun: PaymentRunEvent;
}

/** A snapshot as stored (jsonb): what `getPersistedSnapshot` returns. */
export type PersistedSnapshot = Record<string, unknown>;

export type TransitionResult =
  | { ok: true; snapshot: PersistedSnapshot; from: string; to: string; final: boolean }
  | { ok: false; refusal: 'not-allowed-now'; state: string; allowed: string[] }
  | { ok: false; refusal: 'conditions-not-met'; state: string; reasons: string[] };

const machineOf = (kind: WorkflowKind): AnyStateMachine => WORKFLOWS[kind].machine;

/** A state value as one dotted path: `proposal.inReview`, `active.delivery`, `suspended`. */
export function stateLabel(snapshot: AnyMachineSnapshot): string {
  const walk = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const [key, child] = Object.entries(value as Record<string, unknown>)[0] ?? ['', ''];
    return `${key}.${walk(child)}`;
  };
  return walk(snapshot.value);
}

export function initialSnapshot(kind: WorkflowKind): PersistedSnapshot {
  const machine = machineOf(kind);
  const [snapshot] = initialTransition(machine);
  return machine.getPersistedSnapshot(snapshot) as PersistedSnapshot;
}

/** Restores a stored snapshot, history included, without starting anything. */
export function restore(kind: WorkflowKind, persisted: PersistedSnapshot): AnyMachineSnapshot {
  return createActor(machineOf(kind), { snapshot: persisted as never }).getSnapshot();
}

/** The events the current state handles (some may still be refused by their conditions). */
export function handledEvents(kind: WorkflowKind, persisted: PersistedSnapshot): string[] {
  const snapshot = restore(kind, persisted);
  if (snapshot.status !== 'active') return [];
  return [...new Set(__unsafe_getAllOwnEventDescriptors(snapshot))]
    .filter((type) => !type.startsWith('xstate.'))
    .sort();
}

export function stateOf(kind: WorkflowKind, persisted: PersistedSnapshot): string {
  return stateLabel(restore(kind, persisted));
}

export function contextOf<K extends WorkflowKind>(kind: K, persisted: PersistedSnapshot) {
  return restore(kind, persisted).context as ReturnType<
    (typeof WORKFLOWS)[K]['machine']['getInitialSnapshot']
  >['context'];
}

export function applyEvent<K extends WorkflowKind>(
  kind: K,
  persisted: PersistedSnapshot,
  event: EventsByKind[K],
): TransitionResult {
  const machine = machineOf(kind);
  const current = restore(kind, persisted);
  const from = stateLabel(current);
  const handled = handledEvents(kind, persisted);
  if (!handled.includes(event.type)) {
    return { ok: false, refusal: 'not-allowed-now', state: from, allowed: handled };
  }
  if (!current.can(event)) {
    return {
      ok: false,
      refusal: 'conditions-not-met',
      state: from,
      reasons: explainRefusal(kind, event, current),
    };
  }
  const [next] = transition(machine, current, event);
  return {
    ok: true,
    snapshot: machine.getPersistedSnapshot(next) as PersistedSnapshot,
    from,
    to: stateLabel(next),
    final: next.status === 'done',
  };
}

/** Why a guarded event was refused, from the same facts the guard used. */
function explainRefusal(
  kind: WorkflowKind,
  event: EventsByKind[WorkflowKind],
  snapshot: AnyMachineSnapshot,
): string[] {
  if (kind === 'programme') {
    const e = event as ProgrammeEvent;
    if (e.type === 'APPROVE') {
      return e.pendingSignOffs.map((funder) => `${funder} has not signed off its share yet`);
    }
    if (e.type === 'START_DELIVERY') return baselineGateShortfalls(e.baseline);
    if (e.type === 'SUBMIT' || e.type === 'RESUBMIT') return [...e.proposalProblems];
  }
  if (kind === 'paidRole') {
    const e = event as PaidRoleEvent;
    if (e.type === 'ACTIVATE' || e.type === 'REINSTATE') return checkShortfalls(e.checks, e.today);
  }
  if (kind === 'milestone') {
    const { approvedValuePence, delegationLimitPence } = snapshot.context as {
      approvedValuePence: number;
      delegationLimitPence: number;
    };
    const value = formatPounds(approvedValuePence);
    const limit = formatPounds(delegationLimitPence);
    if (event.type === 'MARK_PAYABLE') {
      return [
        `${value} is above the delegation limit of ${limit}: a commissioner must countersign first`,
      ];
    }
    if (event.type === 'COUNTERSIGN') {
      return [`${value} is within the delegation limit of ${limit}: no countersignature is needed`];
    }
  }
  return ['the conditions for this step are not met'];
}
