import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { milestones, organisations, programmes } from '../schema/index.ts';

export type Milestone = typeof milestones.$inferSelect;

export async function insertMilestone(
  db: Database,
  values: typeof milestones.$inferInsert,
): Promise<Milestone> {
  const [row] = await db.insert(milestones).values(values).returning();
  if (!row) throw new Error('insert into milestones returned nothing');
  return row;
}

/** Looks a milestone up by id alone: for deciding whose it is, before tenancy is checked. */
export async function findMilestoneById(db: Database, id: string): Promise<Milestone | undefined> {
  const [row] = await db.select().from(milestones).where(eq(milestones.id, id));
  return row;
}

export async function getMilestone(
  db: Database,
  { networkId, id }: { networkId: string; id: string },
) {
  const [row] = await db
    .select()
    .from(milestones)
    .where(and(eq(milestones.networkId, networkId), eq(milestones.id, id)));
  return row;
}

export interface MilestoneFilter {
  readonly networkId: string;
  readonly programmeId?: string | undefined;
  readonly siteOrganisationId?: string | undefined;
  readonly states?: readonly string[] | undefined;
  readonly programmeIds?: readonly string[] | undefined;
}

export async function listMilestones(db: Database, filter: MilestoneFilter) {
  return db
    .select({ milestone: milestones, programmeName: programmes.name, siteName: organisations.name })
    .from(milestones)
    .innerJoin(programmes, eq(programmes.id, milestones.programmeId))
    .leftJoin(organisations, eq(organisations.id, milestones.siteOrganisationId))
    .where(
      and(
        eq(milestones.networkId, filter.networkId),
        filter.programmeId ? eq(milestones.programmeId, filter.programmeId) : undefined,
        filter.siteOrganisationId
          ? eq(milestones.siteOrganisationId, filter.siteOrganisationId)
          : undefined,
        filter.states ? inArray(milestones.state, [...filter.states]) : undefined,
        filter.programmeIds ? inArray(milestones.programmeId, [...filter.programmeIds]) : undefined,
      ),
    )
    .orderBy(asc(milestones.dueOn), asc(milestones.title));
}

export async function updateMilestoneFields(
  db: Database,
  {
    networkId,
    id,
    expectedVersion,
    values,
  }: {
    networkId: string;
    id: string;
    expectedVersion: number;
    values: Partial<
      Pick<
        typeof milestones.$inferInsert,
        'title' | 'evidenceRequired' | 'dueOn' | 'valuePence' | 'siteOrganisationId'
      >
    >;
  },
): Promise<boolean> {
  const rows = await db
    .update(milestones)
    .set({ ...values, version: sql`${milestones.version} + 1` })
    .where(
      and(
        eq(milestones.networkId, networkId),
        eq(milestones.id, id),
        eq(milestones.version, expectedVersion),
      ),
    )
    .returning({ id: milestones.id });
  return rows.length === 1;
}
