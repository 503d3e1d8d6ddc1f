import {
  appendAudit,
  claimFunderTotals,
  countClaimLines,
  type Database,
  decideClaimLine,
  findClaimLine,
  findPeopleNames,
  getClaim,
  listClaimLines,
  listClaimStatements,
  listClaims,
  listProgrammeFunders,
  lockClaim,
  refreshClaimTotal,
  saveTransition,
  settleClaimStatement,
} from '@coproduce/db';
import {
  claimSettledPosting,
  DomainError,
  formatPounds,
  isAboveDelegationLimit,
  stateWords,
} from '@coproduce/domain';
import { applyEvent, type PersistedSnapshot, WORKFLOWS } from '@coproduce/workflow';
import { addDays } from '../../time.ts';
import type { ActingMember } from '../../trpc/context.ts';
import { auditDecision } from '../audit-service.ts';
import { withIdempotency } from '../idempotency.ts';
import { post } from '../ledger-service.ts';
import { requireProgramme } from '../programme-service.ts';
import { transitionWorkflow, workflowHistory } from '../workflow/transition.ts';

export async function requireClaim(db: Database, actor: ActingMember, claimId: string) {
  const claim = await getClaim(db, { networkId: actor.networkId, id: claimId });
  if (!claim) throw new DomainError('not-found', 'That claim was not found.', 'claimId');
  return claim;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Lines per page of `claim.get`: a claim of a large programme has hundreds of thousands. */
export const DEFAULT_LINES_PAGE = 500;

function statementView(
  row: Awaited<ReturnType<typeof listClaimStatements>>[number],
  names: ReadonlyMap<string, string>,
) {
  const s = row.statement;
  return {
    funderOrganisationId: s.funderOrganisationId,
    funderName: row.funderName,
    amountPence: s.amountPence,
    issuedAt: s.issuedAt.toISOString(),
    settledAt: iso(s.settledAt),
    settledByName: s.settledBy ? (names.get(s.settledBy) ?? 'Former member') : null,
    settlementReference: s.settlementReference,
  };
}

/** The programme's claims, latest period first. */
export async function listProgrammeClaims(db: Database, actor: ActingMember, programmeId: string) {
  const programme = await requireProgramme(db, actor, programmeId);
  const rows = await listClaims(db, { networkId: actor.networkId, programmeId });
  const statements = await listClaimStatements(
    db,
    rows.map((r) => r.claim.id),
  );
  const lastEnd = rows
    .filter((r) => r.claim.state !== 'rejected')
    .reduce<string | null>(
      (last, r) => (last && last > r.claim.periodEnd ? last : r.claim.periodEnd),
      null,
    );
  return {
    programme: { id: programme.id, name: programme.name },
    /** Where the next claim's period must start (claims are computed in order); null: anywhere. */
    nextPeriodStart: lastEnd ? addDays(lastEnd, 1) : null,
    claims: rows.map(({ claim, preparedByName, lineCount, sampledPending, sampledFailed }) => {
      const own = statements.filter((s) => s.statement.claimId === claim.id);
      return {
        id: claim.id,
        periodStart: claim.periodStart,
        periodEnd: claim.periodEnd,
        state: claim.state,
        version: claim.version,
        totalPence: claim.totalPence,
        preparedBy: { personId: claim.preparedBy, name: preparedByName ?? 'Former member' },
        createdAt: claim.createdAt.toISOString(),
        lineCount,
        sampledPending,
        sampledFailed,
        statementsIssued: own.length,
        statementsSettled: own.filter((s) => s.statement.settledAt !== null).length,
      };
    }),
  };
}

/**
 * One claim as the hub, its funders and the auditor see it: a page of its lines with the reason
 * for any reduction (participants by pseudonymous code only) and how many lines each reduction
 * touched, the whole verification sample as a checklist, each funder's part and statement, and
 * the claim's history.
 */
export async function getClaimView(
  db: Database,
  actor: ActingMember,
  claimId: string,
  page: { offset: number; limit: number } = { offset: 0, limit: DEFAULT_LINES_PAGE },
) {
  const claim = await requireClaim(db, actor, claimId);
  const programme = await requireProgramme(db, actor, claim.programmeId);
  const scope = { networkId: actor.networkId, claimId };
  const [rows, sampled, counts, funders, totals, statements, history] = await Promise.all([
    listClaimLines(db, { ...scope, ...page }),
    listClaimLines(db, { ...scope, sampledOnly: true }),
    countClaimLines(db, claimId),
    listProgrammeFunders(db, programme.id),
    claimFunderTotals(db, claimId),
    listClaimStatements(db, [claimId]),
    workflowHistory(db, actor, 'claim', claimId),
  ]);
  const names = await findPeopleNames(db, [
    claim.preparedBy,
    ...[...rows, ...sampled].flatMap(({ line }) => (line.verifiedBy ? [line.verifiedBy] : [])),
    ...statements.flatMap((s) => (s.statement.settledBy ? [s.statement.settledBy] : [])),
  ]);
  const funderName = new Map(funders.map((f) => [f.organisationId, f.name]));
  const view = ({ line, participantCode }: (typeof rows)[number]) => ({
    id: line.id,
    participantCode,
    milestoneId: line.milestoneId,
    outcomeCode: line.outcomeCode,
    occurrence: line.occurrence,
    achievedOn: line.achievedOn,
    rateCardVersionId: line.rateCardVersionId,
    pricePence: line.pricePence,
    amountPence: line.amountPence,
    reduction: line.reduction,
    note: line.note,
    evidence: line.evidence,
    funderSplits: line.funderSplits,
    sampled: line.sampled,
    verification: line.verification,
    verificationNote: line.verificationNote,
    verifiedByName: line.verifiedBy ? (names.get(line.verifiedBy) ?? 'Former member') : null,
    verifiedAt: iso(line.verifiedAt),
    live: line.live,
    clawbackOfLineId: line.clawbackOfLineId,
  });
  const checklist = sampled.map(view);
  const count = (state: string) => checklist.filter((l) => l.verification === state).length;
  return {
    claim: {
      id: claim.id,
      programme: { id: programme.id, name: programme.name },
      periodStart: claim.periodStart,
      periodEnd: claim.periodEnd,
      state: claim.state,
      version: claim.version,
      totalPence: claim.totalPence,
      preparedBy: {
        personId: claim.preparedBy,
        name: names.get(claim.preparedBy) ?? 'Former member',
      },
      createdAt: claim.createdAt.toISOString(),
      delegationLimitPence: programme.delegationLimitPence,
      aboveDelegationLimit: isAboveDelegationLimit(
        claim.totalPence,
        programme.delegationLimitPence,
      ),
      countersigners: funders.map((f) => f.name),
    },
    perFunder: totals.map((t) => ({
      organisationId: t.organisationId,
      name: funderName.get(t.organisationId) ?? '',
      pence: t.pence,
    })),
    lineCount: counts.total,
    reductions: counts.byReduction,
    lines: rows.map(view),
    sample: {
      seed: claim.verificationSeed,
      percent: claim.samplePercent,
      minimum: claim.sampleMinimum,
      participants: new Set(checklist.map((l) => l.participantCode)).size,
      pending: count('pending'),
      passed: count('passed'),
      failed: count('failed'),
      checklist: checklist.map((l) => ({
        lineId: l.id,
        participantCode: l.participantCode,
        outcomeCode: l.outcomeCode,
        achievedOn: l.achievedOn,
        amountPence: l.amountPence,
        evidence: l.evidence,
        verification: l.verification,
        note: l.verificationNote,
        verifiedByName: l.verifiedByName,
        verifiedAt: l.verifiedAt,
      })),
    },
    statements: statements.map((s) => statementView(s, names)),
    transitions: history.transitions,
  };
}

/**
 * Records the check of one sampled line against its evidence. A failed line drops out: it is
 * no longer live and the claim's total no longer counts it.
 */
export async function verifyClaimLine(
  db: Database,
  actor: ActingMember,
  input: { claimId: string; lineId: string; result: 'passed' | 'failed'; note: string },
  at = new Date(),
) {
  const claim = await requireClaim(db, actor, input.claimId);
  const line = await findClaimLine(db, { networkId: actor.networkId, ...input });
  if (!line) throw new DomainError('not-found', 'That line is not on this claim.', 'lineId');
  if (!line.sampled) {
    throw new DomainError(
      'conflict',
      'This line is not in the verification sample: only sampled lines are checked.',
      'lineId',
    );
  }
  if (input.result === 'failed' && input.note.trim() === '') {
    throw new DomainError('invalid', 'Say what did not match the evidence.', 'note');
  }
  return db.transaction(async (tx) => {
    const decided = await decideClaimLine(tx, {
      networkId: actor.networkId,
      claimId: claim.id,
      lineId: line.id,
      result: input.result,
      note: input.note.trim(),
      verifiedBy: actor.personId,
      at,
    });
    if (!decided) {
      throw new DomainError(
        'conflict',
        line.verification !== 'pending'
          ? `This line was already checked: it ${line.verification}.`
          : `Lines can only be checked while the claim is in verification; it is ${stateWords(claim.state)}.`,
        'lineId',
      );
    }
    const totalPence = await refreshClaimTotal(tx, claim.id);
    await auditDecision(tx, actor, {
      action: 'claim.line-verified',
      objectType: 'claim',
      objectId: claim.id,
      detail: {
        lineId: line.id,
        outcomeCode: line.outcomeCode,
        result: input.result,
        totalPence,
      },
    });
    return { lineId: line.id, verification: input.result, live: decided.live, totalPence };
  });
}

/**
 * Approval (APPROVE) or countersignature (COUNTERSIGN) through the claim's workflow, exactly
 * once per idempotency key: a retry returns the first answer. Approval within the delegation
 * limit, or the countersignature above it, issues the funders' statements and posts what they
 * owe to the ledger (the workflow's effects).
 */
export async function decideClaim(
  db: Database,
  actor: ActingMember,
  input: {
    claimId: string;
    expectedVersion: number;
    idempotencyKey: string;
    event: 'APPROVE' | 'COUNTERSIGN';
  },
) {
  const { idempotencyKey, ...request } = input;
  return db.transaction((tx) =>
    withIdempotency(
      tx,
      actor,
      {
        key: idempotencyKey,
        procedure: input.event === 'APPROVE' ? 'claim.approve' : 'claim.countersign',
        request,
      },
      () =>
        transitionWorkflow(tx, actor, {
          kind: 'claim',
          id: input.claimId,
          expectedVersion: input.expectedVersion,
          event: input.event,
        }),
    ),
  );
}

function settlementPosting(programmeId: string, funderId: string, pence: number) {
  if (pence > 0) return claimSettledPosting(programmeId, funderId, pence);
  // A statement in credit (clawbacks outweighed the claim): the hub repays the funder.
  return claimSettledPosting(programmeId, funderId, -pence).map((e) => ({
    ...e,
    amountPence: -e.amountPence,
  }));
}

/**
 * A funder has paid its statement (a finance officer records the bank reference). The ledger
 * records the money received; once every funder has paid, the system settles the claim in the
 * same transaction, recorded as its own step with no actor.
 */
export async function recordClaimSettlement(
  db: Database,
  actor: ActingMember,
  input: {
    claimId: string;
    funderOrganisationId: string;
    reference: string;
    idempotencyKey: string;
  },
  at = new Date(),
) {
  await requireClaim(db, actor, input.claimId);
  const { idempotencyKey, ...request } = input;
  return db.transaction((tx) =>
    withIdempotency(
      tx,
      actor,
      { key: idempotencyKey, procedure: 'claim.recordSettlement', request },
      async () => {
        // Settlements of one claim take turns, so the last one always sees the others.
        const claim = await lockClaim(tx, input.claimId);
        if (!claim) throw new DomainError('not-found', 'That claim was not found.', 'claimId');
        if (claim.state !== 'approved') {
          throw new DomainError(
            'conflict',
            `Only an approved claim's statements can be settled; this claim is ${stateWords(claim.state)}.`,
            'claimId',
          );
        }
        const statements = await listClaimStatements(tx, [claim.id]);
        const mine = statements.find(
          (s) => s.statement.funderOrganisationId === input.funderOrganisationId,
        );
        if (!mine) {
          throw new DomainError(
            'not-found',
            'That funder has no statement on this claim.',
            'funderOrganisationId',
          );
        }
        const settled = await settleClaimStatement(tx, {
          claimId: claim.id,
          funderOrganisationId: input.funderOrganisationId,
          reference: input.reference,
          settledBy: actor.personId,
          at,
        });
        if (!settled) {
          throw new DomainError(
            'conflict',
            `${mine.funderName}'s statement was already settled (reference ${mine.statement.settlementReference ?? 'not given'}).`,
            'funderOrganisationId',
          );
        }
        if (settled.amountPence !== 0) {
          await post(tx, actor, {
            kind: 'claim-settled',
            source: `claim:${claim.id}/funder:${input.funderOrganisationId}`,
            memo: `${mine.funderName} paid ${formatPounds(settled.amountPence)} (reference ${input.reference})`,
            entries: settlementPosting(
              claim.programmeId,
              input.funderOrganisationId,
              settled.amountPence,
            ),
          });
        }
        await auditDecision(tx, actor, {
          action: 'claim.settlement-recorded',
          objectType: 'claim',
          objectId: claim.id,
          detail: {
            funderOrganisationId: input.funderOrganisationId,
            amountPence: settled.amountPence,
            reference: input.reference,
          },
        });
        const outstanding = statements.filter(
          (s) =>
            s.statement.settledAt === null &&
            s.statement.funderOrganisationId !== input.funderOrganisationId,
        ).length;
        let state: string = claim.state;
        let version = claim.version;
        if (outstanding === 0) ({ state, version } = await settleClaim(tx, claim, at));
        return { state, version, outstandingStatements: outstanding };
      },
    ),
  );
}

/** The system's SETTLE step, once every funder has paid. */
async function settleClaim(
  tx: Database,
  claim: NonNullable<Awaited<ReturnType<typeof lockClaim>>>,
  at: Date,
) {
  const next = applyEvent('claim', claim.snapshot as PersistedSnapshot, { type: 'SETTLE' });
  if (!next.ok) return { state: claim.state, version: claim.version };
  const reason = 'every funder has paid its statement';
  const saved = await saveTransition(tx, {
    networkId: claim.networkId,
    kind: 'claim',
    subjectId: claim.id,
    expectedVersion: claim.version,
    snapshot: next.snapshot,
    state: next.to,
    machineVersion: WORKFLOWS.claim.version,
    event: 'SETTLE',
    payload: { type: 'SETTLE' },
    actor: null,
    fromState: next.from,
    reason,
    at,
  });
  if (!saved) throw new Error('the locked claim changed version');
  await appendAudit(tx, {
    networkId: claim.networkId,
    actor: null,
    action: 'workflow.transitioned',
    objectType: 'claim',
    objectId: claim.id,
    detail: { event: 'SETTLE', from: next.from, to: next.to, reason, version: claim.version + 1 },
  });
  return { state: next.to, version: claim.version + 1 };
}
