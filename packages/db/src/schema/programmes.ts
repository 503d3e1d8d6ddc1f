import { sql } from 'drizzle-orm';
import {
  bigint,
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
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';

/** Shape checked by the domain's outcomes-framework schema before it is stored. */
export interface OutcomesFrameworkColumn {
  readonly instruments: readonly string[];
  readonly timepoints: readonly Record<string, unknown>[];
}

import { networks } from './networks.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';
import { workflowColumns } from './workflow-columns.ts';

/** A commissioned programme and its lifecycle (packages/workflow programme machine). */
export const programmes = pgTable(
  'programmes',
  {
    id: id(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    /** The hub that coordinates it. */
    hubOrganisationId: uuid().notNull(),
    name: text().notNull(),
    need: text().notNull().default(''),
    population: text().notNull().default(''),
    budgetPence: bigint({ mode: 'number' }).notNull().default(0),
    /** Approvals above this value need a commissioner's countersignature. */
    delegationLimitPence: bigint({ mode: 'number' }).notNull(),
    /** Share of enrolled participants that must have a baseline before delivery, in percent. */
    baselineThresholdPercent: integer().notNull().default(80),
    minimumCohort: integer().notNull().default(10),
    reportingPeriodMonths: integer().notNull().default(3),
    /** Days after a period ends by which its monitoring return is due. */
    returnDueDays: integer().notNull().default(30),
    /** Instruments and timepoints with windows; null means the default framework. */
    outcomesFramework: jsonb().$type<OutcomesFrameworkColumn>(),
    stage: text().notNull(),
    ...workflowColumns(),
    createdBy: uuid()
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique().on(t.networkId, t.id),
    foreignKey({
      columns: [t.networkId, t.hubOrganisationId],
      foreignColumns: [organisations.networkId, organisations.id],
    }),
    // The programme list pages by (name, id); with a stage filter by (stage, name, id), which
    // also serves every lookup by stage.
    index('programmes_network_name_idx').on(t.networkId, t.name, t.id),
    index('programmes_network_stage_name_idx').on(t.networkId, t.stage, t.name, t.id),
    check('programmes_threshold_percent', sql`${t.baselineThresholdPercent} between 1 and 100`),
    check('programmes_period_months', sql`${t.reportingPeriodMonths} between 1 and 12`),
  ],
);

export const programmeSites = pgTable(
  'programme_sites',
  {
    networkId: uuid().notNull(),
    programmeId: uuid().notNull(),
    organisationId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.organisationId] }),
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.networkId, t.organisationId],
      foreignColumns: [organisations.networkId, organisations.id],
    }),
    index().on(t.networkId, t.organisationId),
  ],
);

/** A co-funding commissioner and its share of every payment, in basis points (sum 10,000). */
export const programmeFunders = pgTable(
  'programme_funders',
  {
    networkId: uuid().notNull(),
    programmeId: uuid().notNull(),
    organisationId: uuid().notNull(),
    shareBasisPoints: integer().notNull(),
    signedOffAt: timestamp({ withTimezone: true }),
    signedOffBy: uuid().references(() => people.id),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.organisationId] }),
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.networkId, t.organisationId],
      foreignColumns: [organisations.networkId, organisations.id],
    }),
    index().on(t.networkId, t.organisationId),
    check('programme_funders_share', sql`${t.shareBasisPoints} between 1 and 10000`),
  ],
);

/** A reporting period of delivery; its monitoring return is due `returnDueOn`. */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    networkId: uuid().notNull(),
    programmeId: uuid().notNull(),
    number: integer().notNull(),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    returnDueOn: date().notNull(),
    returnSubmittedAt: timestamp({ withTimezone: true }),
    returnSubmittedBy: uuid().references(() => people.id),
    returnAcceptedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.number] }),
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }).onDelete('cascade'),
    index().on(t.networkId, t.returnDueOn),
  ],
);
