/**
 * The double-entry ledger (ADR 0008). `post(tx, actor | null, { kind, source, memo, entries,
 * networkId? })` writes one posting inside the caller's transaction: the entries (the domain's
 * `LedgerEntryDraft`s, usually from its posting builders) are checked by `assertBalanced` first,
 * and the database checks again at commit; `(kind, source)` is unique per network, so posting the
 * same thing twice fails and rolls the caller back. `actor` is the person who caused it, or null
 * for the system (then pass `networkId`). `postMany` does the same for many postings in two
 * statements (payment runs). Reads: `programmeMoney(db, programmeId)` → the programme's budget
 * (the funders' commitments), committed (payables raised against it), paid and what remains, in
 * total and per funder, for the hub's programme page and `money.programme`;
 * `payeeBalance(db, { networkId, payeeId })` → raised, paid and owed to one payee.
 */
import {
  type Database,
  findProgrammeById,
  insertLedgerPosting,
  insertLedgerPostings,
  listProgrammeFunders,
  payeeLedgerSums,
  programmeLedgerSums,
} from '@coproduce/db';
import {
  assertBalanced,
  type BudgetFigures,
  budgetSummary,
  DomainError,
  type LedgerAccount,
  type LedgerEntryDraft,
  splitPence,
} from '@coproduce/domain';
import type { ActingMember } from '../trpc/context.ts';

export interface PostingRequest {
  /** What happened: `commitment`, `payable-raised`, `payment`, `claim-approved`, … */
  readonly kind: string;
  /** What it records, by id: `payable:<uuid>`, `claim:<uuid>`, `run-line:<uuid>`. */
  readonly source: string;
  readonly memo: string;
  readonly entries: readonly LedgerEntryDraft[];
  /** Required when `actor` is null. */
  readonly networkId?: string;
}

function networkOf(actor: Pick<ActingMember, 'networkId'> | null, posting: PostingRequest) {
  const networkId = actor?.networkId ?? posting.networkId;
  if (!networkId) throw new Error('a system ledger posting needs its networkId');
  return networkId;
}

function toRow(
  actor: Pick<ActingMember, 'networkId' | 'personId'> | null,
  posting: PostingRequest,
) {
  assertBalanced(posting.entries);
  return {
    networkId: networkOf(actor, posting),
    kind: posting.kind,
    source: posting.source,
    memo: posting.memo,
    postedBy: actor?.personId ?? null,
    entries: posting.entries.map((e) => ({
      account: e.account,
      programmeId: e.programmeId ?? null,
      funderOrganisationId: e.funderOrganisationId ?? null,
      payeeId: e.payeeId ?? null,
      amountPence: e.amountPence,
    })),
  };
}

export async function post(
  tx: Database,
  actor: Pick<ActingMember, 'networkId' | 'personId'> | null,
  posting: PostingRequest,
): Promise<{ postingId: string }> {
  const row = await insertLedgerPosting(tx, toRow(actor, posting));
  return { postingId: row.id };
}

export async function postMany(
  tx: Database,
  actor: Pick<ActingMember, 'networkId' | 'personId'> | null,
  postings: readonly PostingRequest[],
): Promise<void> {
  await insertLedgerPostings(
    tx,
    postings.map((p) => toRow(actor, p)),
  );
}

export type MoneyFigures = BudgetFigures;

export interface ProgrammeMoney {
  readonly programmeId: string;
  /** The budget in the proposal, for comparison with what the funders committed. */
  readonly plannedBudgetPence: number;
  readonly totals: MoneyFigures;
  readonly funders: Array<
    MoneyFigures & {
      readonly organisationId: string;
      readonly name: string;
      readonly shareBasisPoints: number;
      /** The funder's share of the planned budget (largest remainder). */
      readonly plannedBudgetPence: number;
    }
  >;
}

/**
 * Budget vs committed vs paid, per funder and in total, from the programme's ledger balances
 * (the domain's `budgetSummary`: commitments, payables raised, payments, claims).
 */
export async function programmeMoney(db: Database, programmeId: string): Promise<ProgrammeMoney> {
  const programme = await findProgrammeById(db, programmeId);
  if (!programme)
    throw new DomainError('not-found', 'That programme was not found.', 'programmeId');
  const sums = await programmeLedgerSums(db, { networkId: programme.networkId, programmeId });
  const summary = budgetSummary(
    sums.map((s) => ({
      account: s.account as LedgerAccount,
      programmeId: s.programmeId,
      funderOrganisationId: s.funderOrganisationId,
      payeeId: s.payeeId,
      amountPence: s.pence,
    })),
    programmeId,
  );
  const funders = await listProgrammeFunders(db, programmeId);
  const planned =
    funders.length > 0 && programme.budgetPence > 0
      ? splitPence(
          programme.budgetPence,
          funders.map((f) => f.shareBasisPoints),
        )
      : funders.map(() => 0);
  const empty = budgetSummary([], programmeId).totals;
  return {
    programmeId,
    plannedBudgetPence: programme.budgetPence,
    totals: summary.totals,
    funders: funders.map((f, index) => ({
      ...(summary.funders.find((s) => s.organisationId === f.organisationId) ?? empty),
      organisationId: f.organisationId,
      name: f.name,
      shareBasisPoints: f.shareBasisPoints,
      plannedBudgetPence: planned[index] ?? 0,
    })),
  };
}

/** What the hub owes one payee: payables raised, paid, and the difference. */
export async function payeeBalance(
  db: Database,
  { networkId, payeeId }: { networkId: string; payeeId: string },
) {
  const sums = await payeeLedgerSums(db, { networkId, payeeId, account: 'payable' });
  const credits = sums.reduce((t, s) => t + s.credits, 0);
  const debits = sums.reduce((t, s) => t + s.debits, 0);
  return { raisedPence: credits, paidPence: debits, owedPence: credits - debits };
}
