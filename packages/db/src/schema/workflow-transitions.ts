import type { Role } from '@coproduce/domain';
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns.ts';
import { networks } from './networks.ts';

/**
 * Every transition of every workflow, append-only: who did what, as which role, from which
 * state to which, when and why. `version` is the subject's version after the transition, so
 * two writers can never both record the same step.
 */
export const workflowTransitions = pgTable(
  'workflow_transitions',
  {
    id: id(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    workflowKind: text()
      .$type<'programme' | 'milestone' | 'paidRole' | 'claim' | 'paymentRun'>()
      .notNull(),
    subjectId: uuid().notNull(),
    version: integer().notNull(),
    event: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    actorPersonId: uuid(),
    actorRole: text().$type<Role>(),
    actorOrganisationId: uuid(),
    fromState: text().notNull(),
    toState: text().notNull(),
    reason: text(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    unique().on(t.workflowKind, t.subjectId, t.version),
    index().on(t.networkId, t.workflowKind, t.subjectId, t.version),
    index().on(t.networkId, t.actorPersonId),
  ],
);
