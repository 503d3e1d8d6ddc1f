import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { claims, people, rateCardVersions } from '../schema/index.ts';

export type RateCardVersionRow = typeof rateCardVersions.$inferSelect;

/** A new dated version of a programme's rate card; stored versions are never rewritten. */
export async function insertRateCardVersion(
  tx: Database,
  values: typeof rateCardVersions.$inferInsert,
): Promise<RateCardVersionRow | undefined> {
  const [row] = await tx
    .insert(rateCardVersions)
    .values(values)
    .onConflictDoNothing({ target: [rateCardVersions.programmeId, rateCardVersions.effectiveFrom] })
    .returning();
  return row;
}

/** Every version of a programme's rate card, oldest first, with who made it. */
export function listRateCardVersions(
  db: Database,
  { networkId, programmeId }: { networkId: string; programmeId: string },
) {
  return db
    .select({ version: rateCardVersions, createdByName: people.name })
    .from(rateCardVersions)
    .leftJoin(people, eq(people.id, rateCardVersions.createdBy))
    .where(
      and(eq(rateCardVersions.networkId, networkId), eq(rateCardVersions.programmeId, programmeId)),
    )
    .orderBy(asc(rateCardVersions.effectiveFrom), asc(rateCardVersions.id));
}

/**
 * The last day of the latest claim period computed for a programme (rejected claims aside):
 * prices up to that day are fixed, so an amendment must start after it. Null when none.
 */
export async function lastComputedClaimDay(
  db: Database,
  { programmeId }: { programmeId: string },
): Promise<string | null> {
  const [row] = await db
    .select({ last: sql<string | null>`max(${claims.periodEnd})::text` })
    .from(claims)
    .where(and(eq(claims.programmeId, programmeId), ne(claims.state, 'rejected')));
  return row?.last ?? null;
}
