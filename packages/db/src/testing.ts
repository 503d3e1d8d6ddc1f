import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDatabase, type DatabaseHandle } from './client.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Closes the handle and, on PostgreSQL, drops the database made for this test file. */
  dispose(): Promise<void>;
  /** The URL of the fresh database on PostgreSQL; undefined on PGlite. */
  readonly url: string | undefined;
}

/**
 * A fresh, migrated, empty database for one test file: an in-memory PGlite by default, or a new
 * database on the server `DATABASE_URL` points at, so the same tests run on both.
 */
export async function createTestDatabase(
  serverUrl = process.env.DATABASE_URL,
): Promise<TestDatabase> {
  if (!serverUrl) {
    const handle = createDatabase({});
    await handle.migrate();
    return { ...handle, url: undefined, dispose: () => handle.close() };
  }
  const name = `coproduce_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = createDatabase({ url: url.toString(), maxConnections: 20 });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async dispose() {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
