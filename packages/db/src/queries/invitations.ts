import type { Role } from '@coproduce/domain';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { invitations, networks, organisations, people } from '../schema/index.ts';

export type Invitation = typeof invitations.$inferSelect;

export async function insertInvitation(
  db: Database,
  values: {
    networkId: string;
    organisationId: string;
    email: string;
    role: Role;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<Invitation> {
  const [row] = await db.insert(invitations).values(values).returning();
  if (!row) throw new Error('insert into invitations returned nothing');
  return row;
}

export async function listInvitations(
  db: Database,
  { networkId, organisationId }: { networkId: string; organisationId: string },
) {
  return db
    .select({ invitation: invitations, invitedByName: people.name })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.invitedBy))
    .where(
      and(eq(invitations.networkId, networkId), eq(invitations.organisationId, organisationId)),
    )
    .orderBy(desc(invitations.createdAt));
}

/** Looks an invitation up by id alone: for deciding whose it is, before tenancy is checked. */
export async function findInvitationById(
  db: Database,
  id: string,
): Promise<Invitation | undefined> {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, id));
  return row;
}

export async function findInvitationByTokenHash(db: Database, tokenHash: string) {
  const [row] = await db
    .select({
      invitation: invitations,
      organisationName: organisations.name,
      networkName: networks.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .innerJoin(networks, eq(networks.id, invitations.networkId))
    .where(eq(invitations.tokenHash, tokenHash));
  return row;
}

export async function revokeInvitation(
  db: Database,
  { networkId, id }: { networkId: string; id: string },
): Promise<Invitation | undefined> {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.networkId, networkId),
        eq(invitations.id, id),
        isNull(invitations.revokedAt),
        isNull(invitations.acceptedAt),
      ),
    )
    .returning();
  return row;
}

/** Marks the invitation accepted, once: a second acceptance of the same token finds nothing. */
export async function markInvitationAccepted(
  db: Database,
  { id, personId }: { id: string; personId: string },
): Promise<Invitation | undefined> {
  const [row] = await db
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedBy: personId })
    .where(
      and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .returning();
  return row;
}
