import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../client.ts';
import {
  deliverySessions,
  organisations,
  paidRoles,
  payables,
  people,
  programmes,
  workflowTransitions,
  workLogs,
} from '../schema/index.ts';

export type WorkLog = typeof workLogs.$inferSelect;
export type WorkLogState = WorkLog['state'];

export async function insertWorkLog(
  tx: Database,
  values: typeof workLogs.$inferInsert,
): Promise<WorkLog> {
  const [row] = await tx.insert(workLogs).values(values).returning();
  if (!row) throw new Error('insert into work_logs returned nothing');
  return row;
}

export async function findWorkLogById(db: Database, id: string): Promise<WorkLog | undefined> {
  const [row] = await db.select().from(workLogs).where(eq(workLogs.id, id));
  return row;
}

/** Moves a log on only from the state it was read in; false when someone else moved it first. */
export async function moveWorkLog(
  tx: Database,
  {
    id,
    from,
    values,
  }: {
    id: string;
    from: WorkLogState;
    values: Partial<
      Pick<
        typeof workLogs.$inferInsert,
        'state' | 'confirmedBy' | 'confirmedAt' | 'approvedBy' | 'approvedAt' | 'rejectedReason'
      >
    >;
  },
): Promise<boolean> {
  const rows = await tx
    .update(workLogs)
    .set(values)
    .where(and(eq(workLogs.id, id), eq(workLogs.state, from)))
    .returning({ id: workLogs.id });
  return rows.length === 1;
}

export interface WorkLogFilter {
  readonly networkId: string;
  readonly personId?: string | undefined;
  readonly states?: readonly WorkLogState[] | undefined;
  readonly siteOrganisationId?: string | undefined;
  readonly ids?: readonly string[] | undefined;
  readonly limit?: number | undefined;
}

const confirmer = alias(people, 'confirmer');

/** Logs with what the screens show beside them: role, pay, session, practitioner, payable. */
export async function listWorkLogs(db: Database, filter: WorkLogFilter) {
  if (filter.ids && filter.ids.length === 0) return [];
  const query = db
    .select({
      workLog: workLogs,
      personName: people.name,
      confirmedByName: confirmer.name,
      roleTitle: paidRoles.title,
      roleState: paidRoles.state,
      payBasis: paidRoles.payBasis,
      payRatePence: paidRoles.payRatePence,
      programmeId: paidRoles.programmeId,
      programmeName: programmes.name,
      siteOrganisationId: paidRoles.siteOrganisationId,
      siteName: organisations.name,
      session: {
        heldOn: deliverySessions.heldOn,
        kind: deliverySessions.kind,
        title: deliverySessions.title,
        durationMinutes: deliverySessions.durationMinutes,
      },
      payableId: payables.id,
      payableAmountPence: payables.amountPence,
    })
    .from(workLogs)
    .innerJoin(paidRoles, eq(paidRoles.id, workLogs.paidRoleId))
    .innerJoin(programmes, eq(programmes.id, paidRoles.programmeId))
    .innerJoin(organisations, eq(organisations.id, paidRoles.siteOrganisationId))
    .innerJoin(people, eq(people.id, workLogs.personId))
    .leftJoin(confirmer, eq(confirmer.id, workLogs.confirmedBy))
    .leftJoin(deliverySessions, eq(deliverySessions.id, workLogs.deliverySessionId))
    .leftJoin(payables, eq(payables.workLogId, workLogs.id))
    .where(
      and(
        eq(workLogs.networkId, filter.networkId),
        filter.personId ? eq(workLogs.personId, filter.personId) : undefined,
        filter.states ? inArray(workLogs.state, [...filter.states]) : undefined,
        filter.siteOrganisationId
          ? eq(paidRoles.siteOrganisationId, filter.siteOrganisationId)
          : undefined,
        filter.ids ? inArray(workLogs.id, [...filter.ids]) : undefined,
      ),
    )
    .orderBy(desc(workLogs.workedOn), desc(workLogs.createdAt));
  return filter.limit ? query.limit(filter.limit) : query;
}

/**
 * Sessions a person delivered at the site and programme of a role they hold, not yet logged
 * under that role, held on or after `since`.
 */
export async function listLoggableSessions(
  db: Database,
  { networkId, personId, since }: { networkId: string; personId: string; since: string },
) {
  return db
    .select({
      paidRoleId: paidRoles.id,
      sessionId: deliverySessions.id,
      heldOn: deliverySessions.heldOn,
      kind: deliverySessions.kind,
      title: deliverySessions.title,
      durationMinutes: deliverySessions.durationMinutes,
    })
    .from(deliverySessions)
    .innerJoin(
      paidRoles,
      and(
        eq(paidRoles.networkId, deliverySessions.networkId),
        eq(paidRoles.programmeId, deliverySessions.programmeId),
        eq(paidRoles.siteOrganisationId, deliverySessions.siteOrganisationId),
        eq(paidRoles.holderPersonId, personId),
        inArray(paidRoles.payBasis, ['per_session', 'per_hour']),
      ),
    )
    .leftJoin(
      workLogs,
      and(
        eq(workLogs.paidRoleId, paidRoles.id),
        eq(workLogs.deliverySessionId, deliverySessions.id),
      ),
    )
    .where(
      and(
        eq(deliverySessions.networkId, networkId),
        eq(deliverySessions.practitionerId, personId),
        gte(deliverySessions.heldOn, since),
        isNull(workLogs.id),
      ),
    )
    .orderBy(desc(deliverySessions.heldOn), sql`${deliverySessions.id}`);
}

/** Sets how a paid role is paid; false when the role is not in the network. */
export async function setPaidRolePay(
  tx: Database,
  {
    networkId,
    id,
    basis,
    ratePence,
  }: {
    networkId: string;
    id: string;
    basis: 'per_session' | 'per_hour' | 'monthly';
    ratePence: number;
  },
): Promise<boolean> {
  const rows = await tx
    .update(paidRoles)
    .set({ payBasis: basis, payRatePence: ratePence })
    .where(and(eq(paidRoles.networkId, networkId), eq(paidRoles.id, id)))
    .returning({ id: paidRoles.id });
  return rows.length === 1;
}

/** The states paid roles went through, in order: to tell a role's state on a past date. */
export async function paidRoleStateHistory(
  db: Database,
  { networkId, paidRoleIds }: { networkId: string; paidRoleIds: readonly string[] },
) {
  if (paidRoleIds.length === 0) return [];
  return db
    .select({
      paidRoleId: workflowTransitions.subjectId,
      toState: workflowTransitions.toState,
      at: workflowTransitions.at,
    })
    .from(workflowTransitions)
    .where(
      and(
        eq(workflowTransitions.networkId, networkId),
        eq(workflowTransitions.workflowKind, 'paidRole'),
        inArray(workflowTransitions.subjectId, [...paidRoleIds]),
      ),
    )
    .orderBy(workflowTransitions.subjectId, workflowTransitions.version);
}

export async function findWorkLogFor(
  db: Database,
  {
    paidRoleId,
    deliverySessionId,
    month,
  }: { paidRoleId: string; deliverySessionId?: string; month?: string },
) {
  const [row] = await db
    .select()
    .from(workLogs)
    .where(
      and(
        eq(workLogs.paidRoleId, paidRoleId),
        deliverySessionId ? eq(workLogs.deliverySessionId, deliverySessionId) : undefined,
        month ? eq(workLogs.month, month) : undefined,
      ),
    );
  return row;
}
