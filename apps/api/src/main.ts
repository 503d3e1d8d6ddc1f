import { join } from 'node:path';
import { ConfigError, loadConfig } from './env.ts';
import { DEMO_NETWORKS, DEMO_PASSWORD } from './seed/demo-network.ts';

/**
 * Longest wait on SIGTERM for open connections to end before closing (src/http/graceful-drain.ts):
 * longer than nginx keeps an idle upstream connection (infra/nginx/coproduce.conf, 4 s), shorter
 * than the 10 s after which the process exits anyway.
 */
const DRAIN_MS = 5_000;

/** Fails start-up with one line that names the problem, and a non-zero exit code. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function describeStartupError(error: unknown, databaseUrl: string | undefined): string {
  const err = error as {
    code?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  const code = err.code ?? err.cause?.code;
  if (code === 'EADDRINUSE')
    return 'Start-up failed: PORT is already in use; set PORT to a free port.';
  if (code === 'EACCES')
    return 'Start-up failed: PORT needs privileges this process does not have; choose a port above 1024.';
  if (databaseUrl) {
    const where = new URL(databaseUrl);
    const reason = err.cause?.message ?? err.message ?? String(error);
    return `Start-up failed: cannot use DATABASE_URL (${where.hostname}:${where.port || 5432}${where.pathname}): ${reason.split('\n')[0]}`;
  }
  return `Start-up failed: ${(err.message ?? String(error)).split('\n')[0]}`;
}

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  // Loaded only once the configuration is known to be good, so a bad one fails in a moment.
  const [{ createDatabase }, { buildServer }, { seedDemoNetworks }] = await Promise.all([
    import('@coproduce/db'),
    import('./server.ts'),
    import('./seed/seed.ts'),
  ]);
  const database = createDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'pglite'),
  });
  try {
    await database.migrate();
  } catch (error) {
    fail(describeStartupError(error, config.databaseUrl));
  }
  // Reports read a streaming replica when one is configured (never migrated: it follows the primary).
  const readDatabase = config.databaseReadUrl
    ? createDatabase({ url: config.databaseReadUrl })
    : undefined;
  if (readDatabase && !(await readDatabase.ping())) {
    await database.close();
    await readDatabase.close();
    const where = new URL(config.databaseReadUrl ?? '');
    fail(
      `Start-up failed: cannot use DATABASE_READ_URL (${where.hostname}:${where.port || 5432}${where.pathname}): it does not answer`,
    );
  }

  const { app, deps, drain } = await buildServer({ config, database, readDatabase });
  const seeded = config.seedDemo ? await seedDemoNetworks(database.db, deps.auth) : false;
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    await readDatabase?.close();
    fail(describeStartupError(error, undefined));
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ event: 'shutdown', signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Ctrl-C at a terminal stops at once; an orchestrator's SIGTERM lets the proxy move away.
    if (signal === 'SIGTERM') await drain(DRAIN_MS);
    await app.close();
    await database.close();
    await readDatabase?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  printBanner(config.publicUrl, database.kind, seeded);
  if (config.money.bankDetailsKeyDerived)
    console.log(
      'Bank details are encrypted with a key derived from AUTH_SECRET (not for production: set BANK_DETAILS_KEY).\n',
    );
}

function printBanner(url: string, kind: string, seeded: boolean) {
  const people = DEMO_NETWORKS.flatMap((network) =>
    network.people.map((person) => ({ network: network.name, ...person })),
  );
  const lines = [
    '',
    `Coproduce is running on ${kind === 'pglite' ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL'}.`,
    `  Hub app:  ${url}/hub/`,
    `  Site app: ${url}/site/`,
    `  Health:   ${url}/health`,
    '',
    seeded
      ? 'Demo network seeded. Demo logins'
      : 'Demo logins (if this database holds the demo network)',
    `(password for all: ${DEMO_PASSWORD}):`,
    ...people.map((p) => {
      const roles = p.roles.map((r) => r.role.replace(/_/g, ' ')).join(' + ');
      const totp = p.totpSecret ? `  TOTP secret ${p.totpSecret}` : '';
      return `  ${p.email.padEnd(44)} ${roles}${totp}`;
    }),
    '',
    'Sign in to the hub app as hub, commissioner, finance and audit roles; to the site app as site roles.',
    'Add a TOTP secret to an authenticator app to produce codes. Press Ctrl+C to stop.',
    '',
  ];
  console.log(lines.join('\n'));
}

await main();
