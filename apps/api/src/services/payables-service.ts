import {
  appendAudit,
  type Database,
  ensurePayee,
  findLedgerPosting,
  findPayableBySource,
  getMilestone,
  insertPayable,
  listPayablesPage,
  listProgrammeFunders,
  type Milestone,
  type PayableStatusFilter,
  type Programme,
} from '@coproduce/db';
import {
  commitmentPosting,
  DomainError,
  type FunderShare,
  payableRaisedPosting,
  splitPence,
} from '@coproduce/domain';
import type { PersistedSnapshot } from '@coproduce/workflow';
import { today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';
import { toPage } from './keyset-page.ts';
import { post } from './ledger-service.ts';
import { takeSystemStep } from './payment-run/system-step.ts';

type Poster = Pick<ActingMember, 'networkId' | 'personId'> & Partial<ActingMember>;

/**
 * A programme's funders as ledger shares, in a fixed order (organisation id), so a payable is
 * raised and paid with the same split.
 */
export async function funderSharesOf(db: Database, programmeId: string): Promise<FunderShare[]> {
  const funders = await listProgrammeFunders(db, programmeId);
  return funders
    .map((f) => ({ organisationId: f.organisationId, share: f.shareBasisPoints }))
    .sort((a, b) => (a.organisationId < b.organisationId ? -1 : 1));
}

export interface NewPayable {
  readonly networkId: string;
  readonly programmeId: string;
  readonly payeeId: string;
  readonly amountPence: number;
  readonly source: { milestoneId: string } | { workLogId: string };
  readonly description: string;
  readonly dueOn: string;
}

/**
 * Raises a payable and charges it to the programme's budget in the ledger, split between its
 * funders, inside the caller's transaction. A source (milestone or work log) has at most one
 * payable: the database refuses a second.
 */
export async function raisePayable(tx: Database, actor: Poster | null, payable: NewPayable) {
  const shares = await funderSharesOf(tx, payable.programmeId);
  if (shares.length === 0) {
    throw new DomainError(
      'precondition-failed',
      'This programme has no funders to charge the payment to.',
      'programmeId',
    );
  }
  const row = await insertPayable(tx, {
    networkId: payable.networkId,
    programmeId: payable.programmeId,
    payeeId: payable.payeeId,
    amountPence: payable.amountPence,
    ...payable.source,
    description: payable.description,
    dueOn: payable.dueOn,
  });
  await post(tx, actor, {
    networkId: payable.networkId,
    kind: 'payable-raised',
    source: `payable:${row.id}`,
    memo: payable.description,
    entries: payableRaisedPosting(
      payable.programmeId,
      payable.payeeId,
      payable.amountPence,
      shares,
    ),
  });
  await appendAudit(tx, {
    networkId: payable.networkId,
    actor: actor?.role
      ? { personId: actor.personId, role: actor.role, organisationId: actor.organisationId ?? null }
      : null,
    action: 'payable.raised',
    objectType: 'payable',
    objectId: row.id,
    detail: {
      programmeId: payable.programmeId,
      payeeId: payable.payeeId,
      amountPence: payable.amountPence,
      ...('milestoneId' in payable.source
        ? { milestoneId: payable.source.milestoneId }
        : { workLogId: payable.source.workLogId }),
    },
  });
  return row;
}

/**
 * A milestone became payable (approved within the delegation limit, or countersigned): its site
 * is owed its value. A milestone the hub evidences itself has no site and so no payee: nothing is
 * raised (the hub does not pay itself); nor for a programme without co-funders (no budget to
 * charge). Returns the payable, or null.
 */
export async function raiseMilestonePayable(
  tx: Database,
  actor: Poster | null,
  milestone: Pick<
    Milestone,
    'id' | 'networkId' | 'programmeId' | 'siteOrganisationId' | 'title' | 'valuePence'
  >,
  at: Date = new Date(),
) {
  if (!milestone.siteOrganisationId || milestone.valuePence <= 0) return null;
  if (await findPayableBySource(tx, { milestoneId: milestone.id })) return null;
  // A programme with no co-funders has no budget to charge: nothing can be raised against it.
  if ((await funderSharesOf(tx, milestone.programmeId)).length === 0) return null;
  const payee = await ensurePayee(tx, {
    networkId: milestone.networkId,
    organisationId: milestone.siteOrganisationId,
  });
  return raisePayable(tx, actor, {
    networkId: milestone.networkId,
    programmeId: milestone.programmeId,
    payeeId: payee.id,
    amountPence: milestone.valuePence,
    source: { milestoneId: milestone.id },
    description: `Milestone: ${milestone.title}`,
    dueOn: today(at),
  });
}

/** The bank confirmed a milestone's payment: the system marks the milestone paid. */
export async function markMilestonePaid(
  tx: Database,
  { networkId, milestoneId, at }: { networkId: string; milestoneId: string; at: Date },
) {
  const milestone = await getMilestone(tx, { networkId, id: milestoneId });
  if (milestone?.state !== 'payable') return null;
  return takeSystemStep(
    tx,
    {
      kind: 'milestone',
      networkId,
      id: milestone.id,
      version: milestone.version,
      snapshot: milestone.snapshot as PersistedSnapshot,
    },
    { type: 'MARK_PAID' },
    'the bank confirmed the payment',
    at,
  );
}

/**
 * When a programme is approved (every co-funder has signed off its share), each funder commits
 * its share of the budget: one `commitment` posting per programme, split by largest remainder.
 * Nothing is posted for a programme without a budget or funders.
 */
export async function postProgrammeCommitment(
  tx: Database,
  actor: Poster | null,
  programme: Pick<Programme, 'id' | 'networkId' | 'budgetPence'>,
) {
  const source = `programme:${programme.id}`;
  if (await findLedgerPosting(tx, { networkId: programme.networkId, kind: 'commitment', source }))
    return null;
  const shares = await funderSharesOf(tx, programme.id);
  if (shares.length === 0 || programme.budgetPence <= 0) return null;
  const parts = splitPence(
    programme.budgetPence,
    shares.map((s) => s.share),
  );
  const funders = shares
    .map((s, i) => ({ organisationId: s.organisationId, pence: parts[i] ?? 0 }))
    .filter((f) => f.pence > 0);
  const posted = await post(tx, actor, {
    networkId: programme.networkId,
    kind: 'commitment',
    source,
    memo: 'Funders commit their shares of the approved budget',
    entries: commitmentPosting(programme.id, funders),
  });
  await appendAudit(tx, {
    networkId: programme.networkId,
    actor: actor?.role
      ? { personId: actor.personId, role: actor.role, organisationId: actor.organisationId ?? null }
      : null,
    action: 'ledger.commitment-posted',
    objectType: 'programme',
    objectId: programme.id,
    detail: { budgetPence: programme.budgetPence, funders: funders.length },
  });
  return posted;
}

/** Payables for finance, by due date then id, one page at a time. */
export async function listPayables(
  db: Database,
  actor: ActingMember,
  input: {
    status: PayableStatusFilter;
    after?: { dueOn: string; id: string } | undefined;
    limit: number;
  },
) {
  const rows = await listPayablesPage(db, {
    networkId: actor.networkId,
    status: input.status,
    after: input.after,
    limit: input.limit + 1,
  });
  const { page, nextCursor } = toPage(rows, input.limit, (p) => [p.dueOn, p.id]);
  return {
    payables: page.map((p) => ({
      id: p.id,
      programmeId: p.programmeId,
      programmeName: p.programmeName,
      payeeId: p.payeeId,
      payeeName: p.payeeName,
      amountPence: p.amountPence,
      dueOn: p.dueOn,
      description: p.description,
      source: p.milestoneId
        ? { kind: 'milestone' as const, id: p.milestoneId }
        : { kind: 'workLog' as const, id: p.workLogId ?? '' },
      status: p.paidOn ? ('paid' as const) : p.runId ? ('inRun' as const) : ('open' as const),
      paidOn: p.paidOn,
      runId: p.runId,
      runState: p.runState,
      raisedAt: p.createdAt.toISOString(),
    })),
    nextCursor,
  };
}
