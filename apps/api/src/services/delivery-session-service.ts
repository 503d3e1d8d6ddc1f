import {
  currentConsents,
  type Database,
  findDeliverySessionById,
  findDeliverySessionByKey,
  findPeopleNames,
  findSiteParticipants,
  insertAttendances,
  insertDeliverySession,
  listAttendances,
  listDeliverySessions,
  listOrganisationMembers,
  replaceAttendances,
  type schema,
} from '@coproduce/db';
import { DomainError } from '@coproduce/domain';
import type { ActingMember } from '../trpc/context.ts';
import { auditDecision } from './audit-service.ts';
import { consentAllows, readIdentities, requireSiteProgramme } from './participant-service.ts';

export type DeliverySessionKind = (typeof schema.DELIVERY_SESSION_KINDS)[number];
export type AttendanceStatus = (typeof schema.ATTENDANCE_STATUSES)[number];

export interface SessionInput {
  readonly programmeId: string;
  readonly siteId: string;
  readonly heldOn: string;
  readonly kind: DeliverySessionKind;
  readonly title: string;
  readonly durationMinutes: number;
  readonly practitionerId: string;
  readonly register: readonly { participantId: string; status: AttendanceStatus }[];
  readonly idempotencyKey: string;
}

/** People who deliver sessions at a site: its practitioners and site leads. */
async function requireDeliverer(
  db: Database,
  actor: ActingMember,
  siteId: string,
  personId: string,
) {
  const members = await listOrganisationMembers(db, {
    networkId: actor.networkId,
    organisationId: siteId,
  });
  const found = members.some(
    (m) => m.personId === personId && ['practitioner', 'site_lead'].includes(m.role),
  );
  if (!found) {
    throw new DomainError(
      'invalid',
      'Choose a practitioner or site lead of this site.',
      'practitionerId',
    );
  }
}

async function registerParticipants(
  db: Database,
  input: Pick<SessionInput, 'programmeId' | 'siteId' | 'heldOn' | 'register'>,
  networkId: string,
) {
  const ids = [...new Set(input.register.map((r) => r.participantId))];
  if (ids.length !== input.register.length) {
    throw new DomainError('invalid', 'Each participant can be on the register once.', 'register');
  }
  const rows = await findSiteParticipants(db, {
    networkId,
    siteId: input.siteId,
    programmeId: input.programmeId,
    ids,
  });
  const byId = new Map(rows.map((p) => [p.id, p]));
  const consents = await currentConsents(db, ids);
  input.register.forEach((entry, index) => {
    const participant = byId.get(entry.participantId);
    if (!participant) {
      throw new DomainError(
        'invalid',
        'Choose participants of this programme at this site.',
        `register.${index}.participantId`,
      );
    }
    if (entry.status === 'attended' && !consentAllows(consents.get(participant.id), input.heldOn)) {
      throw new DomainError(
        'precondition-failed',
        `${participant.code} has no consent in force on ${input.heldOn}.`,
        `register.${index}.participantId`,
      );
    }
  });
  return byId;
}

/**
 * Records a session with its register. The device's idempotency key makes a retried offline
 * send store it once; the repeat answers with the session already stored.
 */
export async function recordDeliverySession(
  db: Database,
  actor: ActingMember,
  input: SessionInput,
) {
  const existing = await findDeliverySessionByKey(db, {
    networkId: actor.networkId,
    idempotencyKey: input.idempotencyKey,
  });
  if (existing) return { sessionId: existing.id, alreadyRecorded: true };
  await requireSiteProgramme(db, actor, input);
  await requireDeliverer(db, actor, input.siteId, input.practitionerId);
  return db.transaction(async (tx) => {
    await registerParticipants(tx, input, actor.networkId);
    const session = await insertDeliverySession(tx, {
      networkId: actor.networkId,
      siteOrganisationId: input.siteId,
      programmeId: input.programmeId,
      heldOn: input.heldOn,
      kind: input.kind,
      title: input.title,
      durationMinutes: input.durationMinutes,
      practitionerId: input.practitionerId,
      recordedBy: actor.personId,
      idempotencyKey: input.idempotencyKey,
    });
    if (!session) {
      // The same key won a race a moment ago: that send is the one kept.
      const winner = await findDeliverySessionByKey(tx, {
        networkId: actor.networkId,
        idempotencyKey: input.idempotencyKey,
      });
      return { sessionId: winner?.id ?? '', alreadyRecorded: true };
    }
    await insertAttendances(
      tx,
      input.register.map((r) => ({
        networkId: actor.networkId,
        sessionId: session.id,
        participantId: r.participantId,
        status: r.status,
      })),
    );
    await auditDecision(tx, actor, {
      action: 'delivery-session.recorded',
      objectType: 'delivery-session',
      objectId: session.id,
      detail: {
        programmeId: input.programmeId,
        heldOn: input.heldOn,
        kind: input.kind,
        registered: input.register.length,
        attended: input.register.filter((r) => r.status === 'attended').length,
      },
    });
    return { sessionId: session.id, alreadyRecorded: false };
  });
}

export async function updateRegister(
  db: Database,
  actor: ActingMember,
  input: { sessionId: string; register: SessionInput['register'] },
) {
  const session = await findDeliverySessionById(db, input.sessionId);
  if (!session || session.networkId !== actor.networkId) {
    throw new DomainError('not-found', 'We could not find that session.', 'sessionId');
  }
  return db.transaction(async (tx) => {
    await registerParticipants(
      tx,
      {
        programmeId: session.programmeId,
        siteId: session.siteOrganisationId,
        heldOn: session.heldOn,
        register: input.register,
      },
      actor.networkId,
    );
    await replaceAttendances(
      tx,
      session.id,
      input.register.map((r) => ({ networkId: actor.networkId, sessionId: session.id, ...r })),
    );
    await auditDecision(tx, actor, {
      action: 'delivery-session.register-updated',
      objectType: 'delivery-session',
      objectId: session.id,
      detail: {
        registered: input.register.length,
        attended: input.register.filter((r) => r.status === 'attended').length,
      },
    });
    return { updated: true as const };
  });
}

export async function listSessions(
  db: Database,
  actor: ActingMember,
  input: {
    siteId: string;
    programmeId?: string | undefined;
    before?: { heldOn: string; id: string } | undefined;
    limit: number;
  },
) {
  const rows = await listDeliverySessions(db, {
    networkId: actor.networkId,
    siteId: input.siteId,
    programmeId: input.programmeId,
    before: input.before,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const attendance = await listAttendances(
    db,
    page.map((r) => r.session.id),
  );
  const last = page.at(-1);
  return {
    sessions: page.map(({ session, practitionerName }) => {
      const register = attendance.filter((a) => a.attendance.sessionId === session.id);
      return {
        sessionId: session.id,
        programmeId: session.programmeId,
        heldOn: session.heldOn,
        kind: session.kind,
        title: session.title,
        durationMinutes: session.durationMinutes,
        practitionerName,
        registered: register.length,
        attended: register.filter((a) => a.attendance.status === 'attended').length,
      };
    }),
    nextCursor:
      rows.length > input.limit && last
        ? { heldOn: last.session.heldOn, id: last.session.id }
        : null,
  };
}

/** One session with its register, by name for the site (an audited read of identities). */
export async function getSession(db: Database, actor: ActingMember, sessionId: string) {
  return db.transaction(async (tx) => {
    const session = await findDeliverySessionById(tx, sessionId);
    if (!session || session.networkId !== actor.networkId) {
      throw new DomainError('not-found', 'We could not find that session.', 'sessionId');
    }
    const register = await listAttendances(tx, [session.id]);
    const names = await findPeopleNames(tx, [session.practitionerId]);
    const identities = await readIdentities(
      tx,
      actor,
      session.siteOrganisationId,
      register.map((r) => ({ id: r.attendance.participantId, code: r.code })),
      'register',
    );
    return {
      sessionId: session.id,
      programmeId: session.programmeId,
      siteId: session.siteOrganisationId,
      heldOn: session.heldOn,
      kind: session.kind,
      title: session.title,
      durationMinutes: session.durationMinutes,
      practitionerId: session.practitionerId,
      practitionerName: names.get(session.practitionerId) ?? '',
      register: register.map((r) => {
        const identity = identities.get(r.attendance.participantId);
        return {
          participantId: r.attendance.participantId,
          code: r.code,
          name: identity ? `${identity.givenName} ${identity.familyName}` : null,
          status: r.attendance.status,
        };
      }),
    };
  });
}
