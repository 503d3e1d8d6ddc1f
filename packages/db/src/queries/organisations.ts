import type { OrganisationKind } from '@coproduce/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { networks, organisations } from '../schema/index.ts';

export type Network = typeof networks.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;

export async function createNetwork(
  db: Database,
  values: { slug: string; name: string },
): Promise<Network> {
  const [row] = await db.insert(networks).values(values).returning();
  if (!row) throw new Error('insert into networks returned nothing');
  return row;
}

export async function findNetworkBySlug(db: Database, slug: string): Promise<Network | undefined> {
  const [row] = await db.select().from(networks).where(eq(networks.slug, slug));
  return row;
}

export async function hasAnyNetwork(db: Database): Promise<boolean> {
  const rows = await db.select({ id: networks.id }).from(networks).limit(1);
  return rows.length > 0;
}

export async function createOrganisation(
  db: Database,
  values: {
    networkId: string;
    kind: OrganisationKind;
    name: string;
    category?: string | null;
    safeguardingContactName?: string | null;
    safeguardingContactPhone?: string | null;
  },
): Promise<Organisation> {
  const [row] = await db.insert(organisations).values(values).returning();
  if (!row) throw new Error('insert into organisations returned nothing');
  return row;
}

export async function getOrganisation(
  db: Database,
  { networkId, id }: { networkId: string; id: string },
): Promise<Organisation | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.networkId, networkId), eq(organisations.id, id)));
  return row;
}

/** Looks an organisation up by id alone: for deciding whose it is, before tenancy is checked. */
export async function findOrganisationById(
  db: Database,
  id: string,
): Promise<Organisation | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function listOrganisations(
  db: Database,
  { networkId }: { networkId: string },
): Promise<Organisation[]> {
  return db
    .select()
    .from(organisations)
    .where(eq(organisations.networkId, networkId))
    .orderBy(asc(organisations.kind), asc(organisations.name));
}

export async function updateSafeguardingContact(
  db: Database,
  {
    networkId,
    organisationId,
    name,
    phone,
  }: { networkId: string; organisationId: string; name: string; phone: string },
): Promise<boolean> {
  const rows = await db
    .update(organisations)
    .set({ safeguardingContactName: name, safeguardingContactPhone: phone })
    .where(
      and(
        eq(organisations.networkId, networkId),
        eq(organisations.id, organisationId),
        eq(organisations.kind, 'site'),
      ),
    )
    .returning({ id: organisations.id });
  return rows.length === 1;
}
