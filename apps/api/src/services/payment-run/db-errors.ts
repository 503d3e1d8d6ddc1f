type DbErrorLike = {
  code?: unknown;
  constraint_name?: string;
  constraint?: string;
  cause?: unknown;
  errors?: unknown;
};

/**
 * The error and everything it wraps: drizzle puts the driver's error in `cause`, Node's
 * multi-address connect puts one error per address in an AggregateError's `errors`.
 */
function* errorChain(error: unknown, depth = 0): Generator<DbErrorLike> {
  if (!error || typeof error !== 'object' || depth > 8) return;
  const e = error as DbErrorLike;
  yield e;
  if (Array.isArray(e.errors)) for (const inner of e.errors) yield* errorChain(inner, depth + 1);
  yield* errorChain(e.cause, depth + 1);
}

/** PostgreSQL's unique_violation, as postgres.js and PGlite report it (drizzle wraps it in `cause`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (const e of errorChain(error)) {
    if (e.code === '23505') {
      const name = e.constraint_name ?? e.constraint;
      return constraint === undefined || name === undefined || name === constraint;
    }
  }
  return false;
}

/** Socket errors: the server is down, restarting, or the network between us is. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** postgres.js's own connection errors (a pooled connection cut, or no connection in time). */
const DRIVER_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);
/**
 * SQLSTATEs of a server that is going away or not ready: admin_shutdown, crash_shutdown,
 * cannot_connect_now (starting up or shutting down), too_many_connections; and class 08,
 * connection exceptions.
 */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * Whether an error means the database could not be reached or went away mid-request: a
 * transient fault the client can retry as is (HTTP 503), as opposed to a bug (500). PGlite runs
 * in-process and never raises these.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of errorChain(error)) {
    if (typeof e.code !== 'string') continue;
    if (NETWORK_CODES.has(e.code) || DRIVER_CODES.has(e.code) || SERVER_STATES.has(e.code))
      return true;
    if (/^08[0-9A-Z]{3}$/.test(e.code)) return true;
  }
  return false;
}
