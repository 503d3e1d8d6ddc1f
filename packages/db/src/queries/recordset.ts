import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../client.ts';

/**
 * Many rows in one INSERT whose only parameter is a JSON array: PostgreSQL (and PGlite) unpack
 * it with jsonb_to_recordset. Drizzle builds no per-value parameters (its cost grows with
 * rows × columns), and there is no 65,535-parameter limit. Columns absent from every row keep
 * their defaults. `suffix` adds e.g. `on conflict (...) do nothing returning id, code`.
 */
export async function insertRecordset<T extends PgTable, R = Record<string, unknown>>(
  db: Database,
  table: T,
  rows: readonly T['$inferInsert'][],
  suffix: SQL = sql``,
): Promise<R[]> {
  if (rows.length === 0) return [];
  // The schema uses `casing: 'snake_case'`: a column named by its key is stored snake_cased.
  const columns = Object.entries(getTableColumns(table))
    .filter(([key]) => rows.some((row) => (row as Record<string, unknown>)[key] !== undefined))
    .map(
      ([key, column]) =>
        [key, column, column.keyAsName ? toSnakeCase(column.name) : column.name] as const,
    );
  const json = JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(
        columns.map(([key, , name]) => [name, (row as Record<string, unknown>)[key] ?? null]),
      ),
    ),
  );
  const names = sql.join(
    columns.map(([, , name]) => sql.identifier(name)),
    sql`, `,
  );
  const types = sql.raw(
    columns.map(([, column, name]) => `"${name}" ${column.getSQLType()}`).join(', '),
  );
  const result = await db.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${json}::jsonb) as x(${types}) ${suffix}`,
  );
  // postgres.js returns the rows; PGlite returns { rows }.
  return ((result as { rows?: R[] }).rows ?? (result as unknown as R[])) as R[];
}
