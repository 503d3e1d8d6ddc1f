import {
  type Database,
  findActiveMembership,
  getPerson,
  listActiveMembershipsOfPerson,
  setActiveMembership,
} from '@coproduce/db';
import { DomainError, isTwoFactorRequired } from '@coproduce/domain';
import type { SessionInfo } from '../trpc/context.ts';

export async function describeSession(db: Database, session: SessionInfo) {
  const person = await getPerson(db, session.personId);
  if (!person) throw new DomainError('unauthenticated', 'Sign in to continue.');
  const memberships = await listActiveMembershipsOfPerson(db, person.id);
  const active = memberships.find((m) => m.id === session.activeMembershipId) ?? null;
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      twoFactorEnabled: person.twoFactorEnabled,
    },
    memberships: memberships.map(({ id, role, organisation, network }) => ({
      id,
      role,
      organisation,
      network,
    })),
    activeMembershipId: active?.id ?? null,
    twoFactorRequired:
      active !== null && isTwoFactorRequired(active.role) && !person.twoFactorEnabled,
  };
}

export async function selectMembership(
  db: Database,
  session: SessionInfo,
  membershipId: string,
): Promise<SessionInfo> {
  const membership = await findActiveMembership(db, {
    personId: session.personId,
    id: membershipId,
  });
  if (!membership)
    throw new DomainError(
      'not-found',
      'You are not a member of that organisation.',
      'membershipId',
    );
  await setActiveMembership(db, { sessionId: session.id, membershipId });
  return { ...session, activeMembershipId: membershipId };
}

/** The membership a new session starts with: the only one, when a person has exactly one. */
export async function defaultMembershipId(db: Database, personId: string): Promise<string | null> {
  const memberships = await listActiveMembershipsOfPerson(db, personId);
  return memberships.length === 1 ? (memberships[0]?.id ?? null) : null;
}
