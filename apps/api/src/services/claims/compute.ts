import { randomBytes } from 'node:crypto';
import {
  approvedMilestones,
  type ClaimedLine,
  claimEvidence,
  type Database,
  findLatestClaim,
  findOverlappingClaim,
  insertClaim,
  insertClaimLines,
  listClaimedLines,
  type NewClaimLine,
  type Programme,
} from '@coproduce/db';
import {
  type Achievement,
  type ClaimedBefore,
  type ClaimLineDraft,
  type ClawbackLineDraft,
  clawbackLine,
  computeClaim,
  DomainError,
  detectAchievementsForVersions,
  drawVerificationSample,
  type RateCardVersion,
} from '@coproduce/domain';
import { initialSnapshot, stateOf, WORKFLOWS } from '@coproduce/workflow';
import { today } from '../../time.ts';
import type { ActingMember } from '../../trpc/context.ts';
import { auditDecision } from '../audit-service.ts';
import { withIdempotency } from '../idempotency.ts';
import { formatDay } from '../monitoring-report/format.ts';
import { outcomesFrameworkOf } from '../outcomes-framework.ts';
import { requireProgramme } from '../programme-service.ts';
import { loadRateCardVersions } from '../rate-card-service.ts';

export const DEFAULT_SAMPLE_PERCENT = 10;
export const DEFAULT_SAMPLE_MINIMUM = 5;

export interface ComputeClaimInput {
  readonly programmeId: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly idempotencyKey: string;
  readonly samplePercent?: number | undefined;
  readonly sampleMinimum?: number | undefined;
}

const CLAWBACK_REASON =
  'the evidence behind it can no longer be used (removed or corrected, or consent for evaluation withdrawn)';

/** Participant (or milestone) and outcome: one line of claiming. */
const keyOf = (line: {
  participantId: string | null;
  milestoneId?: string | null;
  outcomeCode: string;
}) => `${line.participantId ?? `m:${line.milestoneId ?? ''}`}\u0000${line.outcomeCode}`;

/**
 * What was claimed before, for `computeClaim`: every live line of the programme's other claims
 * (zero lines and clawbacks included), and lines that failed verification as zero lines — a
 * failed line is not offered again in every later claim.
 */
export function claimedBefore(history: readonly ClaimedLine[]): ClaimedBefore[] {
  return history
    .filter((line) => line.live || line.verification === 'failed')
    .map((line) => ({
      participantId: line.participantId,
      milestoneId: line.milestoneId,
      outcomeCode: line.outcomeCode,
      occurrence: line.occurrence,
      amountPence: line.live ? line.amountPence : 0,
    }));
}

/**
 * Paid lines whose achievement no longer holds. Per participant (or milestone) and outcome, the
 * standing lines (live, not clawbacks, not already clawed back) are matched in occurrence order
 * with the achievements the evidence still shows; a line left over in a settled claim, with an
 * amount, is clawed back by a linked negative line.
 */
export function clawbacksFor(
  history: readonly ClaimedLine[],
  achievements: readonly Achievement[],
): ClawbackLineDraft[] {
  const achieved = new Map<string, number>();
  for (const a of achievements) achieved.set(keyOf(a), (achieved.get(keyOf(a)) ?? 0) + 1);
  const cancelled = new Set(
    history.flatMap((l) => (l.live && l.clawbackOfLineId ? [l.clawbackOfLineId] : [])),
  );
  const standing = new Map<string, ClaimedLine[]>();
  for (const line of history) {
    if (!line.live || line.clawbackOfLineId !== null || cancelled.has(line.id)) continue;
    const key = keyOf(line);
    standing.set(key, [...(standing.get(key) ?? []), line]);
  }
  const clawbacks: ClawbackLineDraft[] = [];
  for (const [key, lines] of standing) {
    const held = achieved.get(key) ?? 0;
    const unsupported = lines.sort((a, b) => a.occurrence - b.occurrence).slice(held);
    for (const line of unsupported) {
      if (line.amountPence > 0 && line.claimState === 'settled') {
        clawbacks.push(clawbackLine(line, CLAWBACK_REASON));
      }
    }
  }
  return clawbacks.sort(
    (a, b) =>
      (a.achievedOn < b.achievedOn ? -1 : a.achievedOn > b.achievedOn ? 1 : 0) ||
      keyOf(a).localeCompare(keyOf(b)) ||
      a.occurrence - b.occurrence,
  );
}

/** The evidence the versions' triggers need: timepoints, instruments, attendance. */
function evidenceNeeds(programme: Programme, versions: readonly RateCardVersion[]) {
  const baselineCode =
    outcomesFrameworkOf(programme).timepoints.find((t) => t.kind === 'baseline')?.code ??
    'baseline';
  const timepoints = new Set([baselineCode]);
  const instruments = new Set<string>();
  let everyInstrument = false;
  let attendance = false;
  for (const version of versions) {
    for (const { trigger } of version.card.outcomes) {
      if (trigger.kind === 'reliable-improvement' || trigger.kind === 'metric-gain') {
        timepoints.add(trigger.timepoint);
        instruments.add(trigger.instrument);
      }
      if (trigger.kind === 'baseline-completed') everyInstrument = true;
      if (trigger.kind === 'attended-sessions') attendance = true;
    }
  }
  return {
    baselineCode,
    timepoints: [...timepoints],
    instruments: everyInstrument ? null : [...instruments],
    attendance,
  };
}

export interface ClaimPlan {
  readonly lines: readonly (ClaimLineDraft & { clawbackOfLineId?: string })[];
  readonly totalPence: number;
  /** Participants whose lines are checked against evidence (drawn with `seed`). */
  readonly sample: readonly string[];
  readonly achievements: number;
  readonly clawbacks: number;
}

/**
 * The claim for a period, from the database's facts and the pure rules: achievements from the
 * evidence up to the period's end (late evidence for an earlier period is claimed now, at the
 * price in force on its date), priced by `computeClaim` against what was claimed before, plus
 * clawbacks of paid lines whose evidence is gone, and the verification sample.
 */
export async function planClaim(
  db: Database,
  programme: Programme,
  versions: readonly RateCardVersion[],
  period: { periodEnd: string },
  sampling: { seed: string; percent: number; minimum: number },
): Promise<ClaimPlan> {
  const needs = evidenceNeeds(programme, versions);
  const scope = { networkId: programme.networkId, programmeId: programme.id };
  const [evidence, milestones, history] = await Promise.all([
    claimEvidence(db, { ...scope, upTo: period.periodEnd, ...needs }),
    approvedMilestones(db, { ...scope, upTo: period.periodEnd }),
    listClaimedLines(db, scope),
  ]);
  const achievements = detectAchievementsForVersions(versions, evidence, milestones);
  const computed = computeClaim({
    versions,
    achievements,
    alreadyClaimed: claimedBefore(history),
  });
  const clawbacks = clawbacksFor(history, achievements);
  const candidates = computed.lines.flatMap((l) =>
    l.participantId !== null && l.amountPence > 0 ? [l.participantId] : [],
  );
  return {
    lines: [...computed.lines, ...clawbacks],
    totalPence: computed.totalPence + clawbacks.reduce((sum, l) => sum + l.amountPence, 0),
    sample: drawVerificationSample(sampling.seed, candidates, sampling.percent, sampling.minimum),
    achievements: achievements.length,
    clawbacks: clawbacks.length,
  };
}

function period(claim: { periodStart: string; periodEnd: string }) {
  return `${formatDay(claim.periodStart)} to ${formatDay(claim.periodEnd)}`;
}

async function requireOpenPeriod(tx: Database, programmeId: string, input: ComputeClaimInput) {
  const overlapping = await findOverlappingClaim(tx, {
    programmeId,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
  });
  if (overlapping) {
    const same =
      overlapping.periodStart === input.periodStart && overlapping.periodEnd === input.periodEnd;
    throw new DomainError(
      'conflict',
      same
        ? `A claim for ${period(overlapping)} has already been computed. Open it, or reject it before computing the period again.`
        : `This period overlaps the claim for ${period(overlapping)}, which has already been computed.`,
      'periodStart',
      { claimId: overlapping.id },
    );
  }
  const latest = await findLatestClaim(tx, { programmeId });
  if (latest && input.periodStart <= latest.periodEnd) {
    throw new DomainError(
      'conflict',
      `Claims are computed in order: the last one covers ${period(latest)}, so this one must start after ${formatDay(latest.periodEnd)}.`,
      'periodStart',
    );
  }
}

const isUniqueViolation = (error: unknown): boolean => {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as never) {
    if (e.code === '23505') return true;
  }
  return false;
};

/**
 * Computes a programme's outcomes claim for a period (the preparer: a hub coordinator or a
 * finance officer) in one transaction: the claim in verification, its lines, the recorded
 * sample and the audit entry. Idempotent on its key: a retry gets the same claim. `at` is now,
 * except when the demo seed replays a history.
 */
export async function computeProgrammeClaim(
  db: Database,
  actor: ActingMember,
  input: ComputeClaimInput,
  at = new Date(),
) {
  const programme = await requireProgramme(db, actor, input.programmeId);
  if (input.periodEnd > today()) {
    throw new DomainError(
      'invalid',
      'A claim can only cover days that have passed: end the period today or earlier.',
      'periodEnd',
    );
  }
  const percent = input.samplePercent ?? DEFAULT_SAMPLE_PERCENT;
  const minimum = input.sampleMinimum ?? DEFAULT_SAMPLE_MINIMUM;
  const { idempotencyKey, ...request } = input;
  const compute = async (tx: Database) => {
    await requireOpenPeriod(tx, programme.id, input);
    const versions = await loadRateCardVersions(tx, {
      networkId: actor.networkId,
      programmeId: programme.id,
    });
    if (versions.length === 0) {
      throw new DomainError(
        'precondition-failed',
        'This programme has no rate card yet: add one before computing a claim.',
        'programmeId',
      );
    }
    const seed = randomBytes(16).toString('hex');
    const plan = await planClaim(tx, programme, versions, input, { seed, percent, minimum });
    const snapshot = initialSnapshot('claim');
    const claim = await insertClaim(tx, {
      networkId: actor.networkId,
      programmeId: programme.id,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      state: stateOf('claim', snapshot),
      snapshot,
      machineVersion: WORKFLOWS.claim.version,
      preparedBy: actor.personId,
      verificationSeed: seed,
      samplePercent: percent,
      sampleMinimum: minimum,
      totalPence: plan.totalPence,
      createdAt: at,
      updatedAt: at,
    });
    const sampled = new Set(plan.sample);
    await insertClaimLines(
      tx,
      plan.lines.map((line): NewClaimLine => {
        const checked =
          line.participantId !== null &&
          sampled.has(line.participantId) &&
          line.amountPence > 0 &&
          !line.clawbackOfLineId;
        return {
          networkId: actor.networkId,
          claimId: claim.id,
          programmeId: programme.id,
          participantId: line.participantId,
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
          sampled: checked,
          verification: checked ? 'pending' : 'not-sampled',
          clawbackOfLineId: line.clawbackOfLineId ?? null,
        };
      }),
    );
    await auditDecision(tx, actor, {
      action: 'claim.computed',
      objectType: 'claim',
      objectId: claim.id,
      detail: {
        programmeId: programme.id,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        lines: plan.lines.length,
        clawbacks: plan.clawbacks,
        totalPence: plan.totalPence,
        verificationSeed: seed,
        sampledParticipants: plan.sample.length,
      },
    });
    return {
      claimId: claim.id,
      state: claim.state,
      version: claim.version,
      totalPence: plan.totalPence,
      lineCount: plan.lines.length,
      clawbackCount: plan.clawbacks,
      sampledParticipants: plan.sample.length,
    };
  };
  try {
    return await db.transaction((tx) =>
      withIdempotency(tx, actor, { key: idempotencyKey, procedure: 'claim.compute', request }, () =>
        compute(tx),
      ),
    );
  } catch (error) {
    // Two people computing the same period at once: the unique index lets one claim through.
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError(
      'conflict',
      `A claim for ${period(input)} has just been computed by someone else. Reload to see it.`,
      'periodStart',
    );
  }
}
