import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { sessions, usedTotpCodes } from '../schema/index.ts';

export async function setActiveMembership(
  db: Database,
  { sessionId, membershipId }: { sessionId: string; membershipId: string | null },
): Promise<void> {
  await db
    .update(sessions)
    .set({ activeMembershipId: membershipId })
    .where(eq(sessions.id, sessionId));
}

export async function deleteSessionsOfPerson(db: Database, personId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, personId));
}

export async function deleteSession(
  db: Database,
  { id, personId }: { id: string; personId: string },
) {
  await db.delete(sessions).where(and(eq(sessions.id, id), eq(sessions.userId, personId)));
}

/**
 * Claims a TOTP code for a person. Returns false when the same code was already accepted within
 * `windowSeconds` (a replay); atomic under concurrency thanks to the primary key.
 */
export async function claimTotpCode(
  db: Database,
  { personId, code, windowSeconds }: { personId: string; code: string; windowSeconds: number },
): Promise<boolean> {
  const rows = await db
    .insert(usedTotpCodes)
    .values({ personId, code })
    .onConflictDoUpdate({
      target: [usedTotpCodes.personId, usedTotpCodes.code],
      set: { usedAt: sql`now()` },
      setWhere: sql`${usedTotpCodes.usedAt} < now() - make_interval(secs => ${windowSeconds})`,
    })
    .returning({ code: usedTotpCodes.code });
  return rows.length === 1;
}
