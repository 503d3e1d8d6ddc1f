import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
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

/** One page of payables by (due date, id), with payee, programme, run and payment. */
export async function listPayablesPage(
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
  return db
    .select({
      id: payables.id,
      programmeId: payables.programmeId,
      programmeName: programmes.name,
      payeeId: payables.payeeId,
      payeeName: sql<string>`coalesce(${people.name}, ${organisations.name}, 'Unknown payee')`,
      amountPence: payables.amountPence,
      dueOn: payables.dueOn,
      description: payables.description,
      milestoneId: payables.milestoneId,
      workLogId: payables.workLogId,
      createdAt: payables.createdAt,
      paidOn: payments.paidOn,
      runId: sql<
        string | null
      >`(select l.run_id from ${paymentRunLines} l where l.payable_id = ${payables.id} and l.status in ('included', 'paid') limit 1)`,
      runState: sql<
        string | null
      >`(select r.state from ${paymentRunLines} l join ${paymentRuns} r on r.id = l.run_id where l.payable_id = ${payables.id} and l.status in ('included', 'paid') limit 1)`,
    })
    .from(payables)
    .innerJoin(programmes, eq(programmes.id, payables.programmeId))
    .innerJoin(payees, eq(payees.id, payables.payeeId))
    .leftJoin(people, eq(people.id, payees.personId))
    .leftJoin(organisations, eq(organisations.id, payees.organisationId))
    .leftJoin(payments, eq(payments.payableId, payables.id))
    .where(
      and(
        eq(payables.networkId, networkId),
        status === 'open' ? isNull(payments.id) : undefined,
        status === 'paid' ? isNotNull(payments.id) : undefined,
        after
          ? or(
              gt(payables.dueOn, after.dueOn),
              and(eq(payables.dueOn, after.dueOn), gt(payables.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(payables.dueOn), asc(payables.id))
    .limit(limit);
}

export async function payablesByIds(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(payables)
    .where(inArray(payables.id, [...ids]));
}
