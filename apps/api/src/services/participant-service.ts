import { randomInt } from 'node:crypto';
import {
  attendanceAnchors,
  type Consent,
  currentConsents,
  type Database,
  eraseParticipantIdentity,
  findOrganisationById,
  findParticipantById,
  insertConsents,
  insertParticipantIdentities,
  insertParticipants,
  listAuditEntries,
  listConsents,
  listIdentities,
  listParticipantResponses,
  listParticipantSessions,
  listParticipants,
  listProgrammeSiteParticipants,
  listProgrammeSiteScores,
  type Participant,
  programmeRunsAtSite,
  searchParticipantIdentities,
  withdrawConsent,
} from '@coproduce/db';
import {
  ageBandFor,
  DomainError,
  type EqualityMonitoring,
  timepointWindow,
} from '@coproduce/domain';
import { today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';
import { auditDecision } from './audit-service.ts';
import { toPage } from './keyset-page.ts';
import { outcomesFrameworkOf } from './outcomes-framework.ts';
import { requireProgramme } from './programme-service.ts';
import { timelineOf } from './questionnaire-service.ts';

export interface IdentityInput {
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly postcode?: string | null | undefined;
  /** Ten digits, already checked with the modulus-11 rule. */
  readonly nhsNumber?: string | null | undefined;
}

export interface ConsentInput {
  readonly noticeVersion: string;
  readonly serviceDelivery: boolean;
  readonly evaluation: boolean;
  readonly sharingWithCommissioners: boolean;
  readonly givenOn: string;
}

export interface Enrolment {
  readonly enrolledOn: string;
  readonly identity: IdentityInput;
  readonly consent: ConsentInput;
  readonly equality: EqualityMonitoring;
}

export interface SiteScope {
  readonly programmeId: string;
  readonly siteId: string;
  readonly importId?: string | undefined;
}

/** Programmes take participants from the baseline stage until monitoring ends. */
const ENROLLING_STAGES = new Set(['baseline', 'delivery', 'monitoring']);

/** The programme, checked to run at this site; `forWriting` also checks it takes new records. */
export async function requireSiteProgramme(
  db: Database,
  actor: ActingMember,
  scope: SiteScope,
  forWriting = true,
) {
  const programme = await requireProgramme(db, actor, scope.programmeId);
  if (!(await programmeRunsAtSite(db, programme.id, scope.siteId))) {
    // Worded as a missing programme: a site must not learn that another site's programme exists.
    throw new DomainError('not-found', 'That programme was not found.', 'programmeId');
  }
  if (forWriting && !ENROLLING_STAGES.has(programme.stage)) {
    throw new DomainError(
      'precondition-failed',
      'This programme is not taking participants’ records now: that starts at its baseline stage and ends with monitoring.',
      'programmeId',
    );
  }
  return programme;
}

// Crockford base32 without the letters people misread (I, L, O, U).
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function sitePrefix(siteName: string): string {
  const initials = siteName
    .replace(/[^A-Za-z\s]/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
  return (initials || 'SITE').slice(0, 3).padEnd(3, 'X');
}

function newCode(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < 6; i += 1) suffix += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${prefix}-${suffix}`;
}

/**
 * Enrols participants at a site: a pseudonymous participant row, the identifying row apart,
 * and the consent as given. Used for one person from the form and for thousands from an import,
 * inside the caller's transaction; the caller audits.
 */
export async function enrolParticipants(
  tx: Database,
  actor: ActingMember,
  scope: SiteScope,
  enrolments: readonly Enrolment[],
): Promise<{ id: string; code: string }[]> {
  const site = await findOrganisationById(tx, scope.siteId);
  const prefix = sitePrefix(site?.name ?? '');
  const drawn = new Set<string>();
  const freshCode = () => {
    let code = newCode(prefix);
    while (drawn.has(code)) code = newCode(prefix);
    drawn.add(code);
    return code;
  };
  const rows = enrolments.map((e) => ({
    networkId: actor.networkId,
    siteOrganisationId: scope.siteId,
    programmeId: scope.programmeId,
    code: freshCode(),
    enrolledOn: e.enrolledOn,
    enrolledBy: actor.personId,
    ageBand: e.equality.ageBand ?? ageBandFor(e.identity.dateOfBirth, e.enrolledOn),
    sex: e.equality.sex ?? null,
    ethnicGroup: e.equality.ethnicGroup ?? null,
    religion: e.equality.religion ?? null,
    mainLanguage: e.equality.mainLanguage ?? null,
    disability: e.equality.disability ?? null,
  }));
  // Codes are unique within the batch; one that an earlier participant already holds is skipped
  // by the insert and drawn again (rare: 32^6 codes per site prefix).
  const idByCode = new Map<string, string>();
  let pending = rows;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt === 5) throw new Error('could not draw unused participant codes');
    for (const c of await insertParticipants(tx, pending)) idByCode.set(c.code, c.id);
    pending = pending.filter((r) => !idByCode.has(r.code));
    for (const row of pending) row.code = freshCode();
  }
  const ids = rows.map((r) => idByCode.get(r.code) as string);
  await insertParticipantIdentities(
    tx,
    enrolments.map((e, i) => ({
      participantId: ids[i] as string,
      networkId: actor.networkId,
      siteOrganisationId: scope.siteId,
      givenName: e.identity.givenName,
      familyName: e.identity.familyName,
      dateOfBirth: e.identity.dateOfBirth,
      email: e.identity.email ?? null,
      phone: e.identity.phone ?? null,
      postcode: e.identity.postcode ?? null,
      nhsNumber: e.identity.nhsNumber ?? null,
    })),
  );
  await insertConsents(
    tx,
    enrolments.map((e, i) => ({
      networkId: actor.networkId,
      participantId: ids[i] as string,
      ...e.consent,
      recordedBy: actor.personId,
    })),
  );
  return rows.map((r, i) => ({ id: ids[i] as string, code: r.code }));
}

export async function enrolParticipant(
  db: Database,
  actor: ActingMember,
  input: SiteScope & { enrolment: Enrolment },
) {
  await requireSiteProgramme(db, actor, input);
  return db.transaction(async (tx) => {
    const [created] = await enrolParticipants(tx, actor, input, [input.enrolment]);
    if (!created) throw new Error('enrolment returned nothing');
    await auditDecision(tx, actor, {
      action: 'participant.enrolled',
      objectType: 'participant',
      objectId: created.id,
      detail: {
        code: created.code,
        programmeId: input.programmeId,
        consentScope: scopeOf(input.enrolment.consent),
        noticeVersion: input.enrolment.consent.noticeVersion,
      },
    });
    return { participantId: created.id, code: created.code };
  });
}

const scopeOf = (c: Pick<Consent, 'serviceDelivery' | 'evaluation' | 'sharingWithCommissioners'>) =>
  [
    c.serviceDelivery && 'service-delivery',
    c.evaluation && 'evaluation',
    c.sharingWithCommissioners && 'sharing-with-commissioners',
  ].filter(Boolean);

/** Whether a consent allows recording care or questionnaires on a date. */
export function consentAllows(consent: Consent | undefined, on: string): boolean {
  if (!consent?.serviceDelivery || consent.givenOn > on) return false;
  return consent.withdrawnOn === null || on < consent.withdrawnOn;
}

export type ConsentStatus = 'in-force' | 'withdrawn' | 'none';

export function consentStatus(consent: Consent | undefined, on: string): ConsentStatus {
  if (!consent) return 'none';
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= on) return 'withdrawn';
  return 'in-force';
}

/** One person read: filed under them; several: under their site, naming each by code. */
const readTarget = (siteId: string, participants: readonly Pick<Participant, 'id'>[]) => {
  const [only] = participants;
  return participants.length === 1 && only
    ? { objectType: 'participant', objectId: only.id }
    : { objectType: 'organisation', objectId: siteId };
};

/**
 * Every read of identifying details goes through here and leaves one audit entry naming the
 * participants (by id and code, never by name) and why they were read.
 */
export async function readIdentities(
  db: Database,
  actor: ActingMember,
  siteId: string,
  participants: readonly Pick<Participant, 'id' | 'code'>[],
  purpose: 'search' | 'record' | 'register' | 'subject-access-export',
) {
  if (participants.length === 0)
    return new Map<string, Awaited<ReturnType<typeof listIdentities>>[number]>();
  const identities = await listIdentities(
    db,
    participants.map((p) => p.id),
  );
  await auditDecision(db, actor, {
    action: 'participant.identity-read',
    ...readTarget(siteId, participants),
    detail: { purpose, participants: participants.map((p) => p.code) },
  });
  return new Map(identities.map((i) => [i.participantId, i]));
}

function identityView(identity: Awaited<ReturnType<typeof listIdentities>>[number]) {
  return {
    givenName: identity.givenName,
    familyName: identity.familyName,
    dateOfBirth: identity.dateOfBirth,
    email: identity.email,
    phone: identity.phone,
    postcode: identity.postcode,
    nhsNumber: identity.nhsNumber,
  };
}

export async function searchParticipants(
  db: Database,
  actor: ActingMember,
  input: { siteId: string; query: string; limit: number },
) {
  return db.transaction(async (tx) => {
    const rows = await searchParticipantIdentities(tx, {
      networkId: actor.networkId,
      siteId: input.siteId,
      query: input.query,
      limit: input.limit,
    });
    if (rows.length > 0) {
      await auditDecision(tx, actor, {
        action: 'participant.identity-read',
        ...readTarget(
          input.siteId,
          rows.map((r) => r.participant),
        ),
        detail: { purpose: 'search', participants: rows.map((r) => r.participant.code) },
      });
    }
    const consents = await currentConsents(
      tx,
      rows.map((r) => r.participant.id),
    );
    const on = today();
    return rows.map(({ participant, identity }) => ({
      participantId: participant.id,
      code: participant.code,
      programmeId: participant.programmeId,
      enrolledOn: participant.enrolledOn,
      consent: consentStatus(consents.get(participant.id), on),
      ...identityView(identity),
    }));
  });
}

/** Pseudonymous list of a site's participants: codes, enrolment and consent, no identity. */
export async function listParticipantCodes(
  db: Database,
  actor: ActingMember,
  input: {
    siteId: string;
    programmeId?: string | undefined;
    afterCode?: string | undefined;
    limit: number;
  },
) {
  const rows = await listParticipants(db, {
    networkId: actor.networkId,
    siteId: input.siteId,
    programmeId: input.programmeId,
    afterCode: input.afterCode,
    limit: input.limit + 1,
  });
  const { page, nextCursor } = toPage(rows, input.limit, (p) => [p.code]);
  const consents = await currentConsents(
    db,
    page.map((p) => p.id),
  );
  const on = today();
  return {
    participants: page.map((p) => ({
      participantId: p.id,
      code: p.code,
      programmeId: p.programmeId,
      enrolledOn: p.enrolledOn,
      erased: p.erasedAt !== null,
      consent: consentStatus(consents.get(p.id), on),
    })),
    nextCursor,
  };
}

export async function requireParticipant(db: Database, actor: ActingMember, participantId: string) {
  const participant = await findParticipantById(db, participantId);
  if (!participant || participant.networkId !== actor.networkId) {
    throw new DomainError('not-found', 'We could not find that participant.', 'participantId');
  }
  return participant;
}

function consentView(c: Consent) {
  return {
    consentId: c.id,
    noticeVersion: c.noticeVersion,
    serviceDelivery: c.serviceDelivery,
    evaluation: c.evaluation,
    sharingWithCommissioners: c.sharingWithCommissioners,
    givenOn: c.givenOn,
    withdrawnOn: c.withdrawnOn,
  };
}

/** The site's view of one participant: who they are, consent, and their timeline. */
export async function getParticipantRecord(
  db: Database,
  actor: ActingMember,
  participantId: string,
) {
  return db.transaction(async (tx) => {
    const participant = await requireParticipant(tx, actor, participantId);
    const identities = participant.erasedAt
      ? new Map()
      : await readIdentities(tx, actor, participant.siteOrganisationId, [participant], 'record');
    const identity = identities.get(participant.id);
    const consents = await listConsents(tx, participant.id);
    const programme = await requireProgramme(tx, actor, participant.programmeId);
    return {
      participantId: participant.id,
      code: participant.code,
      programme: { id: programme.id, name: programme.name },
      siteId: participant.siteOrganisationId,
      enrolledOn: participant.enrolledOn,
      erasedAt: participant.erasedAt?.toISOString() ?? null,
      identity: identity ? identityView(identity) : null,
      equality: {
        ageBand: participant.ageBand,
        sex: participant.sex,
        ethnicGroup: participant.ethnicGroup,
        religion: participant.religion,
        mainLanguage: participant.mainLanguage,
        disability: participant.disability,
      },
      consent: consentStatus(consents[0], today()),
      consents: consents.map(consentView),
      ...(await timelineOf(tx, participant, programme)),
    };
  });
}

export async function recordConsent(
  db: Database,
  actor: ActingMember,
  input: { participantId: string; consent: ConsentInput },
) {
  const participant = await requireParticipant(db, actor, input.participantId);
  if (participant.erasedAt) throw erasedError();
  return db.transaction(async (tx) => {
    const [row] = await insertConsents(tx, [
      {
        networkId: actor.networkId,
        participantId: participant.id,
        ...input.consent,
        recordedBy: actor.personId,
      },
    ]);
    await auditDecision(tx, actor, {
      action: 'participant.consent-recorded',
      objectType: 'participant',
      objectId: participant.id,
      detail: {
        code: participant.code,
        noticeVersion: input.consent.noticeVersion,
        scope: scopeOf(input.consent),
        givenOn: input.consent.givenOn,
      },
    });
    return { consentId: row?.id ?? null };
  });
}

const erasedError = () =>
  new DomainError(
    'conflict',
    'This participant’s details were erased: nothing more can be recorded.',
  );

export async function withdrawParticipantConsent(
  db: Database,
  actor: ActingMember,
  input: { participantId: string; withdrawnOn: string },
) {
  const participant = await requireParticipant(db, actor, input.participantId);
  const [current] = await listConsents(db, participant.id);
  if (!current || current.withdrawnOn !== null) {
    throw new DomainError('conflict', 'There is no consent in force to withdraw.', 'participantId');
  }
  if (input.withdrawnOn < current.givenOn) {
    throw new DomainError(
      'invalid',
      `Consent was given on ${current.givenOn}: withdrawal cannot be earlier.`,
      'withdrawnOn',
    );
  }
  return db.transaction(async (tx) => {
    const withdrawn = await withdrawConsent(tx, {
      consentId: current.id,
      withdrawnOn: input.withdrawnOn,
      recordedBy: actor.personId,
    });
    if (!withdrawn)
      throw new DomainError('conflict', 'Someone else has just withdrawn this consent.');
    await auditDecision(tx, actor, {
      action: 'participant.consent-withdrawn',
      objectType: 'participant',
      objectId: participant.id,
      detail: { code: participant.code, withdrawnOn: input.withdrawnOn },
    });
    return { withdrawnOn: input.withdrawnOn };
  });
}

/**
 * Subject-access export: everything held about one participant, in one JSON document the
 * site can hand over (the site app also prints it).
 */
export async function exportSubjectAccess(
  db: Database,
  actor: ActingMember,
  participantId: string,
) {
  return db.transaction(async (tx) => {
    const participant = await requireParticipant(tx, actor, participantId);
    const identity = participant.erasedAt
      ? undefined
      : (
          await readIdentities(
            tx,
            actor,
            participant.siteOrganisationId,
            [participant],
            'subject-access-export',
          )
        ).get(participant.id);
    const programme = await requireProgramme(tx, actor, participant.programmeId);
    const site = await findOrganisationById(tx, participant.siteOrganisationId);
    const sessions = await listParticipantSessions(tx, participant.id);
    const responses = await listParticipantResponses(tx, participant.id);
    const trail = await listAuditEntries(tx, {
      networkId: actor.networkId,
      objectType: 'participant',
      objectId: participant.id,
      limit: 10_000,
    });
    await auditDecision(tx, actor, {
      action: 'participant.exported',
      objectType: 'participant',
      objectId: participant.id,
      detail: { code: participant.code },
    });
    return {
      exportedAt: new Date().toISOString(),
      controller: { site: site?.name ?? null, programme: programme.name },
      participant: {
        code: participant.code,
        enrolledOn: participant.enrolledOn,
        erased: participant.erasedAt !== null,
        identity: identity ? identityView(identity) : null,
        equalityMonitoring: {
          ageBand: participant.ageBand,
          sex: participant.sex,
          ethnicGroup: participant.ethnicGroup,
          religion: participant.religion,
          mainLanguage: participant.mainLanguage,
          disability: participant.disability,
        },
      },
      consents: (await listConsents(tx, participant.id)).map(consentView),
      sessions: sessions.map((s) => ({
        heldOn: s.session.heldOn,
        kind: s.session.kind,
        title: s.session.title,
        practitioner: s.practitionerName,
        attendance: s.status,
      })),
      questionnaires: responses.map(({ response: r, collectorName }) => ({
        instrument: r.instrument,
        timepoint: r.timepointCode,
        recordedOn: r.recordedOn,
        collectedBy: collectorName,
        answers: r.answers,
        total: r.total,
        band: r.band,
        metric: r.metric,
        subscales: r.subscales,
      })),
      recordOfProcessing: trail.map((e) => ({ at: e.at.toISOString(), action: e.action })),
    };
  });
}

/**
 * Erasure: identifying details are deleted; the pseudonymous rows stay, so evaluation figures
 * (where consent allowed) and money records still add up, and the audit chain (which never held
 * identifying details) still verifies.
 */
export async function eraseParticipant(
  db: Database,
  actor: ActingMember,
  input: { participantId: string; reason: string },
) {
  const participant = await requireParticipant(db, actor, input.participantId);
  if (participant.erasedAt)
    throw new DomainError('conflict', 'This participant was already erased.');
  return db.transaction(async (tx) => {
    await eraseParticipantIdentity(tx, {
      networkId: actor.networkId,
      participantId: participant.id,
    });
    await auditDecision(tx, actor, {
      action: 'participant.erased',
      objectType: 'participant',
      objectId: participant.id,
      detail: { code: participant.code, reason: input.reason },
    });
    return { erased: true as const };
  });
}

/**
 * Who is missing at a timepoint at one site: people whose window has opened (everyone enrolled,
 * for the baseline) with consent in force, and nothing recorded at that timepoint yet. The site
 * chases them by name, so this is an audited read of identities.
 */
export async function missingAtTimepoint(
  db: Database,
  actor: ActingMember,
  input: { programmeId: string; siteId: string; timepointCode: string },
  on: string = today(),
) {
  const programme = await requireSiteProgramme(db, actor, input, false);
  const definition = outcomesFrameworkOf(programme).timepoints.find(
    (t) => t.code === input.timepointCode,
  );
  if (!definition) {
    throw new DomainError('invalid', 'Choose one of the programme’s timepoints.', 'timepointCode');
  }
  const people = await listProgrammeSiteParticipants(db, input);
  const received = new Set(
    (await listProgrammeSiteScores(db, input))
      .filter((s) => s.timepointCode === input.timepointCode)
      .map((s) => s.participantId),
  );
  const anchors = await attendanceAnchors(
    db,
    people.map((p) => p.id),
  );
  const consents = await currentConsents(
    db,
    people.map((p) => p.id),
  );
  const missing = people.flatMap((person) => {
    if (received.has(person.id) || !consentAllows(consents.get(person.id), on)) return [];
    const anchor = anchors.get(person.id);
    const window =
      definition.kind === 'baseline'
        ? { opens: person.enrolledOn, closes: anchor?.firstAttended ?? null }
        : timepointWindow(definition, {
            firstAttendedSession: anchor?.firstAttended ?? null,
            lastAttendedTreatmentSession: anchor?.lastTreatment ?? null,
          });
    if (window === null || window.opens > on) return [];
    return [{ person, opens: window.opens, closes: window.closes }];
  });
  return db.transaction(async (tx) => {
    const identities = await readIdentities(
      tx,
      actor,
      input.siteId,
      missing.filter((m) => m.person.erasedAt === null).map((m) => m.person),
      'record',
    );
    return missing.map(({ person, opens, closes }) => {
      const identity = identities.get(person.id);
      return {
        participantId: person.id,
        code: person.code,
        name: identity ? `${identity.givenName} ${identity.familyName}` : null,
        windowOpens: opens,
        windowCloses: closes,
        overdue: closes !== null && closes < on,
      };
    });
  });
}

/** Everyone a session's register can list: the programme's participants at the site, by name. */
export async function registerCandidates(
  db: Database,
  actor: ActingMember,
  input: { programmeId: string; siteId: string },
) {
  await requireSiteProgramme(db, actor, input, false);
  const people = (await listProgrammeSiteParticipants(db, input)).filter(
    (p) => p.erasedAt === null,
  );
  const consents = await currentConsents(
    db,
    people.map((p) => p.id),
  );
  const on = today();
  return db.transaction(async (tx) => {
    const identities = await readIdentities(tx, actor, input.siteId, people, 'register');
    return people.map((person) => {
      const identity = identities.get(person.id);
      return {
        participantId: person.id,
        code: person.code,
        givenName: identity?.givenName ?? null,
        familyName: identity?.familyName ?? null,
        consent: consentStatus(consents.get(person.id), on),
      };
    });
  });
}
