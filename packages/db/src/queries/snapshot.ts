import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';

/**
 * A fingerprint of every table, row count and checksum of its rows in primary-key order: what
 * `db:backup` writes beside a dump and `db:restore` checks after restoring it.
 */
export interface TableFingerprint {
  readonly rows: number;
  /** md5 over the md5 of each row's text, rows in primary-key order. */
  readonly md5: string;
}

/** Every table outside PostgreSQL's own schemas, as "schema.table" (quoted where needed). */
export async function listUserTables(db: Database): Promise<string[]> {
  const rows = (await db.execute(sql`
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p')
      and n.nspname not in ('pg_catalog', 'information_schema')
      and n.nspname not like 'pg\\_%'
    order by n.nspname, c.relname`)) as unknown as { name: string }[];
  return rows.map((r) => r.name);
}

/**
 * Row counts and checksums of every table. Call it inside a transaction (settings are local to
 * it); a repeatable-read one makes the whole fingerprint one consistent snapshot.
 */
export async function fingerprintTables(db: Database): Promise<Record<string, TableFingerprint>> {
  // The same text for the same row on any server: UTC timestamps, ISO dates, exact floats.
  await db.execute(sql`set local timezone = 'UTC'`);
  await db.execute(sql`set local datestyle = 'ISO, YMD'`);
  await db.execute(sql`set local intervalstyle = 'postgres'`);
  await db.execute(sql`set local extra_float_digits = 1`);
  const result: Record<string, TableFingerprint> = {};
  for (const table of await listUserTables(db)) {
    const keys = (await db.execute(sql`
      select format('%I', a.attname) as column
      from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${table}::regclass and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)`)) as unknown as { column: string }[];
    // Without a primary key the row's text itself orders the rows.
    const order = keys.length > 0 ? keys.map((k) => `t.${k.column}`).join(', ') : 't::text';
    // `table` and the key columns come from the catalogue, quoted by format('%I').
    const [row] = (await db.execute(
      sql.raw(
        `select count(*) as rows, md5(coalesce(string_agg(md5(t::text), '' order by ${order}), '')) as md5 from ${table} t`,
      ),
    )) as unknown as { rows: string | number; md5: string }[];
    result[table] = { rows: Number(row?.rows ?? 0), md5: row?.md5 ?? '' };
  }
  return result;
}

/** Differences between two fingerprints, one line each; empty when they are equal. */
export function compareFingerprints(
  expected: Record<string, TableFingerprint>,
  actual: Record<string, TableFingerprint>,
): string[] {
  const problems: string[] = [];
  for (const [table, want] of Object.entries(expected)) {
    const got = actual[table];
    if (!got) problems.push(`${table}: missing`);
    else if (got.rows !== want.rows)
      problems.push(`${table}: ${got.rows} rows, the backup had ${want.rows}`);
    else if (got.md5 !== want.md5) problems.push(`${table}: same row count, different contents`);
  }
  for (const table of Object.keys(actual))
    if (!(table in expected)) problems.push(`${table}: not in the backup`);
  return problems;
}

/**
 * Runs `work` in a read-only repeatable-read transaction with its snapshot exported, so another
 * session (pg_dump --snapshot) can see exactly the same data while `work` runs.
 */
export function inExportedSnapshot<T>(
  db: Database,
  work: (tx: Database, snapshotId: string) => Promise<T>,
): Promise<T> {
  return db.transaction(
    async (tx) => {
      const [row] = (await tx.execute(sql`select pg_export_snapshot() as snapshot`)) as unknown as {
        snapshot: string;
      }[];
      return work(tx, row?.snapshot ?? '');
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
