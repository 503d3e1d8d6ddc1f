import { loadConfig } from '../env.ts';
import { backupDatabase, describeUrl, fileArgument, runCli } from './db-snapshot.ts';

/**
 * `npm run db:backup -- <file>`: pg_dump (custom format) of DATABASE_URL's database to <file>,
 * and <file>.manifest.json beside it with every table's row count and checksum. Refuses, with
 * one line and exit code 1, without DATABASE_URL (PGlite: copy its data directory instead) or
 * when <file> exists. Exit 0 when written.
 */
async function main(argv: string[]): Promise<number> {
  const file = fileArgument(
    argv,
    'Usage: npm run db:backup -- <file>   (writes <file> and <file>.manifest.json)',
  );
  const config = loadConfig();
  if (!config.databaseUrl) {
    console.error(
      'db:backup needs DATABASE_URL (PostgreSQL). The embedded database (PGlite) is backed up by copying DATA_DIR while the API is stopped.',
    );
    return 1;
  }
  const started = performance.now();
  const { manifestPath, manifest } = await backupDatabase({
    databaseUrl: config.databaseUrl,
    file,
    pgBin: process.env.PG_BIN,
  });
  const tables = Object.values(manifest.tables);
  const rows = tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `Backed up ${describeUrl(config.databaseUrl)}: ${tables.length} tables, ${rows} rows, ${manifest.dump.bytes} bytes in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  console.log(`  dump:     ${file}`);
  console.log(`  manifest: ${manifestPath}`);
  return 0;
}

await runCli(main);
