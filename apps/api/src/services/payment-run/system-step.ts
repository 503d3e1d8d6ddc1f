import { appendAudit, type Database, saveTransition } from '@coproduce/db';
import {
  applyEvent,
  type EventsByKind,
  type PersistedSnapshot,
  WORKFLOWS,
  type WorkflowKind,
} from '@coproduce/workflow';

/**
 * A step the system takes by itself inside the caller's transaction (a milestone marked paid
 * when its payment is confirmed, a payment run completed when every line is decided): recorded
 * like any other step, with no person as its actor. Returns false, writing nothing, when the
 * machine does not allow the step now.
 */
export async function takeSystemStep<K extends WorkflowKind>(
  tx: Database,
  subject: {
    kind: K;
    networkId: string;
    id: string;
    version: number;
    snapshot: PersistedSnapshot;
  },
  event: EventsByKind[K],
  reason: string,
  at: Date = new Date(),
): Promise<{ state: string; version: number } | null> {
  const next = applyEvent(subject.kind, subject.snapshot, event);
  if (!next.ok) return null;
  const saved = await saveTransition(tx, {
    networkId: subject.networkId,
    kind: subject.kind,
    subjectId: subject.id,
    expectedVersion: subject.version,
    snapshot: next.snapshot,
    state: next.to,
    machineVersion: WORKFLOWS[subject.kind].version,
    event: event.type,
    payload: { ...event } as Record<string, unknown>,
    actor: null,
    fromState: next.from,
    reason,
    at,
  });
  if (!saved) return null;
  await appendAudit(tx, {
    networkId: subject.networkId,
    actor: null,
    action: 'workflow.transitioned',
    objectType: subject.kind,
    objectId: subject.id,
    detail: {
      event: event.type,
      from: next.from,
      to: next.to,
      reason,
      version: subject.version + 1,
    },
  });
  return { state: next.to, version: subject.version + 1 };
}
