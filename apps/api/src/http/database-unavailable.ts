import type { FastifyBaseLogger } from 'fastify';
import { isDatabaseUnavailable } from '../services/payment-run/db-errors.ts';

export { isDatabaseUnavailable };

/** What a person sees when PostgreSQL is down: the request can be sent again as it was. */
export const DATABASE_UNAVAILABLE =
  'The database is not reachable at the moment; try again in a few seconds.';

/** Seconds a client should wait before retrying (HTTP Retry-After), as /health says. */
export const RETRY_AFTER_SECONDS = 5;

/** The JSON body of a plain HTTP route (not tRPC) refused because the database is down. */
export const unavailableBody = { error: 'service-unavailable', message: DATABASE_UNAVAILABLE };

/** At most one log line per this many milliseconds while the database stays unreachable. */
const LOG_EVERY_MS = 10_000;
let lastLogged = 0;
let refusedSinceLog = 0;

/**
 * Logs an outage without flooding the log: the first refused request at once, then one line per
 * ten seconds with the number refused meanwhile. Only the error code and where it happened are
 * written (never input, never the driver's message, which can quote data).
 */
export function logDatabaseUnavailable(
  log: FastifyBaseLogger,
  error: unknown,
  where: string | undefined,
  now = Date.now(),
) {
  refusedSinceLog += 1;
  if (now - lastLogged < LOG_EVERY_MS) return;
  log.warn(
    {
      event: 'database.unavailable',
      where,
      code: errorCode(error),
      refused: refusedSinceLog,
    },
    'database unreachable: request answered 503',
  );
  lastLogged = now;
  refusedSinceLog = 0;
}

/** The innermost error code (the driver's: ECONNREFUSED, CONNECTION_CLOSED, 57P01…). */
function errorCode(error: unknown): string | undefined {
  let code: string | undefined;
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (typeof e.code === 'string') code = e.code;
  return code;
}
