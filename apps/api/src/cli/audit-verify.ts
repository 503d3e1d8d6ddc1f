import { join } from 'node:path';
import { createDatabase, listChainNetworkIds, verifyAuditChain } from '@coproduce/db';
import { ConfigError, loadConfig } from '../env.ts';

/**
 * `npm run audit:verify`: walks every network's audit chain and names the first broken entry.
 * Exits 0 when every chain is intact, 1 otherwise.
 */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : String(error));
    process.exit(1);
  }
  const database = createDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'pglite'),
  });
  let broken = 0;
  try {
    const networkIds = await listChainNetworkIds(database.db);
    for (const networkId of networkIds) {
      const result = await verifyAuditChain(database.db, networkId);
      if (result.intact) {
        console.log(`network ${networkId}: intact, ${result.entriesChecked} entries checked`);
      } else {
        broken += 1;
        const first = result.firstBroken;
        console.log(
          `network ${networkId}: BROKEN at entry ${first?.seq} (${first?.action}, ${first?.at.toISOString()}): ${first?.reason}; ${result.entriesChecked} entries before it verified`,
        );
      }
    }
    console.log(
      networkIds.length === 0
        ? 'No audit chains yet.'
        : broken === 0
          ? `All ${networkIds.length} audit chains intact.`
          : `${broken} of ${networkIds.length} audit chains broken.`,
    );
  } finally {
    await database.close();
  }
  process.exit(broken === 0 ? 0 : 1);
}

await main();
