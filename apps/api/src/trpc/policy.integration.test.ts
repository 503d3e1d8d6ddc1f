import {
  createNetwork,
  createOrganisation,
  createPersonWithPassword,
  ensurePayee,
  insertBankDetails,
  insertClaim,
  insertDeliverySession,
  insertInvitation,
  insertMembership,
  insertMilestone,
  insertPaidRole,
  insertParticipants,
  insertPaymentRun,
  insertProgramme,
  insertQuestionnaireResponses,
  insertWorkLog,
  type Organisation,
  programmeOrganisationIds,
  replaceProgrammeParties,
} from '@coproduce/db';
import {
  type Access,
  decide,
  isTwoFactorRequired,
  POLICY,
  type ProcedurePath,
  ROLES,
  type Role,
  rolesForOrganisationKind,
  type Target,
} from '@coproduce/domain';
import { initialSnapshot, WORKFLOWS } from '@coproduce/workflow';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, createCaller } from '../root.ts';
import { programmeDraft } from '../test-support/programme-terms.ts';
import { type RunningServer, startServer } from '../testing.ts';
import { createContextInner, type SessionInfo } from './context.ts';
import { POLICY_FORBIDDEN, POLICY_NOT_FOUND } from './init.ts';

let server: RunningServer;
const unique = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;

/** Two networks: in the first, a hub, two sites and a commissioner; in the second, the same. */
interface World {
  home: Record<'hub' | 'site' | 'otherSite' | 'commissioner' | 'otherHub', Organisation>;
  away: Record<'hub' | 'site' | 'commissioner', Organisation>;
}
let world: World;

async function buildWorld(): Promise<World> {
  const db = server.database.db;
  const homeNetwork = await createNetwork(db, { slug: 'home', name: 'Home network' });
  const awayNetwork = await createNetwork(db, { slug: 'away', name: 'Away network' });
  const org = (networkId: string, kind: Organisation['kind'], name: string) =>
    createOrganisation(db, { networkId, kind, name });
  return {
    home: {
      hub: await org(homeNetwork.id, 'hub', 'Home hub'),
      otherHub: await org(homeNetwork.id, 'hub', 'Home second hub'),
      site: await org(homeNetwork.id, 'site', 'Home site'),
      otherSite: await org(homeNetwork.id, 'site', 'Home other site'),
      commissioner: await org(homeNetwork.id, 'commissioner', 'Home commissioner'),
    },
    away: {
      hub: await org(awayNetwork.id, 'hub', 'Away hub'),
      site: await org(awayNetwork.id, 'site', 'Away site'),
      commissioner: await org(awayNetwork.id, 'commissioner', 'Away commissioner'),
    },
  };
}

async function newPerson() {
  return createPersonWithPassword(server.database.db, {
    name: 'Test Person',
    email: `${unique('person')}@test.example.org`,
    passwordHash: 'not-a-real-hash',
    emailVerified: true,
  });
}

async function memberOf(organisation: Organisation, role: Role) {
  const person = await newPerson();
  const membership = await insertMembership(server.database.db, {
    networkId: organisation.networkId,
    organisationId: organisation.id,
    personId: person.id,
    role,
    grantedBy: null,
  });
  if (!membership) throw new Error('membership not created');
  return { person, membership };
}

/** The organisation each role acts from in the matrix. */
function homeOrganisationFor(role: Role): Organisation {
  if (rolesForOrganisationKind('site').includes(role)) return world.home.site;
  if (rolesForOrganisationKind('hub').includes(role)) return world.home.hub;
  return world.home.commissioner;
}

/** Same kind as the actor's organisation: another one in the same network, and one in another network. */
function targetsFor(role: Role) {
  const own = homeOrganisationFor(role);
  const byKind = {
    hub: { sameNetwork: world.home.otherHub, otherNetwork: world.away.hub },
    site: { sameNetwork: world.home.otherSite, otherNetwork: world.away.site },
    commissioner: { sameNetwork: world.home.hub, otherNetwork: world.away.commissioner },
  }[own.kind];
  return {
    'own organisation': own,
    'other organisation': byKind.sameNetwork,
    'other network': byKind.otherNetwork,
  };
}

async function sessionFor(role: Role): Promise<SessionInfo> {
  const { person, membership } = await memberOf(homeOrganisationFor(role), role);
  return {
    id: crypto.randomUUID(),
    personId: person.id,
    activeMembershipId: membership.id,
    twoFactorEnabled: true,
  };
}

const extraRole: Record<Organisation['kind'], { has: Role; grant: Role }> = {
  hub: { has: 'community_researcher', grant: 'auditor' },
  site: { has: 'practitioner', grant: 'community_researcher' },
  commissioner: { has: 'auditor', grant: 'commissioner' },
};

/**
 * For each role-scoped procedure: the input that points at an object in `target`, and the
 * object the policy judges (network-wide procedures always concern the caller's own network).
 */
type Fixture = (
  target: Organisation,
  actorNetworkId: string,
) => Promise<{ input: unknown; object: Target }>;
const inOrganisation = (o: Organisation): Target => ({
  networkId: o.networkId,
  organisationIds: [o.id],
});
const ownNetworkObject = async (_: Organisation, networkId: string) => ({
  input: {},
  object: { networkId, organisationIds: [] },
});

const DRAFT = programmeDraft('Matrix programme');

/** A programme that involves `o`: as its hub, one of its sites, or a co-funder. */
async function programmeInvolving(o: Organisation) {
  const db = server.database.db;
  const network = o.networkId === world.home.hub.networkId ? world.home : world.away;
  const snapshot = initialSnapshot('programme');
  const creator = await newPerson();
  const programme = await insertProgramme(db, {
    ...DRAFT,
    networkId: o.networkId,
    hubOrganisationId: o.kind === 'hub' ? o.id : network.hub.id,
    state: 'proposal.draft',
    stage: 'proposal',
    snapshot,
    machineVersion: WORKFLOWS.programme.version,
    createdBy: creator.id,
  });
  const site = o.kind === 'site' ? o : network.site;
  await replaceProgrammeParties(db, {
    networkId: o.networkId,
    programmeId: programme.id,
    siteIds: [site.id],
    funders: o.kind === 'commissioner' ? [{ organisationId: o.id, shareBasisPoints: 10_000 }] : [],
  });
  return {
    programme,
    site,
    object: {
      networkId: o.networkId,
      organisationIds: await programmeOrganisationIds(db, programme),
    },
  };
}

async function milestoneInvolving(o: Organisation) {
  const { programme, site } = await programmeInvolving(o);
  const snapshot = initialSnapshot('milestone');
  const milestone = await insertMilestone(server.database.db, {
    networkId: o.networkId,
    programmeId: programme.id,
    siteOrganisationId: site.id,
    title: 'Matrix milestone',
    valuePence: 100_000,
    state: 'planned',
    snapshot,
    machineVersion: WORKFLOWS.milestone.version,
  });
  const funders = o.kind === 'commissioner' ? [o.id] : [];
  return {
    milestone,
    object: {
      networkId: o.networkId,
      organisationIds: [programme.hubOrganisationId, site.id, ...funders],
    },
  };
}

async function paidRoleInvolving(o: Organisation) {
  const { programme, site } = await programmeInvolving(o);
  const snapshot = initialSnapshot('paidRole');
  const paidRole = await insertPaidRole(server.database.db, {
    networkId: o.networkId,
    programmeId: programme.id,
    siteOrganisationId: site.id,
    title: 'Matrix role',
    state: 'drafted',
    snapshot,
    machineVersion: WORKFLOWS.paidRole.version,
  });
  const funders = o.kind === 'commissioner' ? [o.id] : [];
  return {
    paidRole,
    object: {
      networkId: o.networkId,
      organisationIds: [programme.hubOrganisationId, site.id, ...funders],
    },
  };
}

const onProgramme =
  (extra: (p: { id: string; siteId: string }) => Record<string, unknown>): Fixture =>
  async (o) => {
    const { programme, site, object } = await programmeInvolving(o);
    return {
      input: { programmeId: programme.id, ...extra({ id: programme.id, siteId: site.id }) },
      object,
    };
  };
const onMilestone =
  (extra: Record<string, unknown> = {}): Fixture =>
  async (o) => {
    const { milestone, object } = await milestoneInvolving(o);
    return { input: { milestoneId: milestone.id, ...extra }, object };
  };
/**
 * A claim on a programme involving `o`. A claim involves the programme's hub and co-funders,
 * never its sites. With `funded`, a programme without a co-funder gets one (a statement is
 * always one funder's): a commissioner of its own, so other commissioners stay out of reach.
 */
async function claimInvolving(o: Organisation, funded = false) {
  const db = server.database.db;
  const { programme, site } = await programmeInvolving(o);
  let funder = o.kind === 'commissioner' ? o : null;
  if (!funder && funded) {
    funder = await createOrganisation(db, {
      networkId: o.networkId,
      kind: 'commissioner',
      name: unique('Matrix funder'),
    });
    await replaceProgrammeParties(db, {
      networkId: o.networkId,
      programmeId: programme.id,
      siteIds: [site.id],
      funders: [{ organisationId: funder.id, shareBasisPoints: 10_000 }],
    });
  }
  const snapshot = initialSnapshot('claim');
  const claim = await insertClaim(db, {
    networkId: o.networkId,
    programmeId: programme.id,
    periodStart: '2026-01-01',
    periodEnd: '2026-03-31',
    state: 'verification',
    snapshot,
    machineVersion: WORKFLOWS.claim.version,
    preparedBy: programme.createdBy,
    verificationSeed: 'matrix',
    totalPence: 0,
  });
  return {
    claim,
    funder,
    object: {
      networkId: o.networkId,
      organisationIds: [programme.hubOrganisationId, ...(funder ? [funder.id] : [])],
    },
  };
}
const onClaim =
  (extra: Record<string, unknown> = {}): Fixture =>
  async (o) => {
    const { claim, object } = await claimInvolving(o);
    return { input: { claimId: claim.id, ...extra }, object };
  };
const MATRIX_CARD = {
  outcomes: [
    {
      code: 'ATTEND-6',
      definition: 'Attended six sessions',
      trigger: { kind: 'attended-sessions', minSessions: 6 },
      pricePence: 10_000,
      maxClaimsPerParticipant: 1,
    },
  ],
  participantCapPence: null,
  contractCapPence: null,
};

const onPaidRole =
  (extra: Record<string, unknown> = {}): Fixture =>
  async (o) => {
    const { paidRole, object } = await paidRoleInvolving(o);
    return { input: { paidRoleId: paidRole.id, ...extra }, object };
  };

/** A participant, a session and a questionnaire at the site of a programme involving `o`. */
async function siteRecordsInvolving(o: Organisation) {
  const db = server.database.db;
  const { programme, site } = await programmeInvolving(o);
  const person = await newPerson();
  const [participant] = await insertParticipants(db, [
    {
      networkId: o.networkId,
      siteOrganisationId: site.id,
      programmeId: programme.id,
      code: unique('P').slice(0, 12),
      enrolledOn: '2026-01-05',
      enrolledBy: person.id,
    },
  ]);
  if (!participant) throw new Error('participant not created');
  const session = await insertDeliverySession(db, {
    networkId: o.networkId,
    siteOrganisationId: site.id,
    programmeId: programme.id,
    heldOn: '2026-01-12',
    kind: 'group',
    durationMinutes: 60,
    practitionerId: person.id,
    recordedBy: person.id,
    idempotencyKey: unique('session'),
  });
  const [response] = await insertQuestionnaireResponses(db, [
    {
      networkId: o.networkId,
      siteOrganisationId: site.id,
      programmeId: programme.id,
      participantId: participant.id,
      instrument: 'PHQ9',
      timepointCode: 'baseline',
      recordedOn: '2026-01-05',
      collectedBy: person.id,
      collectorRole: 'practitioner',
      answers: [0, 0, 0, 0, 0, 0, 0, 0, 1],
      valid: true,
      total: 1,
      riskFlag: true,
      idempotencyKey: unique('response'),
    },
  ]);
  if (!session || !response) throw new Error('site records not created');
  return {
    programme,
    site,
    participantId: participant.id,
    sessionId: session.id,
    responseId: response.id,
    object: inOrganisation(site),
  };
}

/** Procedures about one site of a programme (its records, never the hub's or co-funders'). */
const onSite =
  (extra: (p: { programmeId: string; siteId: string }) => Record<string, unknown>): Fixture =>
  async (o) => {
    const { programme, site } = await programmeInvolving(o);
    return {
      input: { siteId: site.id, ...extra({ programmeId: programme.id, siteId: site.id }) },
      object: inOrganisation(site),
    };
  };
const onSiteRecord =
  (
    extra: (r: {
      participantId: string;
      sessionId: string;
      responseId: string;
    }) => Record<string, unknown>,
  ): Fixture =>
  async (o) => {
    const { object, ...records } = await siteRecordsInvolving(o);
    return { input: extra(records), object };
  };

const ENROLMENT = {
  enrolledOn: '2026-01-05',
  identity: { givenName: 'Matrix', familyName: 'Person', dateOfBirth: '1990-01-01' },
  consent: {
    noticeVersion: 'v1',
    serviceDelivery: true,
    evaluation: true,
    sharingWithCommissioners: false,
    givenOn: '2026-01-05',
  },
};

/** Money (issue 5): a work log at the site of a programme involving `o`; it belongs to that site. */
async function workLogInvolving(o: Organisation) {
  const db = server.database.db;
  const { paidRole } = await paidRoleInvolving(o);
  const person = await newPerson();
  const session = await insertDeliverySession(db, {
    networkId: o.networkId,
    siteOrganisationId: paidRole.siteOrganisationId,
    programmeId: paidRole.programmeId,
    heldOn: '2026-01-12',
    kind: 'group',
    durationMinutes: 60,
    practitionerId: person.id,
    recordedBy: person.id,
    idempotencyKey: unique('session'),
  });
  if (!session) throw new Error('session not created');
  const log = await insertWorkLog(db, {
    networkId: o.networkId,
    paidRoleId: paidRole.id,
    personId: person.id,
    kind: 'session',
    deliverySessionId: session.id,
    workedOn: '2026-01-12',
    minutes: 60,
    state: 'logged',
  });
  return { log, object: inOrganisation({ ...o, id: paidRole.siteOrganisationId }) };
}
const onWorkLog =
  (extra: () => Record<string, unknown>): Fixture =>
  async (o) => {
    const { log, object } = await workLogInvolving(o);
    return { input: { workLogId: log.id, ...extra() }, object };
  };
/** Payment runs, payees and bank details belong to their network as a whole. */
const onPaymentRun =
  (extra: () => Record<string, unknown>): Fixture =>
  async (o) => {
    const creator = await newPerson();
    const run = await insertPaymentRun(server.database.db, {
      networkId: o.networkId,
      dueBy: '2026-01-31',
      state: 'draft',
      snapshot: initialSnapshot('paymentRun'),
      machineVersion: WORKFLOWS.paymentRun.version,
      createdBy: creator.id,
      totalPence: 0,
      lineCount: 0,
      exclusions: [],
    });
    return {
      input: { runId: run.id, ...extra() },
      object: { networkId: o.networkId, organisationIds: [] },
    };
  };
const ownNetworkWith =
  (input: () => Record<string, unknown>): Fixture =>
  async (_o, networkId) => ({ input: input(), object: { networkId, organisationIds: [] } });
const BANK_ACCOUNT = { sortCode: '30-99-50', accountNumber: '12345678', accountName: 'Matrix' };

const FIXTURES: Record<string, Fixture> = {
  'paidRole.setPay': onPaidRole({ basis: 'per_session', ratePence: 5000 }),
  'workLog.mine': ownNetworkObject,
  'workLog.log': async (o) => {
    const { paidRole, object } = await paidRoleInvolving(o);
    return {
      input: {
        paidRoleId: paidRole.id,
        work: { kind: 'session', sessionId: crypto.randomUUID() },
        idempotencyKey: unique('log'),
      },
      object,
    };
  },
  'workLog.toConfirm': ownNetworkObject,
  'workLog.confirm': onWorkLog(() => ({ decision: 'confirm' })),
  'workLog.toApprove': ownNetworkObject,
  'workLog.approve': onWorkLog(() => ({ decision: 'approve', idempotencyKey: unique('approve') })),
  'bankDetails.mine': ownNetworkObject,
  'bankDetails.forPayee': async (o) => {
    const payee = await ensurePayee(server.database.db, {
      networkId: o.networkId,
      organisationId: o.id,
    });
    return {
      input: { payeeId: payee.id },
      object: { networkId: o.networkId, organisationIds: [] },
    };
  },
  'bankDetails.request': ownNetworkWith(() => BANK_ACCOUNT),
  'bankDetails.pending': ownNetworkObject,
  'bankDetails.decide': async (o) => {
    const db = server.database.db;
    const requester = await newPerson();
    const payee = await ensurePayee(db, { networkId: o.networkId, personId: requester.id });
    const id = crypto.randomUUID();
    await insertBankDetails(db, {
      id,
      networkId: o.networkId,
      payeeId: payee.id,
      encrypted: 'not-a-real-ciphertext',
      accountLast3: '678',
      requestedBy: requester.id,
    });
    return {
      input: { bankDetailsId: id, decision: 'reject' },
      object: { networkId: o.networkId, organisationIds: [] },
    };
  },
  'payable.list': ownNetworkObject,
  'paymentRun.create': ownNetworkWith(() => ({
    dueBy: '2026-01-31',
    idempotencyKey: unique('create'),
  })),
  'paymentRun.list': ownNetworkObject,
  'paymentRun.get': onPaymentRun(() => ({})),
  'paymentRun.history': onPaymentRun(() => ({})),
  'paymentRun.approve': onPaymentRun(() => ({
    totpCode: '123456',
    idempotencyKey: unique('approve'),
  })),
  'paymentRun.release': onPaymentRun(() => ({ idempotencyKey: unique('release') })),
  'paymentRun.cancel': onPaymentRun(() => ({ reason: 'Matrix' })),
  'paymentRun.download': onPaymentRun(() => ({ file: 'bacs' })),
  'paymentRun.remittance': onPaymentRun(() => ({ payeeId: crypto.randomUUID() })),
  'paymentRun.recordConfirmation': onPaymentRun(() => ({
    idempotencyKey: unique('confirm'),
    lines: [{ lineId: crypto.randomUUID(), outcome: 'failed', reason: 'Matrix' }],
  })),
  'paymentRun.uploadConfirmation': onPaymentRun(() => ({
    idempotencyKey: unique('upload'),
    contentBase64: Buffer.from('reference,status,reason\nCP 1 00001,paid,\n').toString('base64'),
  })),
  'payment.mine': ownNetworkObject,
  'payment.myRemittance': ownNetworkWith(() => ({ runId: crypto.randomUUID() })),
  'money.programme': onProgramme(() => ({})),
  'participant.enrol': onSite(({ programmeId }) => ({ programmeId, enrolment: ENROLMENT })),
  'participant.search': onSite(() => ({ query: 'Matrix' })),
  'participant.list': onSite(() => ({})),
  'participant.get': onSiteRecord(({ participantId }) => ({ participantId })),
  'participant.recordConsent': onSiteRecord(({ participantId }) => ({
    participantId,
    consent: ENROLMENT.consent,
  })),
  'participant.withdrawConsent': onSiteRecord(({ participantId }) => ({
    participantId,
    withdrawnOn: '2026-02-01',
  })),
  'participant.exportSubjectAccess': onSiteRecord(({ participantId }) => ({ participantId })),
  'participant.erase': onSiteRecord(({ participantId }) => ({
    participantId,
    reason: 'recorded-in-error',
  })),
  'participant.missingAtTimepoint': onSite(({ programmeId }) => ({
    programmeId,
    timepointCode: 'baseline',
  })),
  'participant.registerCandidates': onSite(({ programmeId }) => ({ programmeId })),
  'deliverySession.record': onSite(({ programmeId }) => ({
    programmeId,
    heldOn: '2026-01-12',
    kind: 'group',
    durationMinutes: 60,
    practitionerId: crypto.randomUUID(),
    register: [],
    idempotencyKey: unique('session'),
  })),
  'deliverySession.list': onSite(() => ({})),
  'deliverySession.get': onSiteRecord(({ sessionId }) => ({ sessionId })),
  'deliverySession.updateRegister': onSiteRecord(({ sessionId }) => ({ sessionId, register: [] })),
  'questionnaire.record': onSiteRecord(({ participantId }) => ({
    participantId,
    instrument: 'PHQ9',
    timepointCode: 'baseline',
    recordedOn: '2026-01-05',
    answers: [0, 0, 0, 0, 0, 0, 0, 0, 0],
    idempotencyKey: unique('response'),
  })),
  'questionnaire.openRisks': onSite(() => ({})),
  'questionnaire.acknowledgeRisk': onSiteRecord(({ responseId }) => ({
    responseId,
    action: 'referred',
  })),
  'organisation.updateSafeguardingContact': async (o) => ({
    input: { organisationId: o.id, name: 'Safeguarding lead', phone: '020 7946 0000' },
    object: inOrganisation(o),
  }),
  'programme.create': async (_o, networkId) => ({
    input: DRAFT,
    object: { networkId, organisationIds: [] },
  }),
  'programme.list': ownNetworkObject,
  'programme.updateDraft': onProgramme(() => ({ expectedVersion: 1, draft: DRAFT })),
  'programme.get': onProgramme(() => ({})),
  'programme.allowedActions': onProgramme(() => ({})),
  'programme.history': onProgramme(() => ({})),
  'programme.transition': onProgramme(() => ({ expectedVersion: 1, event: 'SUBMIT' })),
  'programme.signOffShare': onProgramme(() => ({})),
  'milestone.create': onProgramme(() => ({ title: 'New milestone', valuePence: 1000 })),
  'milestone.update': onMilestone({ expectedVersion: 1, title: 'Renamed', valuePence: 2000 }),
  'milestone.get': onMilestone(),
  'milestone.list': ownNetworkObject,
  'milestone.allowedActions': onMilestone(),
  'milestone.history': onMilestone(),
  'milestone.transition': onMilestone({ expectedVersion: 1, event: 'SUBMIT' }),
  'paidRole.create': onProgramme(({ siteId }) => ({ siteId, title: 'Family practitioner' })),
  'paidRole.update': onPaidRole({ expectedVersion: 1, title: 'Renamed role' }),
  'paidRole.get': onPaidRole(),
  'paidRole.list': ownNetworkObject,
  'paidRole.allowedActions': onPaidRole(),
  'paidRole.history': onPaidRole(),
  'paidRole.transition': onPaidRole({ expectedVersion: 1, event: 'FUND' }),
  'paidRole.recordCheck': onPaidRole({
    kind: 'enhanced_dbs',
    reference: 'DBS 001234567890',
    expiresOn: null,
  }),
  'work.needsMe': ownNetworkObject,
  'work.keyPersonRisks': ownNetworkObject,
  // Limited to one site, a report involves the hub, that site and the co-funders.
  'outcomes.report': onProgramme(({ siteId }) => ({ siteId })),
  'outcomes.monitoringReport': onProgramme(({ siteId }) => ({ siteId, format: 'xlsx' })),
  'rateCard.versions': onProgramme(() => ({})),
  'rateCard.amend': onProgramme(() => ({ effectiveFrom: '2026-01-01', card: MATRIX_CARD })),
  'rateCard.preview': onProgramme(() => ({ card: MATRIX_CARD, example: { 'ATTEND-6': 3 } })),
  'claim.list': onProgramme(() => ({})),
  'claim.compute': onProgramme(() => ({
    periodStart: '2026-01-01',
    periodEnd: '2026-01-31',
    idempotencyKey: unique('compute'),
  })),
  'claim.get': onClaim(),
  'claim.allowedActions': onClaim(),
  'claim.history': onClaim(),
  'claim.transition': onClaim({ expectedVersion: 1, event: 'COMPLETE_VERIFICATION' }),
  'claim.verifyLine': onClaim({ lineId: crypto.randomUUID(), result: 'passed' }),
  'claim.approve': onClaim({ expectedVersion: 1, idempotencyKey: unique('approve') }),
  'claim.countersign': onClaim({ expectedVersion: 1, idempotencyKey: unique('countersign') }),
  'claim.recordSettlement': onClaim({
    funderOrganisationId: crypto.randomUUID(),
    reference: 'BACS 1',
    idempotencyKey: unique('settle'),
  }),
  // One funder's statement involves the hub and that funder only.
  'claim.statement': async (o) => {
    const { claim, funder, object } = await claimInvolving(o, true);
    return {
      input: { claimId: claim.id, funderOrganisationId: funder?.id, format: 'csv' },
      object,
    };
  },
  'indigo.programme': onProgramme(() => ({})),
  // Evidence imports concern one site of the programme, never its hub or co-funders.
  'evidenceImport.choices': async (o) => {
    const { programme, site } = await programmeInvolving(o);
    return { input: { programmeId: programme.id, siteId: site.id }, object: inOrganisation(site) };
  },
  'evidenceImport.template': async (o) => {
    const { programme, site } = await programmeInvolving(o);
    return {
      input: { programmeId: programme.id, siteId: site.id, kind: 'participants', format: 'csv' },
      object: inOrganisation(site),
    };
  },
  'evidenceImport.upload': async (o) => {
    const { programme, site } = await programmeInvolving(o);
    return {
      input: {
        programmeId: programme.id,
        siteId: site.id,
        kind: 'participants',
        fileName: 'participants.csv',
        contentBase64: Buffer.from('given_name\n').toString('base64'),
      },
      object: inOrganisation(site),
    };
  },
  'organisation.list': ownNetworkObject,
  'audit.list': ownNetworkObject,
  'audit.verify': ownNetworkObject,
  'people.listMembers': async (o) => ({
    input: { organisationId: o.id },
    object: inOrganisation(o),
  }),
  'invitation.list': async (o) => ({ input: { organisationId: o.id }, object: inOrganisation(o) }),
  'membership.grant': async (o) => {
    const { person } = await memberOf(o, extraRole[o.kind].has);
    return {
      input: { organisationId: o.id, personId: person.id, role: extraRole[o.kind].grant },
      object: inOrganisation(o),
    };
  },
  'membership.revoke': async (o) => {
    const { membership } = await memberOf(o, extraRole[o.kind].has);
    return { input: { membershipId: membership.id }, object: inOrganisation(o) };
  },
  'invitation.create': async (o) => ({
    input: {
      organisationId: o.id,
      email: `${unique('invitee')}@test.example.org`,
      role: extraRole[o.kind].has,
    },
    object: inOrganisation(o),
  }),
  'invitation.revoke': async (o) => {
    const inviter = await memberOf(o, extraRole[o.kind].has);
    const invitation = await insertInvitation(server.database.db, {
      networkId: o.networkId,
      organisationId: o.id,
      email: `${unique('invitee')}@test.example.org`,
      role: extraRole[o.kind].has,
      tokenHash: unique('hash'),
      invitedBy: inviter.person.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    return { input: { invitationId: invitation.id }, object: inOrganisation(o) };
  },
};

const roleScoped = (Object.entries(POLICY) as [ProcedurePath, Access][]).filter(
  ([, a]) => a.kind === 'roles',
);

/** What the policy layer decided: a service's own refusal still counts as "allowed through". */
async function call(session: SessionInfo | null, path: string, input: unknown) {
  const caller = createCaller(createContextInner(server.deps, session));
  const [group, name] = path.split('.') as [string, string];
  const procedure = (
    caller as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>
  )[group]?.[name];
  if (!procedure) throw new Error(`no procedure ${path}`);
  try {
    await procedure(input);
    return 'allow';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === 'FORBIDDEN' && error.message === POLICY_FORBIDDEN) return 'FORBIDDEN';
    if (error.code === 'NOT_FOUND' && error.message === POLICY_NOT_FOUND) return 'NOT_FOUND';
    if (
      error.code === 'UNAUTHORIZED' ||
      (error.code === 'PRECONDITION_FAILED' &&
        error.message.startsWith('Choose which organisation'))
    )
      return error.code;
    if (error.code === 'FORBIDDEN' && error.message.includes('two-factor')) return 'FORBIDDEN';
    if (error.code === 'INTERNAL_SERVER_ERROR') throw error;
    return 'allow';
  }
}

const EXPECTED_CODE = { allow: 'allow', forbidden: 'FORBIDDEN', 'not-found': 'NOT_FOUND' } as const;

beforeAll(async () => {
  server = await startServer({ seed: false });
  world = await buildWorld();
});
afterAll(async () => {
  await server?.close();
});

describe('policy table', () => {
  it('lists every procedure of the router, and nothing else', () => {
    const routed = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(POLICY).sort()).toEqual(routed);
  });

  it('has a matrix fixture for every role-scoped procedure', () => {
    expect(roleScoped.map(([path]) => path).sort()).toEqual(Object.keys(FIXTURES).sort());
  });
});

describe('role × ownership matrix', () => {
  for (const [path, access] of roleScoped) {
    it(`${path}: allows and refuses exactly as the policy says`, async () => {
      const results: string[] = [];
      for (const role of ROLES) {
        const session = await sessionFor(role);
        for (const [relation, target] of Object.entries(targetsFor(role))) {
          const fixture = FIXTURES[path];
          if (!fixture) throw new Error(`no fixture for ${path}`);
          const { input, object } = await fixture(target, world.home.hub.networkId);
          const actor = {
            role,
            organisationId: homeOrganisationFor(role).id,
            networkId: world.home.hub.networkId,
          };
          const expected = EXPECTED_CODE[decide(access, actor, object)];
          const actual = await call(session, path, input);
          results.push(
            `${role} / ${relation}: ${actual === expected ? 'ok' : `expected ${expected}, got ${actual}`}`,
          );
        }
      }
      expect(results.filter((r) => !r.endsWith(': ok'))).toEqual([]);
      expect(results).toHaveLength(ROLES.length * 3);
    }, 120_000);
  }
});

describe('policy middleware', () => {
  it('refuses every non-public procedure without a session', async () => {
    for (const [path, access] of Object.entries(POLICY) as [string, Access][]) {
      if (access.kind === 'public') continue;
      const fixture = FIXTURES[path];
      const input = fixture ? (await fixture(world.home.hub, world.home.hub.networkId)).input : {};
      expect(`${path}: ${await call(null, path, input)}`).toBe(`${path}: UNAUTHORIZED`);
    }
  });

  it('serves nothing role-scoped to a finance officer or approver without two-factor', async () => {
    for (const role of ROLES.filter(isTwoFactorRequired)) {
      const session = { ...(await sessionFor(role)), twoFactorEnabled: false };
      for (const [path] of roleScoped) {
        const fixture = FIXTURES[path];
        if (!fixture) throw new Error(`no fixture for ${path}`);
        const { input } = await fixture(homeOrganisationFor(role), world.home.hub.networkId);
        expect(`${role} ${path}: ${await call(session, path, input)}`).toBe(
          `${role} ${path}: FORBIDDEN`,
        );
      }
    }
  });

  it('asks a person with no organisation chosen to choose one', async () => {
    const { person } = await memberOf(world.home.hub, 'hub_coordinator');
    const session = {
      id: crypto.randomUUID(),
      personId: person.id,
      activeMembershipId: null,
      twoFactorEnabled: false,
    };
    expect(await call(session, 'organisation.list', {})).toBe('PRECONDITION_FAILED');
  });

  it('answers another network’s object as not found, with the same words as a missing one', async () => {
    const session = await sessionFor('hub_coordinator');
    const caller = createCaller(createContextInner(server.deps, session));
    const foreign = await caller.people
      .listMembers({ organisationId: world.away.site.id })
      .catch((e: TRPCError) => e);
    const missing = await caller.people
      .listMembers({ organisationId: crypto.randomUUID() })
      .catch((e: TRPCError) => e);
    expect(foreign).toBeInstanceOf(TRPCError);
    expect(missing).toBeInstanceOf(TRPCError);
    expect((foreign as TRPCError).code).toBe('NOT_FOUND');
    expect((foreign as TRPCError).message).toBe((missing as TRPCError).message);
  });
});
