import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { deliverySessions, participants } from './evidence.ts';
import { milestones } from './milestones.ts';
import { networks } from './networks.ts';
import { organisations } from './organisations.ts';
import { paidRoles } from './paid-roles.ts';
import { people } from './people.ts';
import { programmes } from './programmes.ts';
import { workflowColumns } from './workflow-columns.ts';

/** A funder's part of a line or statement, split by largest remainder (ADR 0008). */
export interface FunderSplitColumn {
  readonly organisationId: string;
  readonly pence: number;
}

const money = () => bigint({ mode: 'number' });

/**
 * A dated version of a programme's rate card. Amendments add a version; an achievement is
 * priced by the version in force on its date, so stored versions are never rewritten.
 */
export const rateCardVersions = pgTable(
  'rate_card_versions',
  {
    id: id(),
    networkId: uuid().notNull(),
    programmeId: uuid().notNull(),
    effectiveFrom: date().notNull(),
    /** The card as the domain's `ZRateCard` parsed it. */
    card: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Why this amendment was made; empty for the first version. */
    reason: text().notNull().default(''),
    createdBy: uuid()
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.programmeId, t.effectiveFrom),
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }),
    index().on(t.networkId, t.programmeId),
  ],
);

/** An outcomes claim a programme's hub makes to its funders for one period (claim@1). */
export const claims = pgTable(
  'claims',
  {
    id: id(),
    networkId: uuid().notNull(),
    programmeId: uuid().notNull(),
    periodStart: date().notNull(),
    periodEnd: date().notNull(),
    ...workflowColumns(),
    preparedBy: uuid()
      .notNull()
      .references(() => people.id),
    /** The seed the verification sample was drawn with, so anyone can redraw it. */
    verificationSeed: text().notNull(),
    samplePercent: integer().notNull().default(10),
    sampleMinimum: integer().notNull().default(5),
    totalPence: money().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.networkId, t.id),
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }),
    uniqueIndex('claims_one_live_per_period')
      .on(t.programmeId, t.periodStart, t.periodEnd)
      .where(sql`${t.state} <> 'rejected'`),
    index().on(t.networkId, t.programmeId, t.periodStart),
    check('claims_period', sql`${t.periodStart} <= ${t.periodEnd}`),
    check('claims_sample', sql`${t.samplePercent} between 1 and 100 and ${t.sampleMinimum} >= 1`),
  ],
);

/**
 * One priced achievement (or a clawback of one). `live` is false once the line failed
 * verification or its claim was rejected; a live, positive line can exist only once per
 * participant, outcome and occurrence, so nothing is claimed twice.
 */
export const claimLines = pgTable(
  'claim_lines',
  {
    id: id(),
    networkId: uuid().notNull(),
    claimId: uuid().notNull(),
    programmeId: uuid().notNull(),
    /** Null for programme-level outcomes such as an approved milestone. */
    participantId: uuid(),
    milestoneId: uuid().references(() => milestones.id),
    outcomeCode: text().notNull(),
    occurrence: integer().notNull(),
    achievedOn: date().notNull(),
    rateCardVersionId: uuid().references(() => rateCardVersions.id),
    pricePence: money().notNull(),
    /** Positive for a claim, negative for a clawback. */
    amountPence: money().notNull(),
    reduction: text().$type<
      'capped-participant' | 'capped-contract' | 'already-claimed' | 'no-rate-card'
    >(),
    note: text().notNull().default(''),
    /** Pseudonymous references to the evidence behind it (questionnaire ids, session dates). */
    evidence: text().notNull().default(''),
    funderSplits: jsonb().$type<FunderSplitColumn[]>().notNull(),
    sampled: boolean().notNull().default(false),
    verification: text()
      .$type<'not-sampled' | 'pending' | 'passed' | 'failed'>()
      .notNull()
      .default('not-sampled'),
    verificationNote: text(),
    verifiedBy: uuid().references(() => people.id),
    verifiedAt: timestamp({ withTimezone: true }),
    live: boolean().notNull().default(true),
    clawbackOfLineId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.claimId],
      foreignColumns: [claims.networkId, claims.id],
    }),
    foreignKey({
      columns: [t.networkId, t.participantId],
      foreignColumns: [participants.networkId, participants.id],
    }),
    foreignKey({ columns: [t.clawbackOfLineId], foreignColumns: [t.id] }),
    index().on(t.networkId, t.claimId),
    index().on(t.networkId, t.programmeId, t.participantId),
    uniqueIndex('claim_lines_participant_claimed_once')
      .on(t.programmeId, t.participantId, t.outcomeCode, t.occurrence)
      .where(sql`${t.live} and ${t.amountPence} > 0 and ${t.clawbackOfLineId} is null`),
    uniqueIndex('claim_lines_milestone_claimed_once')
      .on(t.programmeId, t.milestoneId, t.outcomeCode)
      .where(sql`${t.live} and ${t.amountPence} > 0 and ${t.clawbackOfLineId} is null`),
    check('claim_lines_subject', sql`num_nonnulls(${t.participantId}, ${t.milestoneId}) = 1`),
    uniqueIndex('claim_lines_one_clawback')
      .on(t.clawbackOfLineId)
      .where(sql`${t.live} and ${t.clawbackOfLineId} is not null`),
    check('claim_lines_occurrence', sql`${t.occurrence} >= 1`),
    check(
      'claim_lines_clawback_sign',
      sql`(${t.clawbackOfLineId} is null and ${t.amountPence} >= 0) or (${t.clawbackOfLineId} is not null and ${t.amountPence} < 0)`,
    ),
    check(
      'claim_lines_verification',
      sql`${t.verification} in ('not-sampled', 'pending', 'passed', 'failed')`,
    ),
  ],
);

/** What one funder owes on an approved claim, and when it paid. */
export const claimFunderStatements = pgTable(
  'claim_funder_statements',
  {
    networkId: uuid().notNull(),
    claimId: uuid().notNull(),
    funderOrganisationId: uuid().notNull(),
    amountPence: money().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp({ withTimezone: true }),
    settledBy: uuid().references(() => people.id),
    /** The funder's remittance or bank reference. */
    settlementReference: text(),
  },
  (t) => [
    primaryKey({ columns: [t.claimId, t.funderOrganisationId] }),
    foreignKey({
      columns: [t.networkId, t.claimId],
      foreignColumns: [claims.networkId, claims.id],
    }),
    foreignKey({
      columns: [t.networkId, t.funderOrganisationId],
      foreignColumns: [organisations.networkId, organisations.id],
    }),
    index().on(t.networkId, t.funderOrganisationId),
  ],
);

/**
 * Work a practitioner did under a paid role: a delivery session (paid per session or per hour)
 * or a month (paid monthly). Logged by the practitioner, confirmed by a site lead who is not
 * them, approved by the hub; an approved log becomes a payable.
 */
export const workLogs = pgTable(
  'work_logs',
  {
    id: id(),
    networkId: uuid().notNull(),
    paidRoleId: uuid()
      .notNull()
      .references(() => paidRoles.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    kind: text().$type<'session' | 'month'>().notNull(),
    deliverySessionId: uuid().references(() => deliverySessions.id),
    /** First day of the month worked, for monthly roles. */
    month: date(),
    minutes: integer(),
    workedOn: date().notNull(),
    state: text().$type<'logged' | 'confirmed' | 'approved' | 'rejected'>().notNull(),
    confirmedBy: uuid().references(() => people.id),
    confirmedAt: timestamp({ withTimezone: true }),
    approvedBy: uuid().references(() => people.id),
    approvedAt: timestamp({ withTimezone: true }),
    rejectedReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.paidRoleId, t.deliverySessionId),
    unique().on(t.paidRoleId, t.month),
    index().on(t.networkId, t.state),
    index().on(t.networkId, t.personId),
    check('work_logs_state', sql`${t.state} in ('logged', 'confirmed', 'approved', 'rejected')`),
    check(
      'work_logs_kind',
      sql`(${t.kind} = 'session' and ${t.deliverySessionId} is not null and ${t.month} is null) or (${t.kind} = 'month' and ${t.month} is not null and ${t.deliverySessionId} is null)`,
    ),
    check('work_logs_minutes', sql`${t.minutes} is null or ${t.minutes} between 1 and 1440`),
    check(
      'work_logs_confirmer',
      sql`${t.confirmedBy} is null or ${t.confirmedBy} <> ${t.personId}`,
    ),
  ],
);

/** Someone the hub pays: a person (practitioner) or an organisation (a site, for milestones). */
export const payees = pgTable(
  'payees',
  {
    id: id(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    personId: uuid().references(() => people.id),
    organisationId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.networkId, t.id),
    unique().on(t.networkId, t.personId),
    unique().on(t.networkId, t.organisationId),
    foreignKey({
      columns: [t.networkId, t.organisationId],
      foreignColumns: [organisations.networkId, organisations.id],
    }),
    check('payees_one_kind', sql`num_nonnulls(${t.personId}, ${t.organisationId}) = 1`),
  ],
);

/**
 * A payee's bank account. Sort code, account number and name are encrypted (AES-256-GCM);
 * only the last three digits are kept in clear for display. A change stays `pending` until a
 * second person confirms it, and holds the payee's payments meanwhile.
 */
export const bankDetails = pgTable(
  'bank_details',
  {
    id: id(),
    networkId: uuid().notNull(),
    payeeId: uuid().notNull(),
    /** base64(iv ‖ tag ‖ ciphertext) of the JSON {sortCode, accountNumber, accountName}. */
    encrypted: text().notNull(),
    accountLast3: text().notNull(),
    status: text().$type<'pending' | 'confirmed' | 'superseded' | 'rejected'>().notNull(),
    requestedBy: uuid()
      .notNull()
      .references(() => people.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid().references(() => people.id),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.payeeId],
      foreignColumns: [payees.networkId, payees.id],
    }),
    uniqueIndex('bank_details_one_pending').on(t.payeeId).where(sql`${t.status} = 'pending'`),
    uniqueIndex('bank_details_one_confirmed').on(t.payeeId).where(sql`${t.status} = 'confirmed'`),
    check(
      'bank_details_status',
      sql`${t.status} in ('pending', 'confirmed', 'superseded', 'rejected')`,
    ),
    check(
      'bank_details_second_person',
      sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`,
    ),
    check('bank_details_last3', sql`${t.accountLast3} ~ '^[0-9]{3}$'`),
  ],
);

/** Money the hub owes a payee for one approved milestone or one approved work log. */
export const payables = pgTable(
  'payables',
  {
    id: id(),
    networkId: uuid().notNull(),
    programmeId: uuid().notNull(),
    payeeId: uuid().notNull(),
    amountPence: money().notNull(),
    milestoneId: uuid()
      .unique()
      .references(() => milestones.id),
    workLogId: uuid()
      .unique()
      .references(() => workLogs.id),
    description: text().notNull(),
    dueOn: date().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.networkId, t.id),
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }),
    foreignKey({
      columns: [t.networkId, t.payeeId],
      foreignColumns: [payees.networkId, payees.id],
    }),
    index().on(t.networkId, t.dueOn, t.id),
    index().on(t.networkId, t.payeeId),
    check('payables_amount', sql`${t.amountPence} > 0`),
    check('payables_one_source', sql`num_nonnulls(${t.milestoneId}, ${t.workLogId}) = 1`),
  ],
);

/** A batch of payables paid through one Bacs file (payment-run@1). */
export const paymentRuns = pgTable(
  'payment_runs',
  {
    id: id(),
    networkId: uuid().notNull(),
    /** Payables due on or before this date were considered. */
    dueBy: date().notNull(),
    ...workflowColumns(),
    createdBy: uuid()
      .notNull()
      .references(() => people.id),
    approvedBy: uuid().references(() => people.id),
    releasedBy: uuid().references(() => people.id),
    releasedAt: timestamp({ withTimezone: true }),
    processingDate: date(),
    totalPence: money().notNull(),
    lineCount: integer().notNull(),
    /** Payables left out when the run was made, each with its reason. */
    exclusions: jsonb().$type<{ payableId: string; reason: string }[]>().notNull(),
    bacsFile: text(),
    bulkPaymentCsv: text(),
    fileSha256: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.networkId, t.id),
    index().on(t.networkId, t.state),
    check(
      'payment_runs_second_person',
      sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.createdBy}`,
    ),
  ],
);

/**
 * One payable in one run. A payable is in at most one live line (included or paid); a failed
 * line stays as history and the payable can join a later run.
 */
export const paymentRunLines = pgTable(
  'payment_run_lines',
  {
    id: id(),
    networkId: uuid().notNull(),
    runId: uuid().notNull(),
    payableId: uuid().notNull(),
    payeeId: uuid().notNull(),
    bankDetailsId: uuid()
      .notNull()
      .references(() => bankDetails.id),
    amountPence: money().notNull(),
    /** The 18-character reference the payee sees on their statement. */
    reference: text().notNull(),
    status: text().$type<'included' | 'paid' | 'failed'>().notNull(),
    failureReason: text(),
    bankReference: text(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.runId],
      foreignColumns: [paymentRuns.networkId, paymentRuns.id],
    }),
    foreignKey({
      columns: [t.networkId, t.payableId],
      foreignColumns: [payables.networkId, payables.id],
    }),
    uniqueIndex('payment_run_lines_one_live')
      .on(t.payableId)
      .where(sql`${t.status} in ('included', 'paid')`),
    index().on(t.networkId, t.runId),
    index().on(t.networkId, t.payeeId),
    check('payment_run_lines_status', sql`${t.status} in ('included', 'paid', 'failed')`),
    check('payment_run_lines_amount', sql`${t.amountPence} > 0`),
  ],
);

/** A payable paid: at most one row per payable, so paying twice is a constraint violation. */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    networkId: uuid().notNull(),
    payableId: uuid().notNull().unique(),
    runLineId: uuid()
      .notNull()
      .unique()
      .references(() => paymentRunLines.id),
    amountPence: money().notNull(),
    paidOn: date().notNull(),
    bankReference: text().notNull(),
    recordedBy: uuid()
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.payableId],
      foreignColumns: [payables.networkId, payables.id],
    }),
    index().on(t.networkId, t.paidOn),
    check('payments_amount', sql`${t.amountPence} > 0`),
  ],
);

/** One balanced double-entry posting; its entries sum to zero (checked at commit). */
export const ledgerPostings = pgTable(
  'ledger_postings',
  {
    id: id(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    kind: text().notNull(),
    /** What it records, by id: `payable:<uuid>`, `claim:<uuid>`, `run-line:<uuid>`. */
    source: text().notNull(),
    memo: text().notNull().default(''),
    postedBy: uuid().references(() => people.id),
    postedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.networkId, t.id),
    unique().on(t.networkId, t.kind, t.source),
    index().on(t.networkId, t.postedAt),
  ],
);

/** A debit (positive) or credit (negative) to one account, in integer pence. Append-only. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: id(),
    networkId: uuid().notNull(),
    postingId: uuid().notNull(),
    account: text().notNull(),
    programmeId: uuid(),
    funderOrganisationId: uuid(),
    payeeId: uuid(),
    amountPence: money().notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.postingId],
      foreignColumns: [ledgerPostings.networkId, ledgerPostings.id],
    }),
    index().on(t.postingId),
    index().on(t.networkId, t.programmeId, t.account),
    index().on(t.networkId, t.payeeId),
    check('ledger_entries_nonzero', sql`${t.amountPence} <> 0`),
  ],
);

/**
 * The stored outcome of a money-moving request, by its idempotency key: a retry gets the same
 * response, the same key with a different request is refused (ADR 0008).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    networkId: uuid().notNull(),
    key: text().notNull(),
    procedure: text().notNull(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    requestHash: text().notNull(),
    /** Null only inside the transaction that claimed the key; set before it commits. */
    response: jsonb().$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.key] }),
    check('idempotency_keys_key', sql`length(${t.key}) between 8 and 200`),
  ],
);
