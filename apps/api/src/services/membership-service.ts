import {
  type Database,
  findMembershipById,
  getOrganisation,
  insertMembership,
  listOrganisationMembers,
  revokeMembership,
} from '@coproduce/db';
import {
  DomainError,
  decide,
  isRoleAllowedForOrganisationKind,
  POLICY,
  type Role,
  rolesForOrganisationKind,
} from '@coproduce/domain';
import type { ActingMember } from '../trpc/context.ts';
import { auditDecision } from './audit-service.ts';

export async function listMembers(db: Database, actor: ActingMember, organisationId: string) {
  const organisation = await getOrganisation(db, {
    networkId: actor.networkId,
    id: organisationId,
  });
  if (!organisation)
    throw new DomainError('not-found', 'That organisation was not found.', 'organisationId');
  const members = await listOrganisationMembers(db, { networkId: actor.networkId, organisationId });
  const target = { networkId: organisation.networkId, organisationIds: [organisation.id] };
  const mayManage = decide(POLICY['membership.grant'], actor, target) === 'allow';
  return {
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
    members: members.map((m) => ({ ...m, since: m.since.toISOString() })),
    assignableRoles: mayManage ? [...rolesForOrganisationKind(organisation.kind)] : [],
  };
}

/** Checks a role can be held in this organisation and returns the organisation. */
export async function requireRoleFits(
  db: Database,
  actor: ActingMember,
  organisationId: string,
  role: Role,
) {
  const organisation = await getOrganisation(db, {
    networkId: actor.networkId,
    id: organisationId,
  });
  if (!organisation)
    throw new DomainError('not-found', 'That organisation was not found.', 'organisationId');
  if (!isRoleAllowedForOrganisationKind(role, organisation.kind)) {
    const allowed = rolesForOrganisationKind(organisation.kind).join(', ');
    throw new DomainError(
      'invalid',
      `A ${organisation.kind} organisation can only have these roles: ${allowed}.`,
      'role',
    );
  }
  return organisation;
}

export async function grantMembership(
  db: Database,
  actor: ActingMember,
  input: { organisationId: string; personId: string; role: Role },
) {
  if (input.personId === actor.personId) {
    throw new DomainError(
      'forbidden',
      'You cannot change your own roles: ask another coordinator.',
      'personId',
    );
  }
  await requireRoleFits(db, actor, input.organisationId, input.role);
  return db.transaction(async (tx) => {
    const inNetwork = await listOrganisationMembers(tx, {
      networkId: actor.networkId,
      organisationId: input.organisationId,
    });
    if (!inNetwork.some((m) => m.personId === input.personId)) {
      throw new DomainError(
        'not-found',
        'That person is not a member of this organisation. Invite them instead.',
        'personId',
      );
    }
    const membership = await insertMembership(tx, {
      networkId: actor.networkId,
      organisationId: input.organisationId,
      personId: input.personId,
      role: input.role,
      grantedBy: actor.personId,
    });
    if (!membership)
      throw new DomainError('conflict', 'That person already holds this role here.', 'role');
    await auditDecision(tx, actor, {
      action: 'membership.granted',
      objectType: 'membership',
      objectId: membership.id,
      detail: { personId: input.personId, organisationId: input.organisationId, role: input.role },
    });
    return { membershipId: membership.id };
  });
}

export async function revokeMembershipOf(db: Database, actor: ActingMember, membershipId: string) {
  const existing = await findMembershipById(db, membershipId);
  if (!existing || existing.networkId !== actor.networkId) {
    throw new DomainError('not-found', 'That membership was not found.', 'membershipId');
  }
  if (existing.personId === actor.personId) {
    throw new DomainError(
      'forbidden',
      'You cannot change your own roles: ask another coordinator.',
      'membershipId',
    );
  }
  return db.transaction(async (tx) => {
    const revoked = await revokeMembership(tx, {
      networkId: actor.networkId,
      id: membershipId,
      revokedBy: actor.personId,
    });
    if (!revoked)
      throw new DomainError(
        'conflict',
        'That membership has already been revoked.',
        'membershipId',
      );
    await auditDecision(tx, actor, {
      action: 'membership.revoked',
      objectType: 'membership',
      objectId: membershipId,
      detail: {
        personId: revoked.personId,
        organisationId: revoked.organisationId,
        role: revoked.role,
      },
    });
    return { revoked: true as const };
  });
}
