import { loadConfig } from '../env.ts';
import { describeUrl, fileArgument, restoreDatabase, runCli } from './db-snapshot.ts';

/**
 * `npm run db:restore -- <file>`: restores a `db:backup` dump into the EMPTY database at
 * DATABASE_URL (refuses one that has tables), then checks every table's row count and checksum
 * against <file>.manifest.json and verifies every network's audit chain. Prints a summary; exits
 * 0 only when everything matches.
 */
async function main(argv: string[]): Promise<number> {
  const file = fileArgument(
    argv,
    'Usage: npm run db:restore -- <file>   (with <file>.manifest.json beside it)',
  );
  const config = loadConfig();
  if (!config.databaseUrl) {
    console.error('db:restore needs DATABASE_URL: the PostgreSQL database to restore into.');
    return 1;
  }
  const started = performance.now();
  const result = await restoreDatabase({
    databaseUrl: config.databaseUrl,
    file,
    pgBin: process.env.PG_BIN,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Restored ${file} into ${describeUrl(config.databaseUrl)} in ${seconds} s: ${result.tables} tables, ${result.rows} rows.`,
  );
  for (const line of result.mismatches) console.log(`  MISMATCH ${line}`);
  console.log(
    result.mismatches.length === 0
      ? '  Row counts and checksums: all tables match the manifest.'
      : `  Row counts and checksums: ${result.mismatches.length} tables differ from the manifest.`,
  );
  for (const chain of result.chains)
    console.log(
      chain.intact
        ? `  network ${chain.networkId}: audit chain intact, ${chain.entries} entries checked`
        : `  network ${chain.networkId}: audit chain BROKEN at ${chain.reason}`,
    );
  const broken = result.chains.filter((c) => !c.intact).length;
  const ok = result.mismatches.length === 0 && broken === 0;
  console.log(ok ? 'Restore verified.' : 'Restore NOT verified: see the lines above.');
  return ok ? 0 : 1;
}

await runCli(main);
