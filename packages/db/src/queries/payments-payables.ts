import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  milestones,
  organisations,
  payables,
  payees,
  paymentRunLines,
  paymentRuns,
  payments,
  people,
  programmes,
  workLogs,
} from '../schema/index.ts';

export type Payable = typeof payables.$inferSelect;

export async function insertPayable(
  tx: Database,
  values: typeof payables.$inferInsert,
): Promise<Payable> {
  const [row] = await tx.insert(payables).values(values).returning();
  if (!row) throw new Error('insert into payables returned nothing');
  return row;
}

export async function findPayableBySource(
  db: Database,
  source: { milestoneId: string } | { workLogId: string },
): Promise<Payable | undefined> {
  const [row] = await db
    .select()
    .from(payables)
    .where(
      'milestoneId' in source
        ? eq(payables.milestoneId, source.milestoneId)
        : eq(payables.workLogId, source.workLogId),
    );
  return row;
}

const liveLine = sql`exists (select 1 from ${paymentRunLines} l where l.payable_id = ${payables.id} and l.status in ('included', 'paid'))`;

const payableFacts = {
  id: payables.id,
  programmeId: payables.programmeId,
  payeeId: payables.payeeId,
  amountPence: payables.amountPence,
  dueOn: payables.dueOn,
  description: payables.description,
  milestoneId: payables.milestoneId,
  milestoneState: milestones.state,
  workLogId: payables.workLogId,
  paidRoleId: workLogs.paidRoleId,
  workedOn: workLogs.workedOn,
};

/**
 * Payables due by a date that are neither paid nor in a live run line: what a new payment run
 * considers, with what its eligibility depends on (the work log's role and date).
 */
export async function listOpenPayablesDueBy(
  db: Database,
  { networkId, dueBy }: { networkId: string; dueBy: string },
) {
  return db
    .select(payableFacts)
    .from(payables)
    .leftJoin(workLogs, eq(workLogs.id, payables.workLogId))
    .leftJoin(milestones, eq(milestones.id, payables.milestoneId))
    .leftJoin(payments, eq(payments.payableId, payables.id))
    .where(
      and(
        eq(payables.networkId, networkId),
        lte(payables.dueOn, dueBy),
        isNull(payments.id),
        sql`not ${liveLine}`,
      ),
    )
    .orderBy(asc(payables.dueOn), asc(payables.id));
}

/** The same facts for given payables (a run's lines, re-checked at release). */
export async function listPayableFacts(
  db: Database,
  { networkId, ids }: { networkId: string; ids: readonly string[] },
) {
  if (ids.length === 0) return [];
  return db
    .select(payableFacts)
    .from(payables)
    .leftJoin(workLogs, eq(workLogs.id, payables.workLogId))
    .leftJoin(milestones, eq(milestones.id, payables.milestoneId))
    .where(and(eq(payables.networkId, networkId), inArray(payables.id, [...ids])));
}

export type PayableStatusFilter = 'open' | 'paid' | 'all';

/**
 * One page of payables by (due date, id), with payee, programme, run and payment. The page is
 * chosen from `payables` alone first (its (network, due on, id) index, read from the cursor
 * and stopped after `limit` rows), and only those rows are joined: joined first, the planner
 * misjudged "not paid" and sorted every payable of the network for each page.
 */
export function listPayablesPage(
  db: Database,
  {
    networkId,
    status,
    after,
    limit,
  }: {
    networkId: string;
    status: PayableStatusFilter;
    after?: { dueOn: string; id: string } | undefined;
    limit: number;
  },
) {
  const paid = sql`exists (select 1 from ${payments} where ${payments.payableId} = ${payables.id})`;
  const page = db
    .select()
    .from(payables)
    .where(
      and(
        eq(payables.networkId, networkId),
        status === 'open' ? sql`not ${paid}` : undefined,
        status === 'paid' ? paid : undefined,
        // A row comparison, so the index scan starts right at the cursor.
        after
          ? sql`(${payables.dueOn}, ${payables.id}) > (${after.dueOn}::date, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(payables.dueOn), asc(payables.id))
    .limit(limit)
    .as('page');
  return db
    .select({
      id: page.id,
      programmeId: page.programmeId,
      programmeName: programmes.name,
      payeeId: page.payeeId,
      payeeName: sql<string>`coalesce(${people.name}, ${organisations.name}, 'Unknown payee')`,
      amountPence: page.amountPence,
      dueOn: page.dueOn,
      description: page.description,
      milestoneId: page.milestoneId,
      workLogId: page.workLogId,
      createdAt: page.createdAt,
      paidOn: payments.paidOn,
      runId: sql<
        string | null
      >`(select l.run_id from ${paymentRunLines} l where l.payable_id = ${page.id} and l.status in ('included', 'paid') limit 1)`,
      runState: sql<
        string | null
      >`(select r.state from ${paymentRunLines} l join ${paymentRuns} r on r.id = l.run_id where l.payable_id = ${page.id} and l.status in ('included', 'paid') limit 1)`,
    })
    .from(page)
    .innerJoin(programmes, eq(programmes.id, page.programmeId))
    .innerJoin(payees, eq(payees.id, page.payeeId))
    .leftJoin(people, eq(people.id, payees.personId))
    .leftJoin(organisations, eq(organisations.id, payees.organisationId))
    .leftJoin(payments, eq(payments.payableId, page.id))
    .orderBy(asc(page.dueOn), asc(page.id));
}

export async function payablesByIds(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(payables)
    .where(inArray(payables.id, [...ids]));
}
