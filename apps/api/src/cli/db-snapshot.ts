import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  compareFingerprints,
  createDatabase,
  fingerprintTables,
  inExportedSnapshot,
  listChainNetworkIds,
  listUserTables,
  type TableFingerprint,
  verifyAuditChain,
} from '@coproduce/db';
import { ConfigError } from '../env.ts';
import { isDatabaseUnavailable } from '../services/payment-run/db-errors.ts';

/** What `db:backup` and `db:restore` share: pg_dump's programs, paths, the manifest's shape. */

const run = promisify(execFile);
/** PostgreSQL 15's client programs (Debian's postgresql-15); PG_BIN overrides, else the PATH. */
const DEFAULT_PG_BIN = '/usr/lib/postgresql/15/bin';

export function pgProgram(name: 'pg_dump' | 'pg_restore', pgBin?: string): string {
  const path = join(pgBin || DEFAULT_PG_BIN, name);
  return existsSync(path) ? path : name;
}

/** A refusal or failure to print as one line (exit code 1). */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export async function runProgram(program: string, args: string[]) {
  try {
    return await run(program, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; message?: string; code?: string };
    if (e.code === 'ENOENT') throw new CliError(`${program} is not installed (set PG_BIN).`);
    const detail = (e.stderr || e.message || String(error)).trim().split('\n')[0];
    throw new CliError(`${program} failed: ${detail}`);
  }
}

/** A path from the command line, relative to where `npm run` was started (INIT_CWD). */
export function userPath(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/**
 * The one `<file>` argument of db:backup and db:restore, as a path from where npm was run; a
 * CliError with the usage line when it is missing, doubled or looks like an option.
 */
export function fileArgument(argv: readonly string[], usage: string): string {
  const [file, ...extra] = argv;
  if (!file || extra.length > 0 || file.startsWith('-')) throw new CliError(usage);
  return userPath(file, process.env.INIT_CWD ?? process.cwd());
}

/** Runs a command's main and exits with its code, or with 1 and one line for a refusal. */
export async function runCli(main: (argv: string[]) => Promise<number>): Promise<never> {
  try {
    process.exit(await main(process.argv.slice(2)));
  } catch (error) {
    if (error instanceof CliError || error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export const manifestPathOf = (dumpPath: string) => `${dumpPath}.manifest.json`;

/** host:port/database of a URL, never its user or password. */
export function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export interface Manifest {
  readonly format: 'coproduce-backup/1';
  readonly createdAt: string;
  readonly source: string;
  readonly dump: { readonly file: string; readonly bytes: number; readonly sha256: string };
  readonly tables: Record<string, TableFingerprint>;
}

export function sha256File(path: string): Promise<string> {
  return new Promise((done, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => done(hash.digest('hex')));
  });
}

export interface BackupResult {
  readonly manifestPath: string;
  readonly manifest: Manifest;
}

/**
 * pg_dump (custom format) of the database, and beside it a manifest of every table's row count
 * and checksum, both from one snapshot: the fingerprint is taken in a repeatable-read transaction
 * whose snapshot pg_dump is handed (`--snapshot`), so writes during the backup cannot make them
 * disagree.
 */
export async function backupDatabase(options: {
  databaseUrl: string;
  file: string;
  pgBin?: string;
}): Promise<BackupResult> {
  const { databaseUrl, file } = options;
  const manifestPath = manifestPathOf(file);
  if (existsSync(file)) throw new CliError(`${file} already exists; choose a new file name.`);
  if (existsSync(manifestPath))
    throw new CliError(`${manifestPath} already exists; choose a new file name.`);
  const database = createDatabase({ url: databaseUrl, maxConnections: 1 });
  try {
    const tables = await inExportedSnapshot(database.db, async (tx, snapshotId) => {
      const fingerprint = await fingerprintTables(tx);
      await runProgram(pgProgram('pg_dump', options.pgBin), [
        '--format=custom',
        `--snapshot=${snapshotId}`,
        `--file=${file}`,
        `--dbname=${databaseUrl}`,
      ]);
      return fingerprint;
    });
    const manifest: Manifest = {
      format: 'coproduce-backup/1',
      createdAt: new Date().toISOString(),
      source: describeUrl(databaseUrl),
      dump: { file: basename(file), bytes: statSync(file).size, sha256: await sha256File(file) },
      tables,
    };
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
    return { manifestPath, manifest };
  } catch (error) {
    throw isDatabaseUnavailable(error)
      ? new CliError(`cannot reach DATABASE_URL (${describeUrl(databaseUrl)}).`)
      : error;
  } finally {
    await database.close();
  }
}

export interface RestoreResult {
  readonly tables: number;
  readonly rows: number;
  /** One line per table that differs from the manifest. */
  readonly mismatches: string[];
  readonly chains: { networkId: string; intact: boolean; entries: number; reason?: string }[];
}

/**
 * Restores a dump into an empty database, then proves it: every table's count and checksum
 * against the manifest, and every network's audit chain verified.
 */
export async function restoreDatabase(options: {
  databaseUrl: string;
  file: string;
  pgBin?: string;
}): Promise<RestoreResult> {
  const { databaseUrl, file } = options;
  const manifestPath = manifestPathOf(file);
  if (!existsSync(file)) throw new CliError(`${file} does not exist.`);
  if (!existsSync(manifestPath))
    throw new CliError(`${manifestPath} does not exist; it is written beside the backup.`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch {
    throw new CliError(`${manifestPath} is not a backup manifest (not JSON).`);
  }
  if (manifest.format !== 'coproduce-backup/1' || typeof manifest.tables !== 'object')
    throw new CliError(`${manifestPath} is not a backup manifest (format ${manifest.format}).`);
  if ((await sha256File(file)) !== manifest.dump?.sha256)
    throw new CliError(`${file} does not match its manifest (SHA-256 differs): not restored.`);

  const database = createDatabase({ url: databaseUrl, maxConnections: 1 });
  try {
    const existing = await listUserTables(database.db).catch((error: unknown) => {
      throw isDatabaseUnavailable(error)
        ? new CliError(`cannot reach DATABASE_URL (${describeUrl(databaseUrl)}).`)
        : error;
    });
    if (existing.length > 0)
      throw new CliError(
        `The database at DATABASE_URL (${describeUrl(databaseUrl)}) is not empty: it has ${existing.length} tables (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}). Restore into a new, empty database.`,
      );
    await runProgram(pgProgram('pg_restore', options.pgBin), [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${databaseUrl}`,
      file,
    ]);
    const actual = await inExportedSnapshot(database.db, (tx) => fingerprintTables(tx));
    const chains: RestoreResult['chains'] = [];
    for (const networkId of await listChainNetworkIds(database.db)) {
      const result = await verifyAuditChain(database.db, networkId);
      chains.push({
        networkId,
        intact: result.intact,
        entries: result.entriesChecked,
        ...(result.firstBroken
          ? { reason: `entry ${result.firstBroken.seq}: ${result.firstBroken.reason}` }
          : {}),
      });
    }
    return {
      tables: Object.keys(actual).length,
      rows: Object.values(actual).reduce((sum, t) => sum + t.rows, 0),
      mismatches: compareFingerprints(manifest.tables, actual),
      chains,
    };
  } finally {
    await database.close();
  }
}
