import type { Database } from '../client.ts';
import {
  deliverySessions,
  paidRoleChecks,
  paidRoles,
  payables,
  workflowTransitions,
  workLogs,
} from '../schema/index.ts';
import { insertRecordset } from './recordset.ts';

/**
 * Rows for benchmarks and load tests of payment runs (thousands of approved work logs and their
 * payables), written in one statement per table. Not for application code: it skips the
 * workflows and checks the services apply.
 */
export async function insertPaymentFixtures(
  db: Database,
  rows: {
    paidRoles?: readonly (typeof paidRoles.$inferInsert)[];
    checks?: readonly (typeof paidRoleChecks.$inferInsert)[];
    transitions?: readonly (typeof workflowTransitions.$inferInsert)[];
    sessions?: readonly (typeof deliverySessions.$inferInsert)[];
    workLogs?: readonly (typeof workLogs.$inferInsert)[];
    payables?: readonly (typeof payables.$inferInsert)[];
  },
): Promise<void> {
  await insertRecordset(db, paidRoles, rows.paidRoles ?? []);
  await insertRecordset(db, paidRoleChecks, rows.checks ?? []);
  await insertRecordset(db, workflowTransitions, rows.transitions ?? []);
  await insertRecordset(db, deliverySessions, rows.sessions ?? []);
  await insertRecordset(db, workLogs, rows.workLogs ?? []);
  await insertRecordset(db, payables, rows.payables ?? []);
}
