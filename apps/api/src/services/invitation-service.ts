import { createHash, randomBytes } from 'node:crypto';
import {
  appendAudit,
  createPersonWithPassword,
  type Database,
  findInvitationById,
  findInvitationByTokenHash,
  findPasswordHash,
  findPersonByEmail,
  insertInvitation,
  insertMembership,
  listInvitations,
  listOrganisationMembers,
  markInvitationAccepted,
  revokeInvitation,
} from '@coproduce/db';
import { DomainError, type Role } from '@coproduce/domain';
import type { Auth } from '../auth/auth.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { ActingMember } from '../trpc/context.ts';
import { auditDecision } from './audit-service.ts';
import { requireRoleFits } from './membership-service.ts';

const INVITATION_DAYS = 7;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

function statusOf(invitation: {
  acceptedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() < Date.now() ? 'expired' : 'pending';
}

export async function listOrganisationInvitations(
  db: Database,
  actor: ActingMember,
  organisationId: string,
) {
  const rows = await listInvitations(db, { networkId: actor.networkId, organisationId });
  return {
    invitations: rows.map(({ invitation, invitedByName }) => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      invitedByName,
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
      status: statusOf(invitation),
    })),
  };
}

export async function createInvitation(
  deps: { db: Database; mailer: Mailer; publicUrl: string },
  actor: ActingMember,
  input: { organisationId: string; email: string; role: Role },
) {
  const { db } = deps;
  const organisation = await requireRoleFits(db, actor, input.organisationId, input.role);
  const existing = await findPersonByEmail(db, input.email);
  if (existing) {
    const members = await listOrganisationMembers(db, {
      networkId: actor.networkId,
      organisationId: organisation.id,
    });
    if (members.some((m) => m.personId === existing.id && m.role === input.role)) {
      throw new DomainError('conflict', 'That person already holds this role here.', 'email');
    }
  }
  const token = randomBytes(32).toString('base64url');
  const invitation = await db.transaction(async (tx) => {
    const row = await insertInvitation(tx, {
      networkId: actor.networkId,
      organisationId: organisation.id,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: actor.personId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
    });
    await auditDecision(tx, actor, {
      action: 'invitation.created',
      objectType: 'invitation',
      objectId: row.id,
      detail: { organisationId: organisation.id, role: input.role },
    });
    return row;
  });
  const app = organisation.kind === 'site' ? 'site' : 'hub';
  const link = `${deps.publicUrl}/${app}/invitations/accept?token=${token}`;
  await deps.mailer.send({
    kind: 'invitation',
    to: input.email,
    subject: `You are invited to join ${organisation.name} on Coproduce`,
    text: [
      'Hello,',
      '',
      `You have been invited to join ${organisation.name} on Coproduce as ${input.role.replace(/_/g, ' ')}.`,
      `To accept, open this link within ${INVITATION_DAYS} days:`,
      '',
      link,
      '',
      'If you were not expecting this, you can ignore this email.',
    ].join('\n'),
  });
  return { invitationId: invitation.id, expiresAt: invitation.expiresAt.toISOString() };
}

export async function revokeInvitationOf(db: Database, actor: ActingMember, invitationId: string) {
  const existing = await findInvitationById(db, invitationId);
  if (!existing || existing.networkId !== actor.networkId) {
    throw new DomainError('not-found', 'That invitation was not found.', 'invitationId');
  }
  return db.transaction(async (tx) => {
    const revoked = await revokeInvitation(tx, { networkId: actor.networkId, id: invitationId });
    if (!revoked) {
      throw new DomainError(
        'conflict',
        `That invitation is ${statusOf(existing)} and can no longer be revoked.`,
        'invitationId',
      );
    }
    await auditDecision(tx, actor, {
      action: 'invitation.revoked',
      objectType: 'invitation',
      objectId: invitationId,
      detail: { organisationId: revoked.organisationId, role: revoked.role },
    });
    return { revoked: true as const };
  });
}

async function findByToken(db: Database, token: string) {
  const found = await findInvitationByTokenHash(db, hashToken(token));
  if (!found)
    throw new DomainError(
      'not-found',
      'This invitation link is not valid. Ask for a new invitation.',
      'token',
    );
  return found;
}

export async function previewInvitation(db: Database, token: string) {
  const { invitation, organisationName, networkName } = await findByToken(db, token);
  return {
    email: invitation.email,
    role: invitation.role,
    organisationName,
    networkName,
    status: statusOf(invitation),
    accountExists: (await findPersonByEmail(db, invitation.email)) !== undefined,
  };
}

export async function acceptInvitation(
  deps: { db: Database; auth: Auth },
  input: { token: string; name?: string | undefined; password: string },
) {
  const { db } = deps;
  const { invitation } = await findByToken(db, input.token);
  const status = statusOf(invitation);
  if (status !== 'pending') {
    throw new DomainError(
      'conflict',
      `This invitation has been ${status === 'expired' ? 'left to expire' : status}. Ask for a new one.`,
      'token',
    );
  }
  const passwords = (await deps.auth.$context).password;
  const existing = await findPersonByEmail(db, invitation.email);
  if (existing) {
    const hash = await findPasswordHash(db, existing.id);
    if (!hash || !(await passwords.verify({ hash, password: input.password }))) {
      throw new DomainError('invalid', 'The password is not right for this account.', 'password');
    }
  } else if (!input.name) {
    throw new DomainError('invalid', 'Enter your full name.', 'name');
  }
  const passwordHash = existing ? null : await passwords.hash(input.password);

  return db.transaction(async (tx) => {
    const person =
      existing ??
      (await createPersonWithPassword(tx, {
        name: input.name ?? '',
        email: invitation.email,
        passwordHash: passwordHash ?? '',
        // Following the emailed link proves the address.
        emailVerified: true,
      }));
    const accepted = await markInvitationAccepted(tx, { id: invitation.id, personId: person.id });
    if (!accepted)
      throw new DomainError('conflict', 'This invitation has already been used.', 'token');
    const membership = await insertMembership(tx, {
      networkId: invitation.networkId,
      organisationId: invitation.organisationId,
      personId: person.id,
      role: invitation.role,
      grantedBy: invitation.invitedBy,
    });
    const actor = { personId: person.id, role: null, organisationId: invitation.organisationId };
    await appendAudit(tx, {
      networkId: invitation.networkId,
      actor,
      action: 'invitation.accepted',
      objectType: 'invitation',
      objectId: invitation.id,
      detail: {
        organisationId: invitation.organisationId,
        role: invitation.role,
        newAccount: !existing,
      },
    });
    if (membership) {
      await appendAudit(tx, {
        networkId: invitation.networkId,
        actor,
        action: 'membership.granted',
        objectType: 'membership',
        objectId: membership.id,
        detail: {
          personId: person.id,
          organisationId: invitation.organisationId,
          role: invitation.role,
          invitationId: invitation.id,
        },
      });
    }
    return { email: person.email };
  });
}
