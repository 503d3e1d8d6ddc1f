import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const infra = join(import.meta.dirname, '../../../../infra/postgres');
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** Whether this machine can start a throwaway PostgreSQL 15 (Debian's postgresql-15). */
export const canStartPostgres = () => existsSync(join(POSTGRES_BIN, 'pg_ctl'));

export interface LocalPostgres {
  /** postgres://coproduce:…@127.0.0.1:PORT/coproduce */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the server (fast shutdown: connections are cut). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and deletes its data directory. */
  remove(): Promise<void>;
}

/**
 * A throwaway PostgreSQL 15 cluster of its own (infra/postgres/start-local.sh), for suites that
 * stop the server, measure it alone, or need a replica. Listens on 127.0.0.1 only.
 */
export async function startLocalPostgres(
  options: { env?: Record<string, string> } = {},
): Promise<LocalPostgres> {
  // Short path: the Unix socket lives in the data directory (~107-byte limit).
  const dataDir = mkdtempSync('/tmp/coproduce-pg-');
  const startScript = join(infra, 'start-local.sh');
  const env = { ...process.env, ...options.env, PGDATA_DIR: dataDir };
  const { stdout } = await run('bash', [startScript], { env });
  const url = stdout.trim().split('\n').at(-1) ?? '';
  const port = Number(new URL(url).port);
  return {
    url,
    port,
    dataDir,
    async stop() {
      await run('bash', [join(infra, 'stop-local.sh'), dataDir]);
    },
    async start() {
      await run('bash', [startScript], {
        env: { ...env, PG_PORT_START: String(port), PG_PORT_TRIES: '1' },
      });
    },
    async remove() {
      await run('bash', [join(infra, 'stop-local.sh'), dataDir, '--remove']);
    },
  };
}
