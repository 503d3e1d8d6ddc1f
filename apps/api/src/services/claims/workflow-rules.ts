import {
  claimFunderTotals,
  countPendingClaimLines,
  type Database,
  insertClaimStatements,
  listProgrammeFunders,
  retireClaimLines,
} from '@coproduce/db';
import { claimApprovedPosting, formatPounds, isAboveDelegationLimit } from '@coproduce/domain';
import type { ActingMember } from '../../trpc/context.ts';
import { post } from '../ledger-service.ts';
import type { Subject } from '../workflow/subjects.ts';

type ClaimSubject = Extract<Subject, { kind: 'claim' }>;

export const PREPARER_CANNOT_APPROVE = 'You prepared this claim, so someone else must approve it.';

/**
 * Who may not take a claim's step, beyond its roles (`WORKFLOW_EVENT_ROLES`): the person who
 * prepared (computed) a claim never approves it, and only a commissioner that funds the
 * programme countersigns it.
 */
export async function claimStepRefusal(
  db: Database,
  actor: ActingMember,
  subject: ClaimSubject,
  event: string,
): Promise<string | null> {
  if (event === 'APPROVE' && subject.row.preparedBy === actor.personId) {
    return PREPARER_CANNOT_APPROVE;
  }
  if (event === 'COUNTERSIGN') {
    const funders = await listProgrammeFunders(db, subject.programme.id);
    if (!funders.some((f) => f.organisationId === actor.organisationId)) {
      return 'Only a commissioner funding this programme can countersign its claims.';
    }
  }
  return null;
}

/** What must be true before a claim's step, in words: every sampled line checked. */
export async function claimStepConditions(
  db: Database,
  subject: ClaimSubject,
  event: string,
): Promise<string[]> {
  if (event !== 'COMPLETE_VERIFICATION') return [];
  const pending = await countPendingClaimLines(db, subject.row.id);
  if (pending === 0) return [];
  return [
    pending === 1
      ? '1 sampled line still needs checking'
      : `${pending.toLocaleString('en-GB')} sampled lines still need checking`,
  ];
}

/**
 * What a claim's step changes besides the claim, in the same transaction. Approved (within the
 * delegation limit, or countersigned above it): each funder's statement is issued and the
 * ledger records what the funders owe. Rejected: the lines stop being live, so the period can be
 * claimed again.
 */
export async function applyClaimEffects(
  tx: Database,
  subject: ClaimSubject,
  event: string,
  actorPersonId: string,
  at: Date,
): Promise<void> {
  const { row: claim, programme } = subject;
  if (event === 'REJECT') {
    await retireClaimLines(tx, claim.id);
    return;
  }
  const approved =
    event === 'COUNTERSIGN' ||
    (event === 'APPROVE' &&
      !isAboveDelegationLimit(claim.totalPence, programme.delegationLimitPence));
  if (!approved) return;
  const totals = await claimFunderTotals(tx, claim.id);
  const funders = await listProgrammeFunders(tx, programme.id);
  const owed = new Map(totals.map((t) => [t.organisationId, t.pence]));
  // Every co-funder gets a statement, £0.00 included, so each one can see the claim was made.
  for (const f of funders) if (!owed.has(f.organisationId)) owed.set(f.organisationId, 0);
  const perFunder = [...owed].map(([organisationId, pence]) => ({ organisationId, pence }));
  await insertClaimStatements(
    tx,
    perFunder.map((f) => ({
      networkId: claim.networkId,
      claimId: claim.id,
      funderOrganisationId: f.organisationId,
      amountPence: f.pence,
      issuedAt: at,
    })),
  );
  if (perFunder.every((f) => f.pence === 0)) return;
  await post(
    tx,
    { networkId: claim.networkId, personId: actorPersonId },
    {
      kind: 'claim-approved',
      source: `claim:${claim.id}`,
      memo: `Outcomes claim ${claim.periodStart} to ${claim.periodEnd}: ${formatPounds(claim.totalPence)}`,
      entries: claimApprovedPosting(programme.id, perFunder),
    },
  );
}
