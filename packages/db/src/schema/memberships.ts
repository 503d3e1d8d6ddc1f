import { ROLES } from '@coproduce/domain';
import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { networks } from './networks.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';

export const role = pgEnum('role', ROLES);

/** A person holding a role in an organisation. Revoked memberships are kept, never deleted. */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    organisationId: uuid().notNull(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    role: role().notNull(),
    grantedBy: uuid().references(() => people.id),
    createdAt: createdAt(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: uuid().references(() => people.id),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.organisationId],
      foreignColumns: [organisations.networkId, organisations.id],
    }),
    uniqueIndex('memberships_active_unique')
      .on(t.organisationId, t.personId, t.role)
      .where(sql`${t.revokedAt} is null`),
    index().on(t.networkId, t.organisationId),
    index().on(t.personId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    organisationId: uuid().notNull(),
    email: text().notNull(),
    role: role().notNull(),
    /** sha256 of the emailed token: the token itself is never stored. */
    tokenHash: text().notNull().unique(),
    invitedBy: uuid()
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid().references(() => people.id),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.organisationId],
      foreignColumns: [organisations.networkId, organisations.id],
    }),
    index().on(t.networkId, t.organisationId),
  ],
);
