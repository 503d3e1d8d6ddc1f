import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { ledgerEntries, ledgerPostings } from '../schema/index.ts';
import { insertRecordset } from './recordset.ts';

export interface LedgerEntryRow {
  readonly account: string;
  readonly programmeId?: string | null | undefined;
  readonly funderOrganisationId?: string | null | undefined;
  readonly payeeId?: string | null | undefined;
  /** Debit positive, credit negative; never zero. */
  readonly amountPence: number;
}

export interface NewLedgerPosting {
  readonly networkId: string;
  readonly kind: string;
  readonly source: string;
  readonly memo: string;
  readonly postedBy: string | null;
  readonly entries: readonly LedgerEntryRow[];
}

/**
 * Writes one posting and its entries. The database refuses it at commit unless the entries sum
 * to zero (migration 0006), and refuses a second posting of the same kind for the same source.
 */
export async function insertLedgerPosting(tx: Database, posting: NewLedgerPosting) {
  const [row] = await tx
    .insert(ledgerPostings)
    .values({
      networkId: posting.networkId,
      kind: posting.kind,
      source: posting.source,
      memo: posting.memo,
      postedBy: posting.postedBy,
    })
    .returning();
  if (!row) throw new Error('insert into ledger_postings returned nothing');
  await tx.insert(ledgerEntries).values(
    posting.entries.map((e) => ({
      networkId: posting.networkId,
      postingId: row.id,
      account: e.account,
      programmeId: e.programmeId ?? null,
      funderOrganisationId: e.funderOrganisationId ?? null,
      payeeId: e.payeeId ?? null,
      amountPence: e.amountPence,
    })),
  );
  return row;
}

/** Many postings at once (a payment run's lines): two statements whatever the number. */
export async function insertLedgerPostings(tx: Database, postings: readonly NewLedgerPosting[]) {
  if (postings.length === 0) return [];
  const rows = await insertRecordset<
    typeof ledgerPostings,
    { id: string; kind: string; source: string }
  >(
    tx,
    ledgerPostings,
    postings.map((p) => ({
      networkId: p.networkId,
      kind: p.kind,
      source: p.source,
      memo: p.memo,
      postedBy: p.postedBy,
    })),
    sql`returning id, kind, source`,
  );
  const idOf = new Map(rows.map((r) => [`${r.kind} ${r.source}`, r.id]));
  const entries = postings.flatMap((p) =>
    p.entries.map((e) => ({
      networkId: p.networkId,
      postingId: idOf.get(`${p.kind} ${p.source}`) as string,
      account: e.account,
      programmeId: e.programmeId ?? null,
      funderOrganisationId: e.funderOrganisationId ?? null,
      payeeId: e.payeeId ?? null,
      amountPence: e.amountPence,
    })),
  );
  await insertRecordset(tx, ledgerEntries, entries);
  return rows;
}

export async function findLedgerPosting(
  db: Database,
  { networkId, kind, source }: { networkId: string; kind: string; source: string },
) {
  const [row] = await db
    .select()
    .from(ledgerPostings)
    .where(
      and(
        eq(ledgerPostings.networkId, networkId),
        eq(ledgerPostings.kind, kind),
        eq(ledgerPostings.source, source),
      ),
    );
  return row;
}

/** Sums of a programme's entries by account, funder and payee (each sum is one "entry"). */
export async function programmeLedgerSums(
  db: Database,
  { networkId, programmeId }: { networkId: string; programmeId: string },
) {
  const rows = await db
    .select({
      account: ledgerEntries.account,
      funderOrganisationId: ledgerEntries.funderOrganisationId,
      payeeId: ledgerEntries.payeeId,
      pence: sql<string>`sum(${ledgerEntries.amountPence})`,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.networkId, networkId), eq(ledgerEntries.programmeId, programmeId)))
    .groupBy(ledgerEntries.account, ledgerEntries.funderOrganisationId, ledgerEntries.payeeId);
  return rows.map((r) => ({ ...r, programmeId, pence: Number(r.pence) }));
}

/** A payee's debits and credits on one account. */
export async function payeeLedgerSums(
  db: Database,
  { networkId, payeeId, account }: { networkId: string; payeeId: string; account: string },
) {
  const rows = await db
    .select({
      debits: sql<string>`coalesce(sum(${ledgerEntries.amountPence}) filter (where ${ledgerEntries.amountPence} > 0), 0)`,
      credits: sql<string>`coalesce(-sum(${ledgerEntries.amountPence}) filter (where ${ledgerEntries.amountPence} < 0), 0)`,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.networkId, networkId),
        eq(ledgerEntries.payeeId, payeeId),
        eq(ledgerEntries.account, account),
      ),
    );
  return rows.map((r) => ({ debits: Number(r.debits), credits: Number(r.credits) }));
}

/**
 * The whole ledger's health for a network: the sum of every entry (zero when every posting
 * balances) and how many postings do not sum to zero. Tests and `audit:verify`-style checks.
 */
export async function ledgerTrialBalance(db: Database, networkId: string) {
  const result = await db.execute(sql`
    select coalesce(sum(total), 0)::text as total,
           count(*)::text as postings,
           count(*) filter (where total <> 0)::text as unbalanced
      from (select p.id, coalesce(sum(e.amount_pence), 0) as total
              from ledger_postings p left join ledger_entries e on e.posting_id = p.id
             where p.network_id = ${networkId}
             group by p.id) t`);
  const [row] = rowsOf<{ total: string; postings: string; unbalanced: string }>(result);
  return {
    totalPence: Number(row?.total ?? 0),
    postings: Number(row?.postings ?? 0),
    unbalancedPostings: Number(row?.unbalanced ?? 0),
  };
}

/** `db.execute` returns rows directly on postgres.js and `{ rows }` on PGlite. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
