import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LocalPostgres } from './local-postgres.ts';

const run = promisify(execFile);
const infra = join(import.meta.dirname, '../../../../infra/postgres');

export interface LocalReplica {
  /** postgres://coproduce:…@127.0.0.1:PORT/coproduce, read-only (hot standby). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the replica, deletes its data directory and drops its slot on the primary. */
  remove(): Promise<void>;
}

/**
 * A streaming replica of a `startLocalPostgres()` primary (infra/postgres/start-replica.sh:
 * `pg_basebackup -R` with a replication slot, hot standby), streaming once this resolves.
 */
export async function startLocalReplica(primary: LocalPostgres): Promise<LocalReplica> {
  const dataDir = mkdtempSync('/tmp/coproduce-pgr-');
  const { stdout, stderr } = await run(
    'bash',
    [join(infra, 'start-replica.sh'), primary.dataDir, String(primary.port)],
    { env: { ...process.env, REPLICA_DATA_DIR: dataDir } },
  );
  const url = stdout.trim().split('\n').at(-1) ?? '';
  const slot = /pg_drop_replication_slot\('([a-z0-9_]+)'\)/.exec(stderr)?.[1];
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    async remove() {
      await run('bash', [join(infra, 'stop-local.sh'), dataDir, '--remove']);
      if (!slot) return;
      // A slot left behind would make the primary keep WAL for ever (while it lives).
      const psql = [
        '/usr/lib/postgresql/15/bin/psql',
        ...['-X', '-q', '-h', primary.dataDir, '-p', String(primary.port), '-U', 'postgres'],
        ...['-d', 'postgres', '-c', `select pg_drop_replication_slot('${slot}')`],
      ];
      // As root, start-local.sh runs the server as the `postgres` OS user: so does its psql.
      const asOwner = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
      const [command = 'psql', ...args] = [...asOwner, ...psql];
      await run(command, args, { cwd: '/' }).catch(() => {
        // the primary is already stopped: nothing keeps WAL
      });
    },
  };
}
