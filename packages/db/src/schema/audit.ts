import type { Role } from '@coproduce/domain';
import {
  bigint,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { networks } from './networks.ts';

/**
 * The audit trail: append-only, one hash chain per network (ADR 0004). A trigger refuses
 * UPDATE and DELETE (see the migration), so the only way to change history is to break the
 * chain, which `audit:verify` names.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    seq: bigint({ mode: 'number' }).notNull(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    actorPersonId: uuid(),
    actorRole: text().$type<Role>(),
    actorOrganisationId: uuid(),
    action: text().notNull(),
    objectType: text().notNull(),
    objectId: text().notNull(),
    detail: jsonb().$type<Record<string, unknown>>().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.seq] }),
    index().on(t.networkId, t.action, t.seq),
    index().on(t.networkId, t.objectType, t.objectId),
    index().on(t.networkId, t.actorPersonId, t.seq),
    index().on(t.networkId, t.at),
  ],
);

/** The last link of each network's chain; its row lock serialises writers of one network. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  networkId: uuid()
    .primaryKey()
    .references(() => networks.id),
  lastSeq: bigint({ mode: 'number' }).notNull(),
  lastHash: text().notNull(),
});
