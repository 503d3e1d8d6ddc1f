import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  bankDetails,
  organisations,
  payables,
  payees,
  paymentRunLines,
  paymentRuns,
  payments,
  people,
  programmes,
} from '../schema/index.ts';
import { insertRecordset } from './recordset.ts';

export type PaymentRunLine = typeof paymentRunLines.$inferSelect;
export type Payment = typeof payments.$inferSelect;

export async function insertPaymentRun(tx: Database, values: typeof paymentRuns.$inferInsert) {
  const [row] = await tx.insert(paymentRuns).values(values).returning();
  if (!row) throw new Error('insert into payment_runs returned nothing');
  return row;
}

/** Many lines in one statement (a run can hold thousands). */
export async function insertPaymentRunLines(
  tx: Database,
  lines: readonly (typeof paymentRunLines.$inferInsert)[],
) {
  await insertRecordset(tx, paymentRunLines, lines);
}

/** Reads a run and locks it until the transaction ends: one release or confirmation at a time. */
export async function lockPaymentRun(
  tx: Database,
  { networkId, id }: { networkId: string; id: string },
) {
  const [row] = await tx
    .select()
    .from(paymentRuns)
    .where(and(eq(paymentRuns.networkId, networkId), eq(paymentRuns.id, id)))
    .for('update');
  return row;
}

export async function findPaymentRunById(db: Database, id: string) {
  const [row] = await db.select().from(paymentRuns).where(eq(paymentRuns.id, id));
  return row;
}

export async function updatePaymentRun(
  tx: Database,
  {
    id,
    values,
  }: {
    id: string;
    values: Partial<
      Pick<
        typeof paymentRuns.$inferInsert,
        | 'approvedBy'
        | 'releasedBy'
        | 'releasedAt'
        | 'processingDate'
        | 'bacsFile'
        | 'bulkPaymentCsv'
        | 'fileSha256'
      >
    >;
  },
) {
  await tx.update(paymentRuns).set(values).where(eq(paymentRuns.id, id));
}

/** Runs newest first, without their files. */
export async function listPaymentRuns(db: Database, networkId: string) {
  return db
    .select({
      id: paymentRuns.id,
      dueBy: paymentRuns.dueBy,
      state: paymentRuns.state,
      version: paymentRuns.version,
      createdBy: paymentRuns.createdBy,
      createdByName: people.name,
      approvedBy: paymentRuns.approvedBy,
      releasedAt: paymentRuns.releasedAt,
      processingDate: paymentRuns.processingDate,
      totalPence: paymentRuns.totalPence,
      lineCount: paymentRuns.lineCount,
      excludedCount: sql<number>`jsonb_array_length(${paymentRuns.exclusions})`,
      createdAt: paymentRuns.createdAt,
    })
    .from(paymentRuns)
    .innerJoin(people, eq(people.id, paymentRuns.createdBy))
    .where(eq(paymentRuns.networkId, networkId))
    .orderBy(desc(paymentRuns.createdAt), desc(paymentRuns.id));
}

const payeeName = sql<string>`coalesce(${people.name}, ${organisations.name}, 'Unknown payee')`;

/** A run's lines with what each pays for and to whom. */
export async function listPaymentRunLines(
  db: Database,
  { networkId, runId, payeeId }: { networkId: string; runId: string; payeeId?: string },
) {
  return db
    .select({
      id: paymentRunLines.id,
      payableId: paymentRunLines.payableId,
      payeeId: paymentRunLines.payeeId,
      payeeName,
      bankDetailsId: paymentRunLines.bankDetailsId,
      accountLast3: bankDetails.accountLast3,
      amountPence: paymentRunLines.amountPence,
      reference: paymentRunLines.reference,
      status: paymentRunLines.status,
      failureReason: paymentRunLines.failureReason,
      bankReference: sql<
        string | null
      >`coalesce(${payments.bankReference}, ${paymentRunLines.bankReference})`,
      decidedAt: paymentRunLines.decidedAt,
      description: payables.description,
      programmeId: payables.programmeId,
      programmeName: programmes.name,
      milestoneId: payables.milestoneId,
      workLogId: payables.workLogId,
      dueOn: payables.dueOn,
    })
    .from(paymentRunLines)
    .innerJoin(payables, eq(payables.id, paymentRunLines.payableId))
    .innerJoin(programmes, eq(programmes.id, payables.programmeId))
    .innerJoin(payees, eq(payees.id, paymentRunLines.payeeId))
    .innerJoin(bankDetails, eq(bankDetails.id, paymentRunLines.bankDetailsId))
    .leftJoin(payments, eq(payments.runLineId, paymentRunLines.id))
    .leftJoin(people, eq(people.id, payees.personId))
    .leftJoin(organisations, eq(organisations.id, payees.organisationId))
    .where(
      and(
        eq(paymentRunLines.networkId, networkId),
        eq(paymentRunLines.runId, runId),
        payeeId ? eq(paymentRunLines.payeeId, payeeId) : undefined,
      ),
    )
    .orderBy(asc(paymentRunLines.reference));
}

/**
 * Fails lines still included (held at release, returned by the bank, run cancelled). One
 * statement per distinct reason, matching lines by primary key: a join with a set of values
 * would leave the plan to estimates that are wrong for a run just written.
 */
export async function failPaymentRunLines(
  tx: Database,
  {
    runId,
    lines,
    at,
  }: { runId: string; lines: readonly { id: string; reason: string }[]; at: Date },
): Promise<string[]> {
  const byReason = new Map<string, string[]>();
  for (const line of lines)
    byReason.set(line.reason, [...(byReason.get(line.reason) ?? []), line.id]);
  const failed: string[] = [];
  for (const [reason, ids] of byReason) {
    const rows = await tx
      .update(paymentRunLines)
      .set({ status: 'failed', failureReason: reason, decidedAt: at })
      .where(
        and(
          eq(paymentRunLines.runId, runId),
          eq(paymentRunLines.status, 'included'),
          inArray(paymentRunLines.id, ids),
        ),
      )
      .returning({ id: paymentRunLines.id });
    failed.push(...rows.map((r) => r.id));
  }
  return failed;
}

/**
 * Marks lines paid, only those still included, and returns them: a line decided by a concurrent
 * or earlier request is never paid twice. The bank's reference is kept with the payment.
 */
export async function payPaymentRunLines(
  tx: Database,
  { runId, lineIds, at }: { runId: string; lineIds: readonly string[]; at: Date },
) {
  if (lineIds.length === 0) return [];
  return tx
    .update(paymentRunLines)
    .set({ status: 'paid', decidedAt: at })
    .where(
      and(
        eq(paymentRunLines.runId, runId),
        eq(paymentRunLines.status, 'included'),
        inArray(paymentRunLines.id, [...lineIds]),
      ),
    )
    .returning({
      id: paymentRunLines.id,
      payableId: paymentRunLines.payableId,
      payeeId: paymentRunLines.payeeId,
      amountPence: paymentRunLines.amountPence,
      networkId: paymentRunLines.networkId,
    });
}

export async function insertPayments(
  tx: Database,
  rows: readonly (typeof payments.$inferInsert)[],
) {
  await insertRecordset(tx, payments, rows);
}

export async function countIncludedLines(tx: Database, runId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(paymentRunLines)
    .where(and(eq(paymentRunLines.runId, runId), eq(paymentRunLines.status, 'included')));
  return Number(row?.n ?? 0);
}

/** Payments to some payees, newest first, with the run and line they came through. */
export async function listPaymentsToPayees(
  db: Database,
  { networkId, payeeIds }: { networkId: string; payeeIds: readonly string[] },
) {
  if (payeeIds.length === 0) return [];
  return db
    .select({
      id: payments.id,
      payableId: payments.payableId,
      amountPence: payments.amountPence,
      paidOn: payments.paidOn,
      bankReference: payments.bankReference,
      runId: paymentRunLines.runId,
      reference: paymentRunLines.reference,
      payeeId: paymentRunLines.payeeId,
      processingDate: paymentRuns.processingDate,
      releasedAt: paymentRuns.releasedAt,
      description: payables.description,
      programmeName: programmes.name,
    })
    .from(payments)
    .innerJoin(paymentRunLines, eq(paymentRunLines.id, payments.runLineId))
    .innerJoin(paymentRuns, eq(paymentRuns.id, paymentRunLines.runId))
    .innerJoin(payables, eq(payables.id, payments.payableId))
    .innerJoin(programmes, eq(programmes.id, payables.programmeId))
    .where(and(eq(payments.networkId, networkId), inArray(paymentRunLines.payeeId, [...payeeIds])))
    .orderBy(desc(payments.paidOn), asc(paymentRunLines.reference));
}

/** Every payment of a network: tests and checks that nothing was paid twice. */
export async function listPayments(db: Database, networkId: string): Promise<Payment[]> {
  return db.select().from(payments).where(eq(payments.networkId, networkId));
}
