import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  attendances,
  deliverySessions,
  participants,
  people,
  questionnaireResponses,
} from '../schema/index.ts';
import { insertInBatches } from './participants.ts';

export type DeliverySession = typeof deliverySessions.$inferSelect;
export type NewDeliverySession = typeof deliverySessions.$inferInsert;
export type Attendance = typeof attendances.$inferSelect;
export type QuestionnaireResponse = typeof questionnaireResponses.$inferSelect;
export type NewQuestionnaireResponse = typeof questionnaireResponses.$inferInsert;

/** Stores a session once per idempotency key; `undefined` when the key was used before. */
export async function insertDeliverySession(db: Database, values: NewDeliverySession) {
  const [row] = await db
    .insert(deliverySessions)
    .values(values)
    .onConflictDoNothing({ target: [deliverySessions.networkId, deliverySessions.idempotencyKey] })
    .returning();
  return row;
}

export async function findDeliverySessionByKey(
  db: Database,
  { networkId, idempotencyKey }: { networkId: string; idempotencyKey: string },
) {
  const [row] = await db
    .select()
    .from(deliverySessions)
    .where(
      and(
        eq(deliverySessions.networkId, networkId),
        eq(deliverySessions.idempotencyKey, idempotencyKey),
      ),
    );
  return row;
}

export async function findDeliverySessionById(db: Database, id: string) {
  const [row] = await db.select().from(deliverySessions).where(eq(deliverySessions.id, id));
  return row;
}

export function insertAttendances(
  db: Database,
  rows: readonly (typeof attendances.$inferInsert)[],
) {
  return insertInBatches(rows, (batch) =>
    db.insert(attendances).values(batch).returning({ participantId: attendances.participantId }),
  );
}

export async function replaceAttendances(
  db: Database,
  sessionId: string,
  rows: readonly (typeof attendances.$inferInsert)[],
) {
  await db.delete(attendances).where(eq(attendances.sessionId, sessionId));
  if (rows.length > 0) await insertAttendances(db, rows);
}

export function listAttendances(db: Database, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .select({ attendance: attendances, code: participants.code })
    .from(attendances)
    .innerJoin(participants, eq(participants.id, attendances.participantId))
    .where(inArray(attendances.sessionId, [...sessionIds]));
}

/** A site's sessions, newest first, keyset-paginated on (heldOn, id). */
export function listDeliverySessions(
  db: Database,
  filter: {
    networkId: string;
    siteId: string;
    programmeId?: string | undefined;
    before?: { heldOn: string; id: string } | undefined;
    limit: number;
  },
) {
  return db
    .select({ session: deliverySessions, practitionerName: people.name })
    .from(deliverySessions)
    .innerJoin(people, eq(people.id, deliverySessions.practitionerId))
    .where(
      and(
        eq(deliverySessions.networkId, filter.networkId),
        eq(deliverySessions.siteOrganisationId, filter.siteId),
        filter.programmeId ? eq(deliverySessions.programmeId, filter.programmeId) : undefined,
        filter.before
          ? or(
              lt(deliverySessions.heldOn, filter.before.heldOn),
              and(
                eq(deliverySessions.heldOn, filter.before.heldOn),
                lt(deliverySessions.id, filter.before.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(deliverySessions.heldOn), desc(deliverySessions.id))
    .limit(filter.limit);
}

/** Sessions one participant was registered at, with their attendance. */
export function listParticipantSessions(db: Database, participantId: string) {
  return db
    .select({
      session: deliverySessions,
      status: attendances.status,
      practitionerName: people.name,
    })
    .from(attendances)
    .innerJoin(deliverySessions, eq(deliverySessions.id, attendances.sessionId))
    .innerJoin(people, eq(people.id, deliverySessions.practitionerId))
    .where(eq(attendances.participantId, participantId))
    .orderBy(desc(deliverySessions.heldOn));
}

/** Stores responses once per idempotency key; returns only the rows newly stored. */
export function insertQuestionnaireResponses(
  db: Database,
  rows: readonly NewQuestionnaireResponse[],
) {
  return insertInBatches(rows, (batch) =>
    db
      .insert(questionnaireResponses)
      .values(batch)
      .onConflictDoNothing({
        target: [questionnaireResponses.networkId, questionnaireResponses.idempotencyKey],
      })
      .returning(),
  );
}

export async function findResponsesByKeys(
  db: Database,
  { networkId, keys }: { networkId: string; keys: readonly string[] },
) {
  if (keys.length === 0) return [];
  return db
    .select()
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.networkId, networkId),
        inArray(questionnaireResponses.idempotencyKey, [...keys]),
      ),
    );
}

export async function findResponseById(db: Database, id: string) {
  const [row] = await db
    .select()
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.id, id));
  return row;
}

export function listParticipantResponses(db: Database, participantId: string) {
  return db
    .select({ response: questionnaireResponses, collectorName: people.name })
    .from(questionnaireResponses)
    .innerJoin(people, eq(people.id, questionnaireResponses.collectedBy))
    .where(eq(questionnaireResponses.participantId, participantId))
    .orderBy(desc(questionnaireResponses.recordedOn), desc(questionnaireResponses.createdAt));
}

/** PHQ-9 risk flags at a site nobody has acted on yet. */
export function listOpenRiskFlags(
  db: Database,
  { networkId, siteId }: { networkId: string; siteId: string },
) {
  return db
    .select({
      id: questionnaireResponses.id,
      participantId: questionnaireResponses.participantId,
      code: participants.code,
      recordedOn: questionnaireResponses.recordedOn,
      programmeId: questionnaireResponses.programmeId,
    })
    .from(questionnaireResponses)
    .innerJoin(participants, eq(participants.id, questionnaireResponses.participantId))
    .where(
      and(
        eq(questionnaireResponses.networkId, networkId),
        eq(questionnaireResponses.siteOrganisationId, siteId),
        eq(questionnaireResponses.riskFlag, true),
        isNull(questionnaireResponses.riskAcknowledgedAt),
      ),
    )
    .orderBy(desc(questionnaireResponses.recordedOn));
}

export async function acknowledgeRiskFlag(
  db: Database,
  { responseId, personId }: { responseId: string; personId: string },
): Promise<boolean> {
  const rows = await db
    .update(questionnaireResponses)
    .set({ riskAcknowledgedAt: new Date(), riskAcknowledgedBy: personId })
    .where(
      and(
        eq(questionnaireResponses.id, responseId),
        eq(questionnaireResponses.riskFlag, true),
        isNull(questionnaireResponses.riskAcknowledgedAt),
      ),
    )
    .returning({ id: questionnaireResponses.id });
  return rows.length === 1;
}
