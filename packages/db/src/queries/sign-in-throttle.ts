import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { signInFailures } from '../schema/index.ts';

export async function getSignInFailures(db: Database, clientKey: string) {
  const [row] = await db
    .select()
    .from(signInFailures)
    .where(eq(signInFailures.clientKey, clientKey));
  return row;
}

/** Counts one more failure in a row, starting again when the last one is older than the window. */
export async function recordSignInFailure(
  db: Database,
  { clientKey, windowSeconds }: { clientKey: string; windowSeconds: number },
): Promise<void> {
  await db
    .insert(signInFailures)
    .values({ clientKey, failures: 1, lastFailureAt: new Date() })
    .onConflictDoUpdate({
      target: signInFailures.clientKey,
      set: {
        failures: sql`case when ${signInFailures.lastFailureAt} < now() - make_interval(secs => ${windowSeconds}) then 1 else ${signInFailures.failures} + 1 end`,
        lastFailureAt: sql`now()`,
      },
    });
}

export async function clearSignInFailures(db: Database, clientKey: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.clientKey, clientKey));
}
