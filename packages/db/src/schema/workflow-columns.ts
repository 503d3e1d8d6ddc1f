import { integer, jsonb, text } from 'drizzle-orm/pg-core';

/**
 * Columns every workflow-driven row carries (ADR 0006): the XState snapshot, a version for
 * optimistic concurrency, the machine version that wrote it, and the state as a dotted label
 * for filters and indexes.
 */
export const workflowColumns = () => ({
  state: text().notNull(),
  snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
  version: integer().notNull().default(1),
  machineVersion: text().notNull(),
});
