import type { Role } from '@coproduce/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { memberships, networks, organisations, people } from '../schema/index.ts';

export type Membership = typeof memberships.$inferSelect;

export interface MembershipWithContext {
  readonly id: string;
  readonly role: Role;
  readonly personId: string;
  readonly organisation: { id: string; name: string; kind: 'hub' | 'site' | 'commissioner' };
  readonly network: { id: string; name: string };
}

const withContext = {
  id: memberships.id,
  role: memberships.role,
  personId: memberships.personId,
  organisation: { id: organisations.id, name: organisations.name, kind: organisations.kind },
  network: { id: networks.id, name: networks.name },
};

/** A person's current memberships across every network they belong to. */
export async function listActiveMembershipsOfPerson(
  db: Database,
  personId: string,
): Promise<MembershipWithContext[]> {
  return db
    .select(withContext)
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(and(eq(memberships.personId, personId), isNull(memberships.revokedAt)))
    .orderBy(asc(networks.name), asc(organisations.name), asc(memberships.role));
}

export async function findActiveMembership(
  db: Database,
  { personId, id }: { personId: string; id: string },
): Promise<MembershipWithContext | undefined> {
  const [row] = await db
    .select(withContext)
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(
      and(
        eq(memberships.id, id),
        eq(memberships.personId, personId),
        isNull(memberships.revokedAt),
      ),
    );
  return row;
}

/** Looks a membership up by id alone: for deciding whose it is, before tenancy is checked. */
export async function findMembershipById(
  db: Database,
  id: string,
): Promise<Membership | undefined> {
  const [row] = await db.select().from(memberships).where(eq(memberships.id, id));
  return row;
}

export async function listOrganisationMembers(
  db: Database,
  { networkId, organisationId }: { networkId: string; organisationId: string },
) {
  return db
    .select({
      membershipId: memberships.id,
      personId: people.id,
      name: people.name,
      email: people.email,
      role: memberships.role,
      since: memberships.createdAt,
      twoFactorEnabled: people.twoFactorEnabled,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.networkId, networkId),
        eq(memberships.organisationId, organisationId),
        isNull(memberships.revokedAt),
      ),
    )
    .orderBy(asc(people.name), asc(memberships.role));
}

export async function insertMembership(
  db: Database,
  values: {
    networkId: string;
    organisationId: string;
    personId: string;
    role: Role;
    grantedBy: string | null;
  },
): Promise<Membership | undefined> {
  const [row] = await db.insert(memberships).values(values).onConflictDoNothing().returning();
  return row;
}

export async function revokeMembership(
  db: Database,
  { networkId, id, revokedBy }: { networkId: string; id: string; revokedBy: string },
): Promise<Membership | undefined> {
  const [row] = await db
    .update(memberships)
    .set({ revokedAt: new Date(), revokedBy })
    .where(
      and(
        eq(memberships.networkId, networkId),
        eq(memberships.id, id),
        isNull(memberships.revokedAt),
      ),
    )
    .returning();
  return row;
}
