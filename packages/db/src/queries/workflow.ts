import type { Role } from '@coproduce/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  claims,
  milestones,
  paidRoles,
  paymentRuns,
  programmes,
  workflowTransitions,
} from '../schema/index.ts';

export type WorkflowKind = 'programme' | 'milestone' | 'paidRole' | 'claim' | 'paymentRun';

const TABLES = {
  programme: programmes,
  milestone: milestones,
  paidRole: paidRoles,
  claim: claims,
  paymentRun: paymentRuns,
} as const;

export type Claim = typeof claims.$inferSelect;
export type PaymentRun = typeof paymentRuns.$inferSelect;

export async function getClaim(
  db: Database,
  { networkId, id }: { networkId: string; id: string },
): Promise<Claim | undefined> {
  const [row] = await db
    .select()
    .from(claims)
    .where(and(eq(claims.networkId, networkId), eq(claims.id, id)));
  return row;
}

export async function getPaymentRun(
  db: Database,
  { networkId, id }: { networkId: string; id: string },
): Promise<PaymentRun | undefined> {
  const [row] = await db
    .select()
    .from(paymentRuns)
    .where(and(eq(paymentRuns.networkId, networkId), eq(paymentRuns.id, id)));
  return row;
}

export interface SavedTransition {
  readonly networkId: string;
  readonly kind: WorkflowKind;
  readonly subjectId: string;
  readonly expectedVersion: number;
  readonly snapshot: Record<string, unknown>;
  readonly state: string;
  readonly machineVersion: string;
  /** Programmes also keep their lifecycle stage for filters. */
  readonly stage?: string;
  readonly event: string;
  readonly payload: Record<string, unknown>;
  readonly actor: { personId: string; role: Role | null; organisationId: string | null } | null;
  readonly fromState: string;
  readonly reason: string | null;
  readonly at?: Date;
}

/**
 * Saves a transition: the new snapshot only if the row is still at `expectedVersion`
 * (optimistic concurrency), then the transition row. Returns false, writing nothing, when
 * someone else moved the subject first. Call inside the transaction that also audits it.
 */
export async function saveTransition(tx: Database, t: SavedTransition): Promise<boolean> {
  const table = TABLES[t.kind];
  const updated = await tx
    .update(table)
    .set({
      snapshot: t.snapshot,
      state: t.state,
      machineVersion: t.machineVersion,
      version: sql`${table.version} + 1`,
      ...(t.stage && t.kind === 'programme' ? { stage: t.stage } : {}),
    })
    .where(
      and(
        eq(table.networkId, t.networkId),
        eq(table.id, t.subjectId),
        eq(table.version, t.expectedVersion),
      ),
    )
    .returning({ version: table.version });
  if (updated.length === 0) return false;
  await tx.insert(workflowTransitions).values({
    networkId: t.networkId,
    workflowKind: t.kind,
    subjectId: t.subjectId,
    version: t.expectedVersion + 1,
    event: t.event,
    payload: t.payload,
    actorPersonId: t.actor?.personId ?? null,
    actorRole: t.actor?.role ?? null,
    actorOrganisationId: t.actor?.organisationId ?? null,
    fromState: t.fromState,
    toState: t.state,
    reason: t.reason,
    at: t.at ?? new Date(),
  });
  return true;
}

export type WorkflowTransition = typeof workflowTransitions.$inferSelect;

export async function listTransitions(
  db: Database,
  { networkId, kind, subjectId }: { networkId: string; kind: WorkflowKind; subjectId: string },
): Promise<WorkflowTransition[]> {
  return db
    .select()
    .from(workflowTransitions)
    .where(
      and(
        eq(workflowTransitions.networkId, networkId),
        eq(workflowTransitions.workflowKind, kind),
        eq(workflowTransitions.subjectId, subjectId),
      ),
    )
    .orderBy(asc(workflowTransitions.version));
}

/** Who last moved the subject with one of `events` (e.g. who submitted what is being approved). */
export async function lastActorOf(
  db: Database,
  {
    networkId,
    kind,
    subjectId,
    events,
  }: { networkId: string; kind: WorkflowKind; subjectId: string; events: readonly string[] },
): Promise<string | null> {
  const history = await listTransitions(db, { networkId, kind, subjectId });
  const last = history.filter((t) => events.includes(t.event)).at(-1);
  return last?.actorPersonId ?? null;
}
