import { z } from 'zod';
import { invalid } from '../errors.ts';
import type { FunderPence } from './funder-pence.ts';
import { splitPence } from './split.ts';

/**
 * Double-entry postings in signed integer pence, debit positive (ADR 0008, "Ledger accounts").
 * Builders are pure; each returns entries that sum to zero, checked by `assertBalanced`, and the
 * database checks again at commit.
 *
 *   commitment        Dr funder-commitment   Cr programme-budget      (per funder)
 *   payable raised    Dr programme-budget    Cr payable               (per funder, split)
 *   payment           Dr payable             Cr bank
 *   payment reversed  Dr bank                Cr payable               (the bank returned it)
 *   claim approved    Dr funder-receivable   Cr outcome-income        (per funder)
 *   claim settled     Dr bank                Cr funder-receivable     (one funder)
 */
export const LEDGER_ACCOUNTS = [
  'funder-commitment',
  'programme-budget',
  'payable',
  'bank',
  'outcome-income',
  'funder-receivable',
] as const;
export const ZLedgerAccount = z.enum(LEDGER_ACCOUNTS);
export type LedgerAccount = z.infer<typeof ZLedgerAccount>;

export interface LedgerEntryDraft {
  account: LedgerAccount;
  programmeId: string | null;
  funderOrganisationId: string | null;
  payeeId: string | null;
  /** Debit positive, credit negative; never 0. */
  amountPence: number;
}

/** A funder's weight when an amount is charged to several funders (like a rate card's shares). */
export interface FunderShare {
  organisationId: string;
  share: number;
}

/** Throws unless every amount is a non-zero whole number of pence and they sum to zero. */
export function assertBalanced(entries: readonly LedgerEntryDraft[]): void {
  if (entries.length < 2) throw invalid('entries', 'A posting has at least two entries.');
  let sum = 0;
  entries.forEach((entry, index) => {
    if (!Number.isSafeInteger(entry.amountPence) || entry.amountPence === 0) {
      throw invalid(
        `entries.${index}.amountPence`,
        `A ledger entry is a whole number of pence other than 0; got ${String(entry.amountPence)}.`,
      );
    }
    if (!(LEDGER_ACCOUNTS as readonly string[]).includes(entry.account)) {
      throw invalid(`entries.${index}.account`, `There is no ledger account "${entry.account}".`);
    }
    sum += entry.amountPence;
  });
  if (sum !== 0) {
    throw invalid('entries', `A posting must balance; these entries are out by ${sum} pence.`);
  }
}

/** Funders commit their parts of a programme's budget. */
export function commitmentPosting(
  programmeId: string,
  funders: readonly FunderPence[],
): LedgerEntryDraft[] {
  checkId(programmeId, 'programmeId');
  const entries = funders.flatMap((funder, index) => {
    checkId(funder.organisationId, `funders.${index}.organisationId`);
    checkPositive(funder.pence, `funders.${index}.pence`);
    return pair(
      entry('funder-commitment', programmeId, funder.organisationId, null, funder.pence),
      entry('programme-budget', programmeId, funder.organisationId, null, -funder.pence),
    );
  });
  return balanced(entries);
}

/**
 * A payable (approved milestone or work log) is charged to the programme's budget, split between
 * its funders by `splitPence`. The payable is kept per payee and funder so that per-funder paid
 * figures exist: pay it with the same shares.
 */
export function payableRaisedPosting(
  programmeId: string,
  payeeId: string,
  amountPence: number,
  funderShares: readonly FunderShare[],
): LedgerEntryDraft[] {
  checkId(programmeId, 'programmeId');
  checkId(payeeId, 'payeeId');
  checkPositive(amountPence, 'amountPence');
  return balanced(
    splitByFunder(amountPence, funderShares).flatMap(({ organisationId, pence }) =>
      pair(
        entry('programme-budget', programmeId, organisationId, null, pence),
        entry('payable', programmeId, organisationId, payeeId, -pence),
      ),
    ),
  );
}

/** A payment run line is paid. Give the payable's funder shares to keep per-funder figures. */
export function paymentPosting(
  programmeId: string,
  payeeId: string,
  amountPence: number,
  funderShares: readonly FunderShare[] = [],
): LedgerEntryDraft[] {
  return balanced(payableAgainstBank(programmeId, payeeId, amountPence, funderShares, 1));
}

/** A line marked paid came back from the bank: the payable is owed again. */
export function paymentReversedPosting(
  programmeId: string,
  payeeId: string,
  amountPence: number,
  funderShares: readonly FunderShare[] = [],
): LedgerEntryDraft[] {
  return balanced(payableAgainstBank(programmeId, payeeId, amountPence, funderShares, -1));
}

/** An approved claim: each funder owes its part. */
export function claimApprovedPosting(
  programmeId: string,
  perFunder: readonly FunderPence[],
): LedgerEntryDraft[] {
  checkId(programmeId, 'programmeId');
  const entries = perFunder
    .filter((funder) => funder.pence !== 0)
    .flatMap((funder, index) => {
      checkId(funder.organisationId, `perFunder.${index}.organisationId`);
      if (!Number.isSafeInteger(funder.pence)) {
        throw invalid(`perFunder.${index}.pence`, 'An amount is a whole number of pence.');
      }
      // A claim whose clawbacks outweigh its lines leaves the funder owed: the same entries, reversed.
      return pair(
        entry('funder-receivable', programmeId, funder.organisationId, null, funder.pence),
        entry('outcome-income', programmeId, funder.organisationId, null, -funder.pence),
      );
    });
  if (entries.length === 0)
    throw invalid('perFunder', 'An approved claim with nothing owed posts nothing.');
  return balanced(entries);
}

/** A funder paid its claim statement into the hub's bank account. */
export function claimSettledPosting(
  programmeId: string,
  funderOrganisationId: string,
  pence: number,
): LedgerEntryDraft[] {
  checkId(programmeId, 'programmeId');
  checkId(funderOrganisationId, 'funderOrganisationId');
  checkPositive(pence, 'pence');
  return balanced([
    entry('bank', programmeId, funderOrganisationId, null, pence),
    entry('funder-receivable', programmeId, funderOrganisationId, null, -pence),
  ]);
}

function payableAgainstBank(
  programmeId: string,
  payeeId: string,
  amountPence: number,
  funderShares: readonly FunderShare[],
  sign: 1 | -1,
): LedgerEntryDraft[] {
  checkId(programmeId, 'programmeId');
  checkId(payeeId, 'payeeId');
  checkPositive(amountPence, 'amountPence');
  const parts =
    funderShares.length === 0
      ? [{ organisationId: null, pence: amountPence }]
      : splitByFunder(amountPence, funderShares);
  return [
    ...parts
      .filter((part) => part.pence > 0)
      .map((part) =>
        entry('payable', programmeId, part.organisationId, payeeId, sign * part.pence),
      ),
    entry('bank', programmeId, null, payeeId, -sign * amountPence),
  ];
}

function splitByFunder(amountPence: number, funderShares: readonly FunderShare[]) {
  if (funderShares.length === 0) {
    throw invalid('funderShares', "Give the funders' shares to charge this to.");
  }
  funderShares.forEach((funder, index) => {
    checkId(funder.organisationId, `funderShares.${index}.organisationId`);
  });
  const parts = splitPence(
    amountPence,
    funderShares.map((funder) => funder.share),
  );
  return funderShares
    .map((funder, index) => ({ organisationId: funder.organisationId, pence: parts[index] ?? 0 }))
    .filter((part) => part.pence > 0);
}

const entry = (
  account: LedgerAccount,
  programmeId: string,
  funderOrganisationId: string | null,
  payeeId: string | null,
  amountPence: number,
): LedgerEntryDraft => ({ account, programmeId, funderOrganisationId, payeeId, amountPence });

const pair = (debit: LedgerEntryDraft, credit: LedgerEntryDraft) => [debit, credit];

function balanced(entries: LedgerEntryDraft[]): LedgerEntryDraft[] {
  assertBalanced(entries);
  return entries;
}

function checkId(value: string, field: string) {
  if (typeof value !== 'string' || value.length === 0) throw invalid(field, `Give the ${field}.`);
}

function checkPositive(pence: number, field: string) {
  if (!Number.isSafeInteger(pence) || pence <= 0) {
    throw invalid(field, `An amount is a whole number of pence above 0; got ${String(pence)}.`);
  }
}

export interface LedgerBalance {
  account: LedgerAccount;
  programmeId: string | null;
  funderOrganisationId: string | null;
  payeeId: string | null;
  balancePence: number;
}

/** Balances by account, programme, funder and payee, in a fixed order. */
export function ledgerBalances(entries: readonly LedgerEntryDraft[]): LedgerBalance[] {
  const groups = new Map<string, LedgerBalance>();
  for (const e of entries) {
    const key = [e.account, e.programmeId, e.funderOrganisationId, e.payeeId].join('\u0000');
    const group = groups.get(key) ?? {
      account: e.account,
      programmeId: e.programmeId,
      funderOrganisationId: e.funderOrganisationId,
      payeeId: e.payeeId,
      balancePence: 0,
    };
    group.balancePence += e.amountPence;
    groups.set(key, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}

/** The sum of the entries matching every given dimension (undefined matches anything). */
export function ledgerBalance(
  entries: readonly LedgerEntryDraft[],
  filter: Partial<Omit<LedgerEntryDraft, 'amountPence'>>,
): number {
  let sum = 0;
  for (const e of entries) {
    if (filter.account !== undefined && e.account !== filter.account) continue;
    if (filter.programmeId !== undefined && e.programmeId !== filter.programmeId) continue;
    if (
      filter.funderOrganisationId !== undefined &&
      e.funderOrganisationId !== filter.funderOrganisationId
    ) {
      continue;
    }
    if (filter.payeeId !== undefined && e.payeeId !== filter.payeeId) continue;
    sum += e.amountPence;
  }
  return sum;
}

export interface BudgetFigures {
  /** Committed by funders. */
  budgetPence: number;
  /** Charged to the budget by payables raised. */
  committedPence: number;
  /** Paid out to payees (committed less still owed). */
  paidPence: number;
  /** Budget not yet committed. */
  availablePence: number;
  /** Payables raised and not yet paid. */
  outstandingPence: number;
  /** Claimed from funders in approved claims. */
  claimedPence: number;
  /** Received from funders against claims. */
  receivedPence: number;
}

/** Budget vs committed vs paid for a programme, per funder and in total, from its entries. */
export function budgetSummary(
  entries: readonly LedgerEntryDraft[],
  programmeId: string,
): { funders: (BudgetFigures & { organisationId: string })[]; totals: BudgetFigures } {
  const mine = entries.filter((e) => e.programmeId === programmeId);
  const figures = (funderOrganisationId: string | undefined): BudgetFigures => {
    const sum = (account: LedgerAccount) =>
      ledgerBalance(mine, { account, ...(funderOrganisationId ? { funderOrganisationId } : {}) });
    // Credit balances are negative; 0 − x rather than −x, so an empty account is 0, not −0.
    const credit = (account: LedgerAccount) => 0 - sum(account);
    const budgetPence = sum('funder-commitment');
    const availablePence = credit('programme-budget');
    const committedPence = budgetPence - availablePence;
    const outstandingPence = credit('payable');
    const claimedPence = credit('outcome-income');
    return {
      budgetPence,
      committedPence,
      paidPence: committedPence - outstandingPence,
      availablePence,
      outstandingPence,
      claimedPence,
      receivedPence: claimedPence - sum('funder-receivable'),
    };
  };
  const funderIds = [
    ...new Set(mine.flatMap((e) => (e.funderOrganisationId ? [e.funderOrganisationId] : []))),
  ].sort();
  return {
    funders: funderIds.map((organisationId) => ({ organisationId, ...figures(organisationId) })),
    totals: figures(undefined),
  };
}
