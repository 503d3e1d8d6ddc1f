/** PostgreSQL's unique_violation, as postgres.js and PGlite report it (drizzle wraps it in `cause`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (
    let e = error as
      | { code?: string; constraint_name?: string; constraint?: string; cause?: unknown }
      | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === '23505') {
      const name = e.constraint_name ?? e.constraint;
      return constraint === undefined || name === undefined || name === constraint;
    }
  }
  return false;
}
