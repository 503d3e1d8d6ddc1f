import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';
import { programmes } from './programmes.ts';

/**
 * Evaluation data is pseudonymous: a participant is a code, an enrolment in one programme at
 * one site, and optional equality monitoring. Who they are lives in `participant_identities`,
 * which only that site's roles read (ADR 0007).
 */
export const participants = pgTable(
  'participants',
  {
    id: id(),
    networkId: uuid().notNull(),
    siteOrganisationId: uuid().notNull(),
    programmeId: uuid().notNull(),
    /** The pseudonym everyone outside the site sees, e.g. "KGM-4F7Q2K". */
    code: text().notNull(),
    enrolledOn: date().notNull(),
    enrolledBy: uuid()
      .notNull()
      .references(() => people.id),
    /** Equality monitoring (ONS 2021 census categories); null when not asked or not given. */
    ageBand: text(),
    sex: text(),
    ethnicGroup: text(),
    religion: text(),
    mainLanguage: text(),
    disability: text(),
    erasedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.networkId, t.id),
    unique().on(t.networkId, t.code),
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }),
    foreignKey({
      columns: [t.networkId, t.siteOrganisationId],
      foreignColumns: [organisations.networkId, organisations.id],
    }),
    index().on(t.siteOrganisationId, t.programmeId, t.id),
    index().on(t.programmeId, t.siteOrganisationId),
    // The site's participant list pages by code, with or without a programme filter.
    index('participants_site_code_idx').on(t.networkId, t.siteOrganisationId, t.code),
    index('participants_site_programme_code_idx').on(
      t.networkId,
      t.siteOrganisationId,
      t.programmeId,
      t.code,
    ),
  ],
);

/** Who a participant is. Deleted outright on erasure; nothing else refers to these columns. */
export const participantIdentities = pgTable(
  'participant_identities',
  {
    participantId: uuid().primaryKey(),
    networkId: uuid().notNull(),
    siteOrganisationId: uuid().notNull(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    dateOfBirth: date().notNull(),
    email: text(),
    phone: text(),
    postcode: text(),
    /** Ten digits, modulus-11 checked. */
    nhsNumber: text(),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.participantId],
      foreignColumns: [participants.networkId, participants.id],
    }).onDelete('cascade'),
    index().on(t.siteOrganisationId, t.familyName),
    check('participant_identities_nhs_number', sql`${t.nhsNumber} ~ '^[0-9]{10}$'`),
  ],
);

/** Consent as given, with the privacy-notice version and scope; withdrawal closes it. */
export const consents = pgTable(
  'consents',
  {
    id: id(),
    networkId: uuid().notNull(),
    participantId: uuid().notNull(),
    noticeVersion: text().notNull(),
    serviceDelivery: boolean().notNull(),
    evaluation: boolean().notNull(),
    sharingWithCommissioners: boolean().notNull(),
    givenOn: date().notNull(),
    recordedBy: uuid()
      .notNull()
      .references(() => people.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    withdrawnOn: date(),
    withdrawalRecordedBy: uuid().references(() => people.id),
    withdrawalRecordedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.participantId],
      foreignColumns: [participants.networkId, participants.id],
    }),
    index().on(t.participantId, t.givenOn),
    check(
      'consents_withdrawn_after_given',
      sql`${t.withdrawnOn} is null or ${t.withdrawnOn} >= ${t.givenOn}`,
    ),
  ],
);

export const DELIVERY_SESSION_KINDS = ['assessment', 'treatment', 'group', 'follow-up'] as const;
export const ATTENDANCE_STATUSES = ['attended', 'did-not-attend', 'cancelled'] as const;

/** A session a practitioner delivered at a site; the outcome rules count attended ones. */
export const deliverySessions = pgTable(
  'delivery_sessions',
  {
    id: id(),
    networkId: uuid().notNull(),
    siteOrganisationId: uuid().notNull(),
    programmeId: uuid().notNull(),
    heldOn: date().notNull(),
    kind: text({ enum: DELIVERY_SESSION_KINDS }).notNull(),
    title: text().notNull().default(''),
    durationMinutes: integer().notNull(),
    practitionerId: uuid()
      .notNull()
      .references(() => people.id),
    recordedBy: uuid()
      .notNull()
      .references(() => people.id),
    /** Sent by the device that recorded it, so a retried offline send is stored once. */
    idempotencyKey: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.networkId, t.id),
    unique().on(t.networkId, t.idempotencyKey),
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }),
    foreignKey({
      columns: [t.networkId, t.siteOrganisationId],
      foreignColumns: [organisations.networkId, organisations.id],
    }),
    index().on(t.siteOrganisationId, t.heldOn),
    index().on(t.programmeId, t.heldOn),
    check(
      'delivery_sessions_kind',
      sql`${t.kind} in ('assessment', 'treatment', 'group', 'follow-up')`,
    ),
    check('delivery_sessions_duration', sql`${t.durationMinutes} between 1 and 1440`),
  ],
);

export const attendances = pgTable(
  'attendances',
  {
    networkId: uuid().notNull(),
    sessionId: uuid().notNull(),
    participantId: uuid().notNull(),
    status: text({ enum: ATTENDANCE_STATUSES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId] }),
    foreignKey({
      columns: [t.networkId, t.sessionId],
      foreignColumns: [deliverySessions.networkId, deliverySessions.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.networkId, t.participantId],
      foreignColumns: [participants.networkId, participants.id],
    }),
    index().on(t.participantId),
    check('attendances_status', sql`${t.status} in ('attended', 'did-not-attend', 'cancelled')`),
  ],
);

/** One file imported into a site's programme; its SHA-256 makes a re-upload a no-op. */
export const evidenceImports = pgTable(
  'evidence_imports',
  {
    id: id(),
    networkId: uuid().notNull(),
    siteOrganisationId: uuid().notNull(),
    programmeId: uuid().notNull(),
    kind: text().notNull(),
    fileName: text().notNull(),
    sha256: text().notNull(),
    rowCount: integer().notNull(),
    importedBy: uuid()
      .notNull()
      .references(() => people.id),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.networkId, t.id),
    unique().on(t.siteOrganisationId, t.programmeId, t.kind, t.sha256),
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }),
  ],
);

/**
 * A completed questionnaire (or a score entered from a licensed tool), scored by
 * `scoreInstrument` when it was recorded. Answers are kept so the score can be re-derived.
 */
export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: id(),
    networkId: uuid().notNull(),
    siteOrganisationId: uuid().notNull(),
    programmeId: uuid().notNull(),
    participantId: uuid().notNull(),
    instrument: text().notNull(),
    timepointCode: text().notNull(),
    recordedOn: date().notNull(),
    collectedBy: uuid()
      .notNull()
      .references(() => people.id),
    /** The collector's role at the time: co-assessment by community researchers shows here. */
    collectorRole: text().notNull(),
    answers: jsonb().$type<(number | null)[]>(),
    valid: boolean().notNull(),
    total: doublePrecision(),
    band: text(),
    caseness: boolean(),
    riskFlag: boolean().notNull().default(false),
    metric: doublePrecision(),
    subscales: jsonb().$type<Record<string, number>>().notNull().default({}),
    missingItems: integer().notNull().default(0),
    sessionId: uuid(),
    importId: uuid(),
    idempotencyKey: text().notNull(),
    riskAcknowledgedAt: timestamp({ withTimezone: true }),
    riskAcknowledgedBy: uuid().references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.networkId, t.idempotencyKey),
    foreignKey({
      columns: [t.networkId, t.participantId],
      foreignColumns: [participants.networkId, participants.id],
    }),
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }),
    foreignKey({
      columns: [t.networkId, t.sessionId],
      foreignColumns: [deliverySessions.networkId, deliverySessions.id],
    }),
    foreignKey({
      columns: [t.networkId, t.importId],
      foreignColumns: [evidenceImports.networkId, evidenceImports.id],
    }),
    index().on(t.participantId, t.recordedOn),
    index().on(t.programmeId, t.instrument, t.timepointCode),
    index()
      .on(t.siteOrganisationId, t.riskFlag)
      .where(sql`${t.riskFlag} and ${t.riskAcknowledgedAt} is null`),
  ],
);
