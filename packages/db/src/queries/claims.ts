import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  claimFunderStatements,
  claimLines,
  claims,
  organisations,
  participants,
  people,
  programmes,
} from '../schema/index.ts';
import { insertRecordset } from './recordset.ts';
import type { Claim } from './workflow.ts';

export type ClaimLineRow = typeof claimLines.$inferSelect;
export type NewClaimLine = typeof claimLines.$inferInsert;
export type ClaimStatementRow = typeof claimFunderStatements.$inferSelect;
export type ClaimVerification = ClaimLineRow['verification'];

export async function insertClaim(
  tx: Database,
  values: typeof claims.$inferInsert,
): Promise<Claim> {
  const [row] = await tx.insert(claims).values(values).returning();
  if (!row) throw new Error('insert into claims returned nothing');
  return row;
}

/**
 * A claim's lines, 20,000 to a statement with the rows as one JSON parameter (the recordset
 * insert), so even a claim of 100,000 participants takes a handful of statements. The
 * partial unique indexes refuse a second live line for the same occurrence of an outcome.
 */
export async function insertClaimLines(tx: Database, rows: readonly NewClaimLine[]) {
  // Chunks keep each JSON parameter far below jsonb's size limit on very large claims.
  for (let i = 0; i < rows.length; i += CLAIM_LINES_PER_STATEMENT) {
    await insertRecordset(tx, claimLines, rows.slice(i, i + CLAIM_LINES_PER_STATEMENT));
  }
}

const CLAIM_LINES_PER_STATEMENT = 20_000;

/** Looks a claim up by id alone: for deciding whose it is, before tenancy is checked. */
export async function findClaimById(db: Database, id: string): Promise<Claim | undefined> {
  const [row] = await db.select().from(claims).where(eq(claims.id, id));
  return row;
}

/** The programme's claims, latest period first, with who prepared each and its sample's progress. */
export function listClaims(
  db: Database,
  { networkId, programmeId }: { networkId: string; programmeId: string },
) {
  return db
    .select({
      claim: claims,
      preparedByName: people.name,
      lineCount: sql<number>`(select count(*)::int from ${claimLines} l where l.claim_id = claims.id)`,
      sampledPending: sql<number>`(select count(*)::int from ${claimLines} l
        where l.claim_id = claims.id and l.verification = 'pending')`,
      sampledFailed: sql<number>`(select count(*)::int from ${claimLines} l
        where l.claim_id = claims.id and l.verification = 'failed')`,
    })
    .from(claims)
    .leftJoin(people, eq(people.id, claims.preparedBy))
    .where(and(eq(claims.networkId, networkId), eq(claims.programmeId, programmeId)))
    .orderBy(desc(claims.periodStart), desc(claims.createdAt));
}

/** A claim of the programme (not rejected) whose period overlaps [start, end], if any. */
export async function findOverlappingClaim(
  db: Database,
  {
    programmeId,
    periodStart,
    periodEnd,
  }: { programmeId: string; periodStart: string; periodEnd: string },
): Promise<Claim | undefined> {
  const [row] = await db
    .select()
    .from(claims)
    .where(
      and(
        eq(claims.programmeId, programmeId),
        ne(claims.state, 'rejected'),
        lte(claims.periodStart, periodEnd),
        gte(claims.periodEnd, periodStart),
      ),
    )
    .orderBy(asc(claims.periodStart))
    .limit(1);
  return row;
}

/** The programme's claim (not rejected) with the latest period end. */
export async function findLatestClaim(
  db: Database,
  { programmeId }: { programmeId: string },
): Promise<Claim | undefined> {
  const [row] = await db
    .select()
    .from(claims)
    .where(and(eq(claims.programmeId, programmeId), ne(claims.state, 'rejected')))
    .orderBy(desc(claims.periodEnd))
    .limit(1);
  return row;
}

/**
 * A claim's lines in claim order (achievement date, participant, outcome), each with the
 * participant's pseudonymous code (never identity): all of them, only the sampled ones, or a
 * page.
 */
export function listClaimLines(
  db: Database,
  {
    networkId,
    claimId,
    sampledOnly = false,
    offset,
    limit,
  }: {
    networkId: string;
    claimId: string;
    sampledOnly?: boolean;
    offset?: number | undefined;
    limit?: number | undefined;
  },
) {
  const query = db
    .select({ line: claimLines, participantCode: participants.code })
    .from(claimLines)
    .leftJoin(participants, eq(participants.id, claimLines.participantId))
    .where(
      and(
        eq(claimLines.networkId, networkId),
        eq(claimLines.claimId, claimId),
        sampledOnly ? eq(claimLines.sampled, true) : undefined,
      ),
    )
    .orderBy(
      asc(claimLines.achievedOn),
      sql`${claimLines.participantId} asc nulls first`,
      asc(claimLines.outcomeCode),
      asc(claimLines.occurrence),
      asc(claimLines.id),
    );
  return limit === undefined ? query : query.limit(limit).offset(offset ?? 0);
}

/** How many lines a claim has, and how many of them each kind of reduction touched. */
export async function countClaimLines(db: Database, claimId: string) {
  const rows = await db
    .select({ reduction: claimLines.reduction, lines: sql<number>`count(*)::int` })
    .from(claimLines)
    .where(eq(claimLines.claimId, claimId))
    .groupBy(claimLines.reduction);
  return {
    total: rows.reduce((sum, r) => sum + r.lines, 0),
    byReduction: rows.flatMap((r) =>
      r.reduction ? [{ reduction: r.reduction, lines: r.lines }] : [],
    ),
  };
}

export interface ClaimedLine {
  readonly id: string;
  readonly claimId: string;
  readonly claimState: string;
  readonly participantId: string | null;
  readonly milestoneId: string | null;
  readonly outcomeCode: string;
  readonly occurrence: number;
  readonly achievedOn: string;
  readonly rateCardVersionId: string | null;
  readonly pricePence: number;
  readonly amountPence: number;
  readonly funderSplits: { organisationId: string; pence: number }[];
  readonly live: boolean;
  readonly verification: ClaimVerification;
  readonly clawbackOfLineId: string | null;
}

/**
 * Every line of the programme's claims that are not rejected (a rejected claim's period can be
 * claimed again): what has been claimed before, for caps, occurrences and clawbacks.
 */
export function listClaimedLines(
  db: Database,
  { networkId, programmeId }: { networkId: string; programmeId: string },
): Promise<ClaimedLine[]> {
  return db
    .select({
      id: claimLines.id,
      claimId: claimLines.claimId,
      claimState: claims.state,
      participantId: claimLines.participantId,
      milestoneId: claimLines.milestoneId,
      outcomeCode: claimLines.outcomeCode,
      occurrence: claimLines.occurrence,
      achievedOn: claimLines.achievedOn,
      rateCardVersionId: claimLines.rateCardVersionId,
      pricePence: claimLines.pricePence,
      amountPence: claimLines.amountPence,
      funderSplits: claimLines.funderSplits,
      live: claimLines.live,
      verification: claimLines.verification,
      clawbackOfLineId: claimLines.clawbackOfLineId,
    })
    .from(claimLines)
    .innerJoin(claims, eq(claims.id, claimLines.claimId))
    .where(
      and(
        eq(claimLines.networkId, networkId),
        eq(claimLines.programmeId, programmeId),
        ne(claims.state, 'rejected'),
      ),
    );
}

/**
 * Records the check of one sampled line while its claim is in verification. A failed line stops
 * being live (it no longer counts towards the claim). Returns the line, or undefined when it is
 * not a pending sampled line of a claim in verification (someone else decided it first).
 */
export async function decideClaimLine(
  tx: Database,
  {
    networkId,
    claimId,
    lineId,
    result,
    note,
    verifiedBy,
    at,
  }: {
    networkId: string;
    claimId: string;
    lineId: string;
    result: 'passed' | 'failed';
    note: string;
    verifiedBy: string;
    at: Date;
  },
): Promise<ClaimLineRow | undefined> {
  const [row] = await tx
    .update(claimLines)
    .set({
      verification: result,
      verificationNote: note,
      verifiedBy,
      verifiedAt: at,
      ...(result === 'failed' ? { live: false } : {}),
    })
    .where(
      and(
        eq(claimLines.networkId, networkId),
        eq(claimLines.claimId, claimId),
        eq(claimLines.id, lineId),
        eq(claimLines.verification, 'pending'),
        sql`exists (select 1 from ${claims} c where c.id = ${claimLines.claimId} and c.state = 'verification')`,
      ),
    )
    .returning();
  return row;
}

export async function findClaimLine(
  db: Database,
  { networkId, claimId, lineId }: { networkId: string; claimId: string; lineId: string },
): Promise<ClaimLineRow | undefined> {
  const [row] = await db
    .select()
    .from(claimLines)
    .where(
      and(
        eq(claimLines.networkId, networkId),
        eq(claimLines.claimId, claimId),
        eq(claimLines.id, lineId),
      ),
    );
  return row;
}

/** How many of the claim's sampled lines are still to be checked. */
export async function countPendingClaimLines(db: Database, claimId: string): Promise<number> {
  const [row] = await db
    .select({ pending: sql<number>`count(*)::int` })
    .from(claimLines)
    .where(and(eq(claimLines.claimId, claimId), eq(claimLines.verification, 'pending')));
  return row?.pending ?? 0;
}

/** Sets the claim's total to the sum of its live lines (after a line fails verification). */
export async function refreshClaimTotal(tx: Database, claimId: string): Promise<number> {
  const [row] = await tx
    .update(claims)
    .set({
      totalPence: sql`(select coalesce(sum(l.amount_pence), 0) from ${claimLines} l
        where l.claim_id = ${claimId} and l.live)`,
    })
    .where(eq(claims.id, claimId))
    .returning({ totalPence: claims.totalPence });
  return row?.totalPence ?? 0;
}

/** A rejected claim's lines stop being live, so what they claimed can be claimed again. */
export async function retireClaimLines(tx: Database, claimId: string): Promise<void> {
  await tx
    .update(claimLines)
    .set({ live: false })
    .where(and(eq(claimLines.claimId, claimId), eq(claimLines.live, true)));
}

/** What each funder owes on the claim: the sum of its parts of the live lines. */
export async function claimFunderTotals(
  db: Database,
  claimId: string,
): Promise<{ organisationId: string; pence: number }[]> {
  const result = await db.execute(sql`
    select s."organisationId", sum(s.pence)::bigint as pence
    from ${claimLines} l
    cross join lateral jsonb_to_recordset(l.funder_splits) as s("organisationId" text, pence bigint)
    where l.claim_id = ${claimId} and l.live
    group by s."organisationId"
    order by s."organisationId"`);
  // PGlite returns { rows }; postgres.js the rows themselves. Sums come back as text or bigint.
  const rows = ((result as { rows?: unknown[] }).rows ?? result) as {
    organisationId: string;
    pence: string | number | bigint;
  }[];
  return rows.map((r) => ({ organisationId: r.organisationId, pence: Number(r.pence) }));
}

export async function insertClaimStatements(
  tx: Database,
  rows: readonly (typeof claimFunderStatements.$inferInsert)[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(claimFunderStatements).values([...rows]);
}

/** The claim's statements with each funder's name and who recorded the settlement. */
export function listClaimStatements(db: Database, claimIds: readonly string[]) {
  if (claimIds.length === 0) return Promise.resolve([]);
  return db
    .select({ statement: claimFunderStatements, funderName: organisations.name })
    .from(claimFunderStatements)
    .innerJoin(organisations, eq(organisations.id, claimFunderStatements.funderOrganisationId))
    .where(inArray(claimFunderStatements.claimId, [...claimIds]))
    .orderBy(asc(organisations.name));
}

/** Marks one funder's statement paid; undefined when it was already settled (or is missing). */
export async function settleClaimStatement(
  tx: Database,
  {
    claimId,
    funderOrganisationId,
    reference,
    settledBy,
    at,
  }: {
    claimId: string;
    funderOrganisationId: string;
    reference: string;
    settledBy: string;
    at: Date;
  },
): Promise<ClaimStatementRow | undefined> {
  const [row] = await tx
    .update(claimFunderStatements)
    .set({ settledAt: at, settledBy, settlementReference: reference })
    .where(
      and(
        eq(claimFunderStatements.claimId, claimId),
        eq(claimFunderStatements.funderOrganisationId, funderOrganisationId),
        isNull(claimFunderStatements.settledAt),
      ),
    )
    .returning();
  return row;
}

/** Settled statements of the programme's claims (what funders have paid), oldest first. */
export function listSettledStatements(
  db: Database,
  { networkId, programmeId }: { networkId: string; programmeId: string },
) {
  return db
    .select({
      statement: claimFunderStatements,
      periodStart: claims.periodStart,
      periodEnd: claims.periodEnd,
      hubOrganisationId: programmes.hubOrganisationId,
    })
    .from(claimFunderStatements)
    .innerJoin(claims, eq(claims.id, claimFunderStatements.claimId))
    .innerJoin(programmes, eq(programmes.id, claims.programmeId))
    .where(
      and(
        eq(claimFunderStatements.networkId, networkId),
        eq(claims.programmeId, programmeId),
        sql`${claimFunderStatements.settledAt} is not null`,
      ),
    )
    .orderBy(asc(claims.periodStart), asc(claimFunderStatements.funderOrganisationId));
}

/** Locks the claim's row for the rest of the transaction (settlements of one claim take turns). */
export async function lockClaim(tx: Database, claimId: string): Promise<Claim | undefined> {
  const [row] = await tx.select().from(claims).where(eq(claims.id, claimId)).for('update');
  return row;
}

/**
 * Per claim and outcome: achievements (live lines that are not clawbacks), the participants
 * behind them, what was claimed and what was clawed back. Aggregates only (the INDIGO export).
 */
export function claimOutcomeTotals(
  db: Database,
  { networkId, programmeId }: { networkId: string; programmeId: string },
) {
  return db
    .select({
      claimId: claims.id,
      state: claims.state,
      periodStart: claims.periodStart,
      periodEnd: claims.periodEnd,
      outcomeCode: claimLines.outcomeCode,
      achievements: sql<number>`(count(*) filter (where ${claimLines.clawbackOfLineId} is null))::int`,
      participants: sql<number>`(count(distinct ${claimLines.participantId}) filter (where ${claimLines.clawbackOfLineId} is null))::int`,
      claimedPence: sql<number>`(coalesce(sum(${claimLines.amountPence}) filter (where ${claimLines.clawbackOfLineId} is null), 0))::bigint`,
      clawedBackPence: sql<number>`(coalesce(sum(${claimLines.amountPence}) filter (where ${claimLines.clawbackOfLineId} is not null), 0))::bigint`,
    })
    .from(claimLines)
    .innerJoin(claims, eq(claims.id, claimLines.claimId))
    .where(
      and(
        eq(claimLines.networkId, networkId),
        eq(claims.programmeId, programmeId),
        ne(claims.state, 'rejected'),
        eq(claimLines.live, true),
      ),
    )
    .groupBy(claims.id, claims.state, claims.periodStart, claims.periodEnd, claimLines.outcomeCode)
    .orderBy(asc(claims.periodStart), asc(claimLines.outcomeCode));
}
