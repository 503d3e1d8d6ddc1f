import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  evidenceImports,
  participantIdentities,
  participants,
  people,
  questionnaireResponses,
} from '../schema/index.ts';

export type EvidenceImport = typeof evidenceImports.$inferSelect;
export type NewEvidenceImport = typeof evidenceImports.$inferInsert;

/**
 * Records an imported file. The same bytes for the same site, programme and kind are stored
 * once: a second insert (even a concurrent one, which waits for the first to commit) inserts
 * nothing and returns undefined.
 */
export async function insertEvidenceImport(
  db: Database,
  values: NewEvidenceImport,
): Promise<EvidenceImport | undefined> {
  const [row] = await db
    .insert(evidenceImports)
    .values(values)
    .onConflictDoNothing({
      target: [
        evidenceImports.siteOrganisationId,
        evidenceImports.programmeId,
        evidenceImports.kind,
        evidenceImports.sha256,
      ],
    })
    .returning();
  return row;
}

/** The earlier import of the same file, with who imported it. */
export async function findEvidenceImport(
  db: Database,
  key: { networkId: string; siteId: string; programmeId: string; kind: string; sha256: string },
) {
  const [row] = await db
    .select({ import: evidenceImports, importedByName: people.name })
    .from(evidenceImports)
    .innerJoin(people, eq(people.id, evidenceImports.importedBy))
    .where(
      and(
        eq(evidenceImports.networkId, key.networkId),
        eq(evidenceImports.siteOrganisationId, key.siteId),
        eq(evidenceImports.programmeId, key.programmeId),
        eq(evidenceImports.kind, key.kind),
        eq(evidenceImports.sha256, key.sha256),
      ),
    );
  return row;
}

/** Codes per query: an IN list well under PostgreSQL's 65,535 parameters. */
const CHUNK = 10_000;

/** Participants of one site's programme with these codes (full pseudonymous rows). */
export async function findSiteParticipantsByCodes(
  db: Database,
  scope: { networkId: string; siteId: string; programmeId: string; codes: readonly string[] },
) {
  const codes = [...new Set(scope.codes)];
  const found: (typeof participants.$inferSelect)[] = [];
  for (let i = 0; i < codes.length; i += CHUNK) {
    found.push(
      ...(await db
        .select()
        .from(participants)
        .where(
          and(
            eq(participants.networkId, scope.networkId),
            eq(participants.siteOrganisationId, scope.siteId),
            eq(participants.programmeId, scope.programmeId),
            inArray(participants.code, codes.slice(i, i + CHUNK)),
          ),
        )),
    );
  }
  return found;
}

/**
 * Who is already enrolled in a site's programme (name, date of birth, NHS number), so an import
 * cannot enrol the same person twice. Read only for that comparison; never returned to a caller.
 */
export function listEnrolledPeople(
  db: Database,
  scope: { networkId: string; siteId: string; programmeId: string },
) {
  return db
    .select({
      code: participants.code,
      givenName: participantIdentities.givenName,
      familyName: participantIdentities.familyName,
      dateOfBirth: participantIdentities.dateOfBirth,
      nhsNumber: participantIdentities.nhsNumber,
    })
    .from(participantIdentities)
    .innerJoin(participants, eq(participants.id, participantIdentities.participantId))
    .where(
      and(
        eq(participantIdentities.networkId, scope.networkId),
        eq(participantIdentities.siteOrganisationId, scope.siteId),
        eq(participants.programmeId, scope.programmeId),
      ),
    );
}

/** Which participant, timepoint and date already have answers to an instrument at a site. */
export function listRecordedResponseKeys(
  db: Database,
  scope: { networkId: string; siteId: string; programmeId: string; instrument: string },
) {
  return db
    .select({
      participantId: questionnaireResponses.participantId,
      timepointCode: questionnaireResponses.timepointCode,
      recordedOn: questionnaireResponses.recordedOn,
    })
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.networkId, scope.networkId),
        eq(questionnaireResponses.siteOrganisationId, scope.siteId),
        eq(questionnaireResponses.programmeId, scope.programmeId),
        eq(questionnaireResponses.instrument, scope.instrument),
      ),
    );
}
