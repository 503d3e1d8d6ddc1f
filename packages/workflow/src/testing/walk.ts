import type { AnyStateMachine, EventObject } from 'xstate';
import { createTestModel } from 'xstate/graph';
import {
  applyEvent,
  type EventsByKind,
  initialSnapshot,
  type PersistedSnapshot,
  stateLabel,
  type WorkflowKind,
} from '../engine.ts';

/**
 * The design of a machine, written independently of it: for each state, the events it takes
 * and where each leads. Any event not listed must be refused as not allowed now.
 * `HISTORY` marks a transition back to wherever the machine was before (resume).
 */
export const HISTORY = '<history>';
/** The state handles the event, but with these facts its conditions refuse it (with reasons). */
export const CONDITIONS_NOT_MET = '<conditions not met>';
export type Design = Record<string, Record<string, string>>;

export interface WalkSpec<K extends WorkflowKind> {
  readonly kind: K;
  readonly machine: AnyStateMachine;
  /** One event of every type, with facts that let its guard pass. */
  readonly events: readonly EventsByKind[K][];
  /** For guarded events: facts that make the guard refuse, and the reasons expected. */
  readonly refusals: Partial<Record<string, { event: EventsByKind[K]; reasons: string[] }>>;
  readonly design: Design;
}

const roundTrip = (snapshot: PersistedSnapshot): PersistedSnapshot =>
  JSON.parse(JSON.stringify(snapshot));

/** Every simple path of the machine, each step replayed through the engine from stored JSON. */
export function walkEveryPath<K extends WorkflowKind>(spec: WalkSpec<K>) {
  const model = createTestModel(spec.machine, {
    events: spec.events as unknown as EventObject[],
    // Distinguish a suspension by where it will resume, so every resume target is walked.
    serializeState: (s: { value: unknown; historyValue?: unknown }) =>
      JSON.stringify([s.value, s.value === 'suspended' ? Object.keys(s.historyValue ?? {}) : null]),
  } as never);
  const paths = [...model.getShortestPaths(), ...model.getSimplePaths()];
  const visited = new Set<string>();
  const problems: string[] = [];

  const checkEveryEvent = (snapshot: PersistedSnapshot, label: string, resumeTo: string | null) => {
    visited.add(label);
    const expectedHere = spec.design[label];
    if (!expectedHere) {
      problems.push(`state ${label} is not in the design`);
      return;
    }
    for (const event of spec.events) {
      const result = applyEvent(spec.kind, roundTrip(snapshot), event);
      const designed = expectedHere[event.type];
      const target = designed === HISTORY ? resumeTo : designed;
      if (target === CONDITIONS_NOT_MET) {
        if (result.ok || result.refusal !== 'conditions-not-met' || result.reasons.length === 0) {
          problems.push(
            `${label} + ${event.type}: designed to be refused for its conditions, got ${result.ok ? result.to : result.refusal}`,
          );
        }
        continue;
      }
      if (target === undefined) {
        if (result.ok || result.refusal !== 'not-allowed-now') {
          problems.push(
            `${label} + ${event.type}: designed to be refused, but ${result.ok ? `went to ${result.to}` : result.refusal}`,
          );
        } else if (result.allowed.includes(event.type)) {
          problems.push(`${label} + ${event.type}: refused but listed as allowed`);
        }
        continue;
      }
      if (!result.ok) {
        problems.push(
          `${label} + ${event.type}: designed to go to ${target}, but refused (${result.refusal})`,
        );
      } else if (result.to !== target) {
        problems.push(
          `${label} + ${event.type}: designed to go to ${target}, went to ${result.to}`,
        );
      }
      const refusal = spec.refusals[event.type];
      if (refusal) {
        const refused = applyEvent(spec.kind, roundTrip(snapshot), refusal.event);
        if (refused.ok || refused.refusal !== 'conditions-not-met') {
          problems.push(`${label} + failing ${event.type}: should be refused for its conditions`);
        } else if (JSON.stringify(refused.reasons) !== JSON.stringify(refusal.reasons)) {
          problems.push(
            `${label} + failing ${event.type}: reasons ${JSON.stringify(refused.reasons)}`,
          );
        }
      }
    }
  };

  for (const path of paths) {
    let snapshot = initialSnapshot(spec.kind);
    let label = stateLabel(path.steps[0]?.state ?? path.state);
    let beforeSuspension: string | null = null;
    checkEveryEvent(snapshot, label, beforeSuspension);
    for (const step of path.steps) {
      if (step.event.type.startsWith('xstate.')) continue;
      const result = applyEvent(spec.kind, roundTrip(snapshot), step.event as EventsByKind[K]);
      if (!result.ok) {
        problems.push(`path ${path.description}: step ${step.event.type} refused`);
        break;
      }
      if (result.to !== stateLabel(step.state)) {
        problems.push(
          `path step ${step.event.type}: engine went to ${result.to}, model to ${stateLabel(step.state)}`,
        );
      }
      if (result.to === 'suspended') beforeSuspension = label;
      snapshot = result.snapshot;
      label = result.to;
      checkEveryEvent(snapshot, label, beforeSuspension);
    }
  }
  return { problems, visited, pathCount: paths.length };
}
