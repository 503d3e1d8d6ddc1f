import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningServer, startServer } from '../testing.ts';
import {
  describePersonalDataHits,
  findPersonalData,
  participantPersonalData,
} from './personal-data.ts';

/**
 * `startServer` logging requests (`info`) to `<logDir>/server.log`. `finish()` closes the server
 * and scans that log for every participant's name, date of birth, email, phone and postcode: it
 * returns what is wrong (kinds of data and line numbers, never the data), or undefined.
 */
export async function startLoggedServer(
  logDir: string,
): Promise<{ server: RunningServer; logFile: string; finish(): Promise<string | undefined> }> {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'server.log');
  const log = createWriteStream(logFile, { flags: 'w' });
  const server = await startServer({ port: 0, logLevel: 'info', logStream: log });
  return {
    server,
    logFile,
    async finish() {
      const people = await participantPersonalData(server.database.db);
      await server.close();
      await new Promise<void>((resolve) => log.end(resolve));
      const text = readFileSync(logFile, 'utf8');
      if (text.split('\n').length < 10)
        return `the server log ${logFile} is nearly empty: the personal-data scan proves nothing`;
      const hits = findPersonalData(text, people);
      return hits.length > 0 ? describePersonalDataHits(hits, logFile) : undefined;
    },
  };
}
