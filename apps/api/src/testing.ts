import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@coproduce/db/testing';
import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from './env.ts';
import { DEMO_PASSWORD, demoTotpSecrets } from './seed/demo-network.ts';
import { seedDemoNetworks } from './seed/seed.ts';
import { buildServer } from './server.ts';
import { freePort } from './test-support/free-port.ts';
import type { AppDeps } from './trpc/context.ts';

export { startLoggedServer } from './test-support/logged-server.ts';
export {
  describePersonalDataHits,
  findPersonalData,
  participantPersonalData,
} from './test-support/personal-data.ts';

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly deps: AppDeps;
  readonly database: TestDatabase;
  readonly config: Config;
  readonly demo: { password: string; totpSecrets: Record<string, string> };
  /** Where emails land (no SMTP in tests). */
  readonly outboxDir: string;
  close(): Promise<void>;
}

/**
 * The whole product on a fresh database (in-memory PGlite, or a new database on DATABASE_URL's
 * server), migrated and seeded with the demo networks, listening on 127.0.0.1. For tests.
 */
export async function startServer(
  options: {
    port?: number;
    logLevel?: string;
    seed?: boolean;
    logStream?: { write(line: string): void };
  } = {},
): Promise<RunningServer> {
  const port = options.port || (await freePort());
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    LOG_LEVEL: options.logLevel ?? 'warn',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'coproduce-test-')),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
  const database = await createTestDatabase();
  const { app, deps } = await buildServer({ config, database, logStream: options.logStream });
  if (options.seed !== false) await seedDemoNetworks(database.db, deps.auth);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url: config.publicUrl,
    app,
    deps,
    database,
    config,
    demo: { password: DEMO_PASSWORD, totpSecrets: demoTotpSecrets() },
    outboxDir: join(config.dataDir, 'outbox'),
    async close() {
      await app.close();
      await database.dispose();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
