import type { PaidRoleCheckKind } from '@coproduce/domain';
import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { organisations, paidRoleChecks, paidRoles, people, programmes } from '../schema/index.ts';

export type PaidRole = typeof paidRoles.$inferSelect;
export type PaidRoleCheck = typeof paidRoleChecks.$inferSelect;

export async function insertPaidRole(
  db: Database,
  values: typeof paidRoles.$inferInsert,
): Promise<PaidRole> {
  const [row] = await db.insert(paidRoles).values(values).returning();
  if (!row) throw new Error('insert into paid_roles returned nothing');
  return row;
}

/** Looks a paid role up by id alone: for deciding whose it is, before tenancy is checked. */
export async function findPaidRoleById(db: Database, id: string): Promise<PaidRole | undefined> {
  const [row] = await db.select().from(paidRoles).where(eq(paidRoles.id, id));
  return row;
}

export async function setPaidRoleHolder(
  db: Database,
  { id, personId }: { id: string; personId: string | null },
) {
  await db.update(paidRoles).set({ holderPersonId: personId }).where(eq(paidRoles.id, id));
}

export interface PaidRoleFilter {
  readonly networkId: string;
  readonly programmeId?: string | undefined;
  readonly siteOrganisationId?: string | undefined;
  readonly programmeIds?: readonly string[] | undefined;
}

export async function listPaidRoles(db: Database, filter: PaidRoleFilter) {
  return db
    .select({
      paidRole: paidRoles,
      programmeName: programmes.name,
      siteName: organisations.name,
      holderName: people.name,
    })
    .from(paidRoles)
    .innerJoin(programmes, eq(programmes.id, paidRoles.programmeId))
    .innerJoin(organisations, eq(organisations.id, paidRoles.siteOrganisationId))
    .leftJoin(people, eq(people.id, paidRoles.holderPersonId))
    .where(
      and(
        eq(paidRoles.networkId, filter.networkId),
        filter.programmeId ? eq(paidRoles.programmeId, filter.programmeId) : undefined,
        filter.siteOrganisationId
          ? eq(paidRoles.siteOrganisationId, filter.siteOrganisationId)
          : undefined,
        filter.programmeIds ? inArray(paidRoles.programmeId, [...filter.programmeIds]) : undefined,
      ),
    )
    .orderBy(asc(programmes.name), asc(paidRoles.title));
}

export async function insertPaidRoleCheck(
  db: Database,
  values: {
    networkId: string;
    paidRoleId: string;
    kind: PaidRoleCheckKind;
    reference: string;
    expiresOn: string | null;
    recordedBy: string;
  },
): Promise<PaidRoleCheck> {
  const [row] = await db.insert(paidRoleChecks).values(values).returning();
  if (!row) throw new Error('insert into paid_role_checks returned nothing');
  return row;
}

export async function listPaidRoleChecks(
  db: Database,
  paidRoleIds: readonly string[],
): Promise<PaidRoleCheck[]> {
  if (paidRoleIds.length === 0) return [];
  return db
    .select()
    .from(paidRoleChecks)
    .where(inArray(paidRoleChecks.paidRoleId, [...paidRoleIds]))
    .orderBy(asc(paidRoleChecks.kind), desc(paidRoleChecks.recordedAt));
}

/** Checks of live roles that expire on or before `until` (ISO date), soonest first. */
export async function listChecksExpiringBy(
  db: Database,
  { networkId, until }: { networkId: string; until: string },
) {
  return db
    .select({
      check: paidRoleChecks,
      paidRoleId: paidRoles.id,
      title: paidRoles.title,
      state: paidRoles.state,
      siteOrganisationId: paidRoles.siteOrganisationId,
      programmeId: paidRoles.programmeId,
      holderName: people.name,
    })
    .from(paidRoleChecks)
    .innerJoin(paidRoles, eq(paidRoles.id, paidRoleChecks.paidRoleId))
    .leftJoin(people, eq(people.id, paidRoles.holderPersonId))
    .where(
      and(
        eq(paidRoleChecks.networkId, networkId),
        isNotNull(paidRoleChecks.expiresOn),
        lte(paidRoleChecks.expiresOn, until),
        inArray(paidRoles.state, ['checks', 'active', 'suspended']),
      ),
    )
    .orderBy(asc(paidRoleChecks.expiresOn));
}

export async function updatePaidRoleTitle(
  db: Database,
  {
    networkId,
    id,
    expectedVersion,
    title,
  }: { networkId: string; id: string; expectedVersion: number; title: string },
): Promise<boolean> {
  const rows = await db
    .update(paidRoles)
    .set({ title, version: sql`${paidRoles.version} + 1` })
    .where(
      and(
        eq(paidRoles.networkId, networkId),
        eq(paidRoles.id, id),
        eq(paidRoles.version, expectedVersion),
      ),
    )
    .returning({ id: paidRoles.id });
  return rows.length === 1;
}
