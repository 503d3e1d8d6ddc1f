import type {
  ApprovedMilestone,
  EvidenceScore,
  InstrumentCode,
  ParticipantEvidence,
} from '@coproduce/domain';
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  attendances,
  consents,
  deliverySessions,
  milestones,
  participants,
  questionnaireResponses,
  workflowTransitions,
} from '../schema/index.ts';

export interface ClaimEvidenceQuery {
  readonly networkId: string;
  readonly programmeId: string;
  /** Nothing dated after this day is read (the claim period's last day). */
  readonly upTo: string;
  /** The programme's baseline timepoint code; it is reported as `baseline`. */
  readonly baselineCode: string;
  /** Scores at these timepoints (the baseline included) are read … */
  readonly timepoints: readonly string[];
  /** … on these instruments; null for every instrument (a baseline-completed outcome). */
  readonly instruments: readonly string[] | null;
  /** Whether any outcome counts attended sessions. */
  readonly attendance: boolean;
}

/**
 * The evidence facts a programme's rate card is applied to, per participant: validly scored
 * questionnaires (the reported score: SWEMWBS's metric score, otherwise the total) and the dates
 * of attended sessions, up to `upTo`.
 *
 * Whose evidence counts is the outcomes report's rule (ADR 0007): a participant's latest consent
 * must include evaluation, and if it was withdrawn, only evidence dated before the withdrawal is
 * used (withdrawal stops further use; it does not undo use made before it). Erased participants
 * keep their pseudonymous rows and count; identities are never read.
 *
 * Three plain reads (latest consents, questionnaires, attendances), each one pass over the
 * programme's rows, joined here: their cost grows with the rows read whatever the planner's
 * statistics say (PGlite never gathers any, and a join planned on a guess of one row turns
 * quadratic at 100,000 participants).
 */
export async function claimEvidence(
  db: Database,
  q: ClaimEvidenceQuery,
): Promise<ParticipantEvidence[]> {
  const inProgramme = (table: typeof participants | typeof questionnaireResponses) =>
    and(eq(table.networkId, q.networkId), eq(table.programmeId, q.programmeId));
  const latestConsents = await db
    .selectDistinctOn([consents.participantId], {
      participantId: consents.participantId,
      evaluation: consents.evaluation,
      withdrawnOn: consents.withdrawnOn,
    })
    .from(consents)
    .innerJoin(participants, eq(participants.id, consents.participantId))
    .where(inProgramme(participants))
    .orderBy(
      consents.participantId,
      desc(consents.givenOn),
      desc(consents.recordedAt),
      desc(consents.id),
    );
  /** Participants whose evidence may be used, each with the day use stops (null: no end). */
  const cohort = new Map(
    latestConsents.flatMap((c) => (c.evaluation ? [[c.participantId, c.withdrawnOn]] : [])),
  );
  const usable = (participantId: string, on: string) => {
    const cutoff = cohort.get(participantId);
    return cutoff !== undefined && (cutoff === null || on < cutoff);
  };
  const evidence = new Map<
    string,
    ParticipantEvidence & { scores: EvidenceScore[]; attendedSessionDates: string[] }
  >();
  const of = (participantId: string) => {
    let found = evidence.get(participantId);
    if (!found) {
      found = { participantId, scores: [], attendedSessionDates: [] };
      evidence.set(participantId, found);
    }
    return found;
  };

  const responses = await db
    .select({
      participantId: questionnaireResponses.participantId,
      id: questionnaireResponses.id,
      instrument: questionnaireResponses.instrument,
      timepointCode: questionnaireResponses.timepointCode,
      total: questionnaireResponses.total,
      metric: questionnaireResponses.metric,
      recordedOn: questionnaireResponses.recordedOn,
    })
    .from(questionnaireResponses)
    .where(
      and(
        inProgramme(questionnaireResponses),
        eq(questionnaireResponses.valid, true),
        lte(questionnaireResponses.recordedOn, q.upTo),
        inArray(questionnaireResponses.timepointCode, [...q.timepoints]),
        q.instruments ? inArray(questionnaireResponses.instrument, [...q.instruments]) : undefined,
      ),
    );
  for (const r of responses) {
    const score = r.instrument === 'SWEMWBS' ? r.metric : r.total;
    if (score === null || !usable(r.participantId, r.recordedOn)) continue;
    of(r.participantId).scores.push({
      id: r.id,
      instrument: r.instrument as InstrumentCode,
      timepoint: r.timepointCode === q.baselineCode ? 'baseline' : r.timepointCode,
      score,
      completedOn: r.recordedOn,
    });
  }

  if (q.attendance) {
    const attended = await db
      .select({ participantId: attendances.participantId, heldOn: deliverySessions.heldOn })
      .from(deliverySessions)
      .innerJoin(attendances, eq(attendances.sessionId, deliverySessions.id))
      .where(
        and(
          eq(deliverySessions.networkId, q.networkId),
          eq(deliverySessions.programmeId, q.programmeId),
          lte(deliverySessions.heldOn, q.upTo),
          eq(attendances.status, 'attended'),
        ),
      );
    for (const a of attended) {
      if (usable(a.participantId, a.heldOn))
        of(a.participantId).attendedSessionDates.push(a.heldOn);
    }
  }
  return [...evidence.values()].sort((a, b) =>
    a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0,
  );
}

/**
 * The programme's milestones that have been approved (and not rejected since), each with the
 * UK date of its (latest) approval, approved by `upTo`, and the role of the person who approved it.
 */
export async function approvedMilestones(
  db: Database,
  { networkId, programmeId, upTo }: { networkId: string; programmeId: string; upTo: string },
): Promise<ApprovedMilestone[]> {
  const approvedOn = sql<string>`(max(${workflowTransitions.at}) at time zone 'Europe/London')::date::text`;
  const rows = await db
    .select({
      milestoneId: milestones.id,
      title: milestones.title,
      approvedOn,
      verifiedBy: sql<string>`(array_agg(${workflowTransitions.actorRole} order by ${workflowTransitions.at} desc))[1]`,
    })
    .from(milestones)
    .innerJoin(
      workflowTransitions,
      and(
        eq(workflowTransitions.subjectId, milestones.id),
        eq(workflowTransitions.workflowKind, 'milestone'),
        eq(workflowTransitions.event, 'APPROVE'),
      ),
    )
    .where(
      and(
        eq(milestones.networkId, networkId),
        eq(milestones.programmeId, programmeId),
        inArray(milestones.state, ['approved', 'countersigned', 'payable', 'paid']),
      ),
    )
    .groupBy(milestones.id, milestones.title)
    .having(sql`${approvedOn} <= ${upTo}`)
    .orderBy(milestones.id);
  return rows.map((r) => ({ ...r, verifiedBy: r.verifiedBy ?? 'hub_approver' }));
}
