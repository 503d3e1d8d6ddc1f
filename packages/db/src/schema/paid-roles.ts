import { PAID_ROLE_CHECK_KINDS } from '@coproduce/domain';
import {
  bigint,
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';
import { programmes } from './programmes.ts';
import { workflowColumns } from './workflow-columns.ts';

/** A formal paid role at a site, e.g. "Family practitioner (systemic family therapy)". */
export const paidRoles = pgTable(
  'paid_roles',
  {
    id: id(),
    networkId: uuid().notNull(),
    programmeId: uuid().notNull(),
    siteOrganisationId: uuid().notNull(),
    title: text().notNull(),
    /** The person proposed for, then holding, the role. */
    holderPersonId: uuid().references(() => people.id),
    /** How the holder is paid (domain `PAY_BASES`) and the rate in pence; null until agreed. */
    payBasis: text().$type<'per_session' | 'per_hour' | 'monthly'>(),
    payRatePence: bigint({ mode: 'number' }),
    ...workflowColumns(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.networkId, t.siteOrganisationId],
      foreignColumns: [organisations.networkId, organisations.id],
    }),
    index().on(t.networkId, t.programmeId),
    index().on(t.networkId, t.siteOrganisationId),
  ],
);

export const paidRoleCheckKind = pgEnum('paid_role_check_kind', PAID_ROLE_CHECK_KINDS);

/** A pre-employment check on record for a paid role; a newer row supersedes an older one. */
export const paidRoleChecks = pgTable(
  'paid_role_checks',
  {
    id: id(),
    networkId: uuid().notNull(),
    paidRoleId: uuid()
      .notNull()
      .references(() => paidRoles.id, { onDelete: 'cascade' }),
    kind: paidRoleCheckKind().notNull(),
    /** Certificate number, document seen, supervisor's name: what was checked. */
    reference: text().notNull(),
    expiresOn: date(),
    recordedBy: uuid()
      .notNull()
      .references(() => people.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.networkId, t.paidRoleId), index().on(t.networkId, t.expiresOn)],
);
