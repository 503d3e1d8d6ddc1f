import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDatabase,
  fingerprintTables,
  inExportedSnapshot,
  listChainNetworkIds,
} from '@coproduce/db';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../testing.ts';
import { backupDatabase, type Manifest, manifestPathOf, restoreDatabase } from './db-snapshot.ts';

/**
 * `db:backup` / `db:restore` round trip on the seeded demo database: the restored copy has the
 * same row count and checksum in every table and every audit chain verifies; bad input is
 * refused with one line. PostgreSQL only (pg_dump): PGlite is backed up by copying DATA_DIR.
 */
const serverUrl = process.env.DATABASE_URL;
const needsPostgres = !serverUrl;
const apiDir = join(import.meta.dirname, '../..');

let server: RunningServer | undefined;
let dir: string;
const created: string[] = [];

/** A new, empty database on DATABASE_URL's server (no migrations). */
async function emptyDatabase(): Promise<string> {
  const name = `coproduce_restore_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl ?? '', { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  created.push(name);
  const url = new URL(serverUrl ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs a CLI as `npm run` would, returning its exit code and output. */
function cli(name: 'db-backup' | 'db-restore', args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${name}.ts`, ...args], {
    cwd: apiDir,
    env: { ...inherited, NODE_ENV: 'test', INIT_CWD: dir, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(needsPostgres)(
  `db:backup and db:restore${needsPostgres ? ' (skipped: needs PostgreSQL; set DATABASE_URL)' : ''}`,
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'coproduce-backup-'));
      server = await startServer({ logLevel: 'silent' });
    }, 300_000);

    afterAll(async () => {
      await server?.close();
      const admin = postgres(serverUrl ?? '', { max: 1, onnotice: () => {} });
      try {
        for (const name of created)
          await admin.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
      rmSync(dir, { recursive: true, force: true });
    });

    it(`round-trips the seeded demo database: same counts and checksums, every audit chain intact`, async () => {
      const sourceUrl = server?.database.url ?? '';
      const file = join(dir, 'demo.dump');
      const { manifest } = await backupDatabase({ databaseUrl: sourceUrl, file });
      const source = await inExportedSnapshot(server?.database.db as never, (tx) =>
        fingerprintTables(tx),
      );
      expect(manifest.tables).toEqual(source);
      expect(manifest.tables['public.audit_entries']?.rows).toBeGreaterThan(0);
      expect(manifest.tables['public.questionnaire_responses']?.rows).toBeGreaterThan(0);
      expect(manifest.source).not.toContain('coproduce:coproduce');

      const target = await emptyDatabase();
      const restored = await restoreDatabase({ databaseUrl: target, file });
      expect(restored.mismatches).toEqual([]);
      expect(restored.tables).toBe(Object.keys(source).length);
      expect(restored.rows).toBe(Object.values(source).reduce((sum, t) => sum + t.rows, 0));
      const networks = await listChainNetworkIds(server?.database.db as never);
      expect(networks.length).toBeGreaterThanOrEqual(2);
      expect(restored.chains.map((c) => c.networkId).sort()).toEqual([...networks].sort());
      expect(restored.chains.filter((c) => !c.intact)).toEqual([]);

      // The restored database is a working one: the app's own queries read it.
      const copy = createDatabase({ url: target, maxConnections: 1 });
      try {
        expect(await listChainNetworkIds(copy.db)).toEqual(networks);
      } finally {
        await copy.close();
      }

      // A manifest that disagrees with what was restored fails the restore.
      const manifestPath = manifestPathOf(file);
      const tampered = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
      const audit = tampered.tables['public.audit_entries'];
      if (!audit) throw new Error('no audit table in the manifest');
      tampered.tables['public.audit_entries'] = { ...audit, rows: audit.rows + 1 };
      writeFileSync(manifestPath, JSON.stringify(tampered));
      const second = await restoreDatabase({ databaseUrl: await emptyDatabase(), file });
      expect(second.mismatches).toEqual([
        `public.audit_entries: ${audit.rows} rows, the backup had ${audit.rows + 1}`,
      ]);
    }, 120_000);

    it(`refuses bad input with one line and exit code 1`, async () => {
      const sourceUrl = server?.database.url ?? '';
      const usage = cli('db-backup', [], { DATABASE_URL: sourceUrl });
      expect([usage.status, usage.stderr.trim()]).toEqual([
        1,
        'Usage: npm run db:backup -- <file>   (writes <file> and <file>.manifest.json)',
      ]);

      const pglite = cli('db-backup', ['x.dump'], {});
      expect(pglite.status).toBe(1);
      expect(pglite.stderr.trim()).toMatch(/^db:backup needs DATABASE_URL \(PostgreSQL\)\./);

      writeFileSync(join(dir, 'taken.dump'), 'x');
      const exists = cli('db-backup', ['taken.dump'], { DATABASE_URL: sourceUrl });
      expect([exists.status, exists.stderr.trim()]).toEqual([
        1,
        `${join(dir, 'taken.dump')} already exists; choose a new file name.`,
      ]);

      const missing = cli('db-restore', ['missing.dump'], { DATABASE_URL: sourceUrl });
      expect([missing.status, missing.stderr.trim()]).toEqual([
        1,
        `${join(dir, 'missing.dump')} does not exist.`,
      ]);

      // A real backup, restored onto a database that has tables: refused, naming them.
      const ok = cli('db-backup', ['cli.dump'], { DATABASE_URL: sourceUrl });
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/^Backed up .*: \d+ tables, \d+ rows, \d+ bytes in /);
      const notEmpty = cli('db-restore', ['cli.dump'], { DATABASE_URL: sourceUrl });
      expect(notEmpty.status).toBe(1);
      expect(notEmpty.stderr.trim().split('\n')).toHaveLength(1);
      expect(notEmpty.stderr).toMatch(
        /is not empty: it has \d+ tables \(.*public\.\w+.*\)\. Restore into a new, empty database\./,
      );

      const restored = cli('db-restore', ['cli.dump'], { DATABASE_URL: await emptyDatabase() });
      expect(restored.status).toBe(0);
      expect(restored.stdout).toContain('Row counts and checksums: all tables match the manifest.');
      expect(restored.stdout.trim().split('\n').at(-1)).toBe('Restore verified.');
    }, 300_000);
  },
);
