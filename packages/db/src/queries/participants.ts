import { and, asc, desc, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  attendances,
  consents,
  deliverySessions,
  participantIdentities,
  participants,
  questionnaireResponses,
} from '../schema/index.ts';
import { insertRecordset } from './recordset.ts';

export type Participant = typeof participants.$inferSelect;
export type NewParticipant = typeof participants.$inferInsert;
export type ParticipantIdentity = typeof participantIdentities.$inferSelect;
export type Consent = typeof consents.$inferSelect;
export type NewConsent = typeof consents.$inferInsert;

/** Rows per INSERT statement in bulk writes: well under PostgreSQL's 65,535 parameters. */
const BATCH = 2_000;

export async function insertInBatches<T extends Record<string, unknown>, R>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<R[]>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += BATCH)
    out.push(...(await insert(rows.slice(i, i + BATCH))));
  return out;
}

/**
 * Inserts participants; a clash of pseudonymous codes is skipped, so fewer rows can come back
 * than were given (the caller re-draws those codes). One statement per batch, with the rows as
 * one JSON parameter: imports of thousands of rows stay fast.
 */
export function insertParticipants(db: Database, rows: readonly NewParticipant[]) {
  return insertInBatches(rows, (batch) =>
    insertRecordset<typeof participants, { id: string; code: string }>(
      db,
      participants,
      batch,
      sql`on conflict (network_id, code) do nothing returning id, code`,
    ),
  );
}

export function insertParticipantIdentities(
  db: Database,
  rows: readonly (typeof participantIdentities.$inferInsert)[],
) {
  return insertInBatches(rows, (batch) => insertRecordset(db, participantIdentities, batch));
}

export function insertConsents(db: Database, rows: readonly NewConsent[]) {
  return insertInBatches(rows, (batch) =>
    insertRecordset<typeof consents, { id: string }>(db, consents, batch, sql`returning id`),
  );
}

/** Looks a participant up by id alone: for deciding whose it is, before tenancy is checked. */
export async function findParticipantById(
  db: Database,
  id: string,
): Promise<Participant | undefined> {
  const [row] = await db.select().from(participants).where(eq(participants.id, id));
  return row;
}

export async function findParticipantsByCodes(
  db: Database,
  {
    networkId,
    siteId,
    programmeId,
    codes,
  }: { networkId: string; siteId: string; programmeId: string; codes: readonly string[] },
) {
  if (codes.length === 0) return [];
  return db
    .select({ id: participants.id, code: participants.code, erasedAt: participants.erasedAt })
    .from(participants)
    .where(
      and(
        eq(participants.networkId, networkId),
        eq(participants.siteOrganisationId, siteId),
        eq(participants.programmeId, programmeId),
        inArray(participants.code, [...codes]),
      ),
    );
}

export interface ParticipantPage {
  readonly networkId: string;
  readonly siteId: string;
  readonly programmeId?: string | undefined;
  /** Keyset: codes after this one (a code is unique in its network, so the order is total). */
  readonly afterCode?: string | undefined;
  readonly limit: number;
}

/**
 * Pseudonymous rows of one site, by code (keyset pagination). Served by the
 * (network, site, code) and (network, site, programme, code) indexes: a page deep in a large
 * site costs what the first page costs.
 */
export function listParticipants(db: Database, page: ParticipantPage) {
  return db
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.networkId, page.networkId),
        eq(participants.siteOrganisationId, page.siteId),
        page.programmeId ? eq(participants.programmeId, page.programmeId) : undefined,
        page.afterCode !== undefined ? gt(participants.code, page.afterCode) : undefined,
      ),
    )
    .orderBy(asc(participants.code))
    .limit(page.limit);
}

/** Identifying rows of one site matching a name, code, date of birth or NHS number. */
export function searchParticipantIdentities(
  db: Database,
  {
    networkId,
    siteId,
    query,
    limit,
  }: { networkId: string; siteId: string; query: string; limit: number },
) {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const digits = query.replace(/[\s-]/g, '');
  return db
    .select({ participant: participants, identity: participantIdentities })
    .from(participantIdentities)
    .innerJoin(participants, eq(participants.id, participantIdentities.participantId))
    .where(
      and(
        eq(participantIdentities.networkId, networkId),
        eq(participantIdentities.siteOrganisationId, siteId),
        ...words.map((word) => {
          const like = `%${word.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
          return or(
            ilike(participantIdentities.givenName, like),
            ilike(participantIdentities.familyName, like),
            ilike(participants.code, like),
            /^\d{4}-\d{2}-\d{2}$/.test(word)
              ? eq(participantIdentities.dateOfBirth, word)
              : undefined,
            /^\d{10}$/.test(digits) ? eq(participantIdentities.nhsNumber, digits) : undefined,
          );
        }),
      ),
    )
    .orderBy(asc(participantIdentities.familyName), asc(participantIdentities.givenName))
    .limit(limit);
}

export function listIdentities(db: Database, participantIds: readonly string[]) {
  if (participantIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(participantIdentities)
    .where(inArray(participantIdentities.participantId, [...participantIds]));
}

export function listConsents(db: Database, participantId: string) {
  return db
    .select()
    .from(consents)
    .where(eq(consents.participantId, participantId))
    .orderBy(desc(consents.givenOn), desc(consents.recordedAt));
}

/** The consent currently in force for each participant: the latest given, if not withdrawn. */
export async function currentConsents(db: Database, participantIds: readonly string[]) {
  if (participantIds.length === 0) return new Map<string, Consent>();
  const rows = await db
    .selectDistinctOn([consents.participantId])
    .from(consents)
    .where(inArray(consents.participantId, [...participantIds]))
    .orderBy(consents.participantId, desc(consents.givenOn), desc(consents.recordedAt));
  return new Map(rows.map((row) => [row.participantId, row]));
}

export async function withdrawConsent(
  db: Database,
  {
    consentId,
    withdrawnOn,
    recordedBy,
  }: { consentId: string; withdrawnOn: string; recordedBy: string },
): Promise<boolean> {
  const rows = await db
    .update(consents)
    .set({ withdrawnOn, withdrawalRecordedBy: recordedBy, withdrawalRecordedAt: new Date() })
    .where(and(eq(consents.id, consentId), isNull(consents.withdrawnOn)))
    .returning({ id: consents.id });
  return rows.length === 1;
}

/** Erasure: the identifying row goes; the pseudonymous rows stay, marked erased. */
export async function eraseParticipantIdentity(
  db: Database,
  { networkId, participantId }: { networkId: string; participantId: string },
) {
  await db
    .delete(participantIdentities)
    .where(
      and(
        eq(participantIdentities.networkId, networkId),
        eq(participantIdentities.participantId, participantId),
      ),
    );
  await db
    .update(participants)
    .set({ erasedAt: new Date() })
    .where(and(eq(participants.networkId, networkId), eq(participants.id, participantId)));
}

/** The dates the outcomes framework's windows hang on, per participant. */
export async function attendanceAnchors(db: Database, participantIds: readonly string[]) {
  if (participantIds.length === 0)
    return new Map<string, { firstAttended: string | null; lastTreatment: string | null }>();
  const rows = await db
    .select({
      participantId: attendances.participantId,
      firstAttended: sql<string | null>`min(${deliverySessions.heldOn})`,
      lastTreatment: sql<
        string | null
      >`max(${deliverySessions.heldOn}) filter (where ${deliverySessions.kind} in ('treatment', 'group'))`,
    })
    .from(attendances)
    .innerJoin(deliverySessions, eq(deliverySessions.id, attendances.sessionId))
    .where(
      and(
        inArray(attendances.participantId, [...participantIds]),
        eq(attendances.status, 'attended'),
      ),
    )
    .groupBy(attendances.participantId);
  return new Map(
    rows.map((r) => [
      r.participantId,
      { firstAttended: r.firstAttended, lastTreatment: r.lastTreatment },
    ]),
  );
}

/**
 * Enrolled participants of a programme (consent not withdrawn) and how many have a valid
 * baseline questionnaire: the facts of the baseline gate.
 */
export async function baselineCoverage(db: Database, { programmeId }: { programmeId: string }) {
  const [row] = await db
    .select({
      enrolled: sql<number>`count(*)::int`,
      withBaseline: sql<number>`count(*) filter (where exists (
        select 1 from ${questionnaireResponses} r
        where r.participant_id = participants.id
          and r.timepoint_code = 'baseline'
          and r.valid
      ))::int`,
    })
    .from(participants)
    .where(
      and(
        eq(participants.programmeId, programmeId),
        sql`not exists (
          select 1 from ${consents} c
          where c.participant_id = participants.id
            and c.withdrawn_on is not null
            and not exists (
              select 1 from ${consents} later
              where later.participant_id = c.participant_id and later.given_on > c.withdrawn_on
            )
        )`,
      ),
    );
  return row ?? { enrolled: 0, withBaseline: 0 };
}

/** Participants of one site's programme among `ids` (others are simply absent). */
export function findSiteParticipants(
  db: Database,
  {
    networkId,
    siteId,
    programmeId,
    ids,
  }: { networkId: string; siteId: string; programmeId: string; ids: readonly string[] },
): Promise<Participant[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.networkId, networkId),
        eq(participants.siteOrganisationId, siteId),
        eq(participants.programmeId, programmeId),
        inArray(participants.id, [...ids]),
      ),
    );
}

/** Every participant of one site's programme, by code. */
export function listProgrammeSiteParticipants(
  db: Database,
  { programmeId, siteId }: { programmeId: string; siteId: string },
): Promise<Participant[]> {
  return db
    .select()
    .from(participants)
    .where(
      and(eq(participants.programmeId, programmeId), eq(participants.siteOrganisationId, siteId)),
    )
    .orderBy(asc(participants.code));
}

/** The scored questionnaires of one site's programme (no answers), oldest first. */
export function listProgrammeSiteScores(
  db: Database,
  { programmeId, siteId }: { programmeId: string; siteId: string },
) {
  return db
    .select({
      participantId: questionnaireResponses.participantId,
      instrument: questionnaireResponses.instrument,
      timepointCode: questionnaireResponses.timepointCode,
      recordedOn: questionnaireResponses.recordedOn,
      valid: questionnaireResponses.valid,
      total: questionnaireResponses.total,
      metric: questionnaireResponses.metric,
      collectorRole: questionnaireResponses.collectorRole,
    })
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.programmeId, programmeId),
        eq(questionnaireResponses.siteOrganisationId, siteId),
      ),
    )
    .orderBy(asc(questionnaireResponses.recordedOn));
}
