import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A database handle or a transaction: every data function takes one of these first. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  /** PGlite only: its data directory as a tarball (test templates). */
  dumpDataDir(): Promise<Blob>;
  /** Runs the committed SQL migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  /** Answers whether the database is reachable right now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection URL. Without one, an embedded PGlite database is used. */
  readonly url?: string | undefined;
  /** Where PGlite keeps its files; omitted means in memory (tests). */
  readonly dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  readonly maxConnections?: number;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));
// Any fixed 64-bit number: held while migrating so concurrent start-ups take turns.
const MIGRATION_LOCK = 7_305_112_026;

export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  return options.url
    ? createPostgres(options.url, options.maxConnections ?? 10)
    : createPglite(options.dataDir);
}

/**
 * Seconds before a pooled connection tries again after losing the server. postgres.js's default
 * grows as 3^n / 100 up to 20 s, shared by the pool, so after a short outage requests waited
 * many seconds for a reconnect; capped at half a second, a request during an outage fails at once
 * (answered 503) and the pool is back within a moment of the server (issue 6, "Faults").
 */
const reconnectBackoff = (retries: number) => Math.min(0.05 * 2 ** retries, 0.5);

function createPostgres(url: string, max: number): DatabaseHandle {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 5,
    backoff: reconnectBackoff,
  });
  const db = drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const lockClient = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres({ client: lockClient }), { migrationsFolder });
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } finally {
        await lockClient.end();
      }
    },
    ping: () => pingWith(db),
    close: () => client.end({ timeout: 5 }),
    dumpDataDir: () => Promise.reject(new Error('only PGlite can dump its data directory')),
  };
}

function createPglite(dataDir: string | undefined): DatabaseHandle {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return createPgliteFrom(new PGlite(dataDir));
}

export function createPgliteFrom(client: PGlite): DatabaseHandle {
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    async migrate() {
      await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    },
    ping: () => pingWith(db),
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

async function pingWith(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
