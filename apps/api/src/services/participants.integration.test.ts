import { verifyAuditChain } from '@coproduce/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerAs, refusal } from '../test-support/callers.ts';
import { type RunningServer, startServer } from '../testing.ts';
import { today } from '../time.ts';

let server: RunningServer;
let samuel: Caller; // site lead, St Brigid's
let ruth: Caller; // practitioner, St Brigid's
let yusuf: Caller; // site lead, Al-Noor
let grace: Caller; // hub coordinator
let priya: Caller; // commissioner
let programmeId: string;
let stBrigids: string;
let alNoor: string;
const on = today();

const IDENTIFYING = [
  'givenName',
  'familyName',
  'dateOfBirth',
  'email',
  'phone',
  'postcode',
  'nhsNumber',
];

const enrolment = (familyName: string, extra: Record<string, unknown> = {}) => ({
  enrolledOn: on,
  identity: {
    givenName: 'Ada',
    familyName,
    dateOfBirth: '1984-02-29',
    phone: '07700 900123',
    nhsNumber: '943 476 5919',
    ...extra,
  },
  consent: {
    noticeVersion: '2026-01',
    serviceDelivery: true,
    evaluation: true,
    sharingWithCommissioners: true,
    givenOn: on,
  },
  equality: { sex: 'female' as const, religion: 'prefer-not-to-say' as const },
});

/** Where a validation refusal points: the input paths of its issues. */
const issuePaths = (error: unknown) =>
  ((error as { cause?: { issues?: { path: PropertyKey[] }[] } }).cause?.issues ?? []).map((issue) =>
    issue.path.join('.'),
  );

const phq9 = (participantId: string, answers: (number | null)[], key = crypto.randomUUID()) =>
  samuel.questionnaire.record({
    participantId,
    instrument: 'PHQ9',
    timepointCode: 'baseline',
    recordedOn: on,
    answers,
    idempotencyKey: key,
  });

beforeAll(async () => {
  server = await startServer();
  samuel = await callerAs(server, 'samuel.adeyemi@stbrigids.example.org');
  ruth = await callerAs(server, 'ruth.campbell@stbrigids.example.org');
  yusuf = await callerAs(server, 'yusuf.karim@alnoor.example.org');
  grace = await callerAs(server, 'grace.mensah@hub.example.org');
  priya = await callerAs(server, 'priya.raman@icb.example.org');
  const { programmes } = await grace.programme.list({});
  const family = programmes.find((p) => p.name.startsWith('Family therapy clinics'));
  if (!family) throw new Error('no family therapy programme in the seed');
  programmeId = family.id;
  stBrigids = family.sites.find((s) => s.name.startsWith('St Brigid'))?.id ?? '';
  alNoor = family.sites.find((s) => s.name.startsWith('Al-Noor'))?.id ?? '';
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('participants and their identifying details', () => {
  it('keeps identifying details to the participant’s own site and audits every read', async () => {
    const { participantId, code } = await samuel.participant.enrol({
      programmeId,
      siteId: stBrigids,
      enrolment: enrolment('Lovelace'),
    });
    expect(code).toMatch(/^[A-Z]{3}-[0-9A-Z]{6}$/);

    const record = await ruth.participant.get({ participantId });
    expect(record.identity).toMatchObject({ familyName: 'Lovelace', nhsNumber: '9434765919' });
    expect(record.equality.ageBand).toBe('35-44');

    // Another site's lead: the same words as for something that does not exist.
    const missing = await refusal(yusuf.participant.get({ participantId: crypto.randomUUID() }));
    const otherSite = await refusal(yusuf.participant.get({ participantId }));
    expect(otherSite.code).toBe('NOT_FOUND');
    expect(otherSite.message).toBe(missing.message);
    expect(
      (await refusal(yusuf.participant.search({ siteId: stBrigids, query: 'Lovelace' }))).code,
    ).toBe('NOT_FOUND');
    // The hub and commissioners never receive identifying fields.
    expect((await refusal(grace.participant.get({ participantId }))).code).toBe('FORBIDDEN');
    expect((await refusal(priya.participant.list({ siteId: stBrigids }))).code).toBe('FORBIDDEN');
    const { participants } = await grace.participant.list({
      siteId: stBrigids,
      programmeId,
      limit: 200,
    });
    const listed = participants.find((p) => p.participantId === participantId);
    expect(Object.keys(listed ?? {}).sort()).toEqual(
      ['code', 'consent', 'enrolledOn', 'erased', 'participantId', 'programmeId'].sort(),
    );
    for (const row of participants)
      for (const field of IDENTIFYING) expect(row).not.toHaveProperty(field);

    const { entries } = await grace.audit.list({ action: 'participant.identity-read', limit: 50 });
    const reads = entries.filter((e) => JSON.stringify(e.detail).includes(code));
    expect(reads.length).toBeGreaterThanOrEqual(1);
    const trail = JSON.stringify((await grace.audit.list({ limit: 200 })).entries);
    expect(trail).not.toContain('Lovelace');
    expect(trail).not.toContain('1984-02-29');
    expect(trail).not.toContain('9434765919');
  });

  it('finds people at the site by name, code or NHS number', async () => {
    const { code } = await samuel.participant.enrol({
      programmeId,
      siteId: stBrigids,
      enrolment: enrolment('Hopper', { nhsNumber: '9434765870' }),
    });
    expect(
      (await samuel.participant.search({ siteId: stBrigids, query: 'ada hopp' })).map(
        (r) => r.code,
      ),
    ).toEqual([code]);
    expect(
      (await samuel.participant.search({ siteId: stBrigids, query: code })).map((r) => r.code),
    ).toEqual([code]);
    expect(
      (await samuel.participant.search({ siteId: stBrigids, query: '943 476 5870' })).map(
        (r) => r.code,
      ),
    ).toEqual([code]);
  });

  it('names the field and the problem for bad enrolment details', async () => {
    const badNhs = await refusal(
      samuel.participant.enrol({
        programmeId,
        siteId: stBrigids,
        enrolment: enrolment('Turing', { nhsNumber: '943 476 5918' }),
      }),
    );
    expect(badNhs.code).toBe('BAD_REQUEST');
    expect(issuePaths(badNhs)).toContain('enrolment.identity.nhsNumber');
    const noConsent = await refusal(
      samuel.participant.enrol({
        programmeId,
        siteId: stBrigids,
        enrolment: {
          ...enrolment('Turing'),
          consent: { ...enrolment('Turing').consent, serviceDelivery: false },
        },
      }),
    );
    expect(noConsent.code).toBe('BAD_REQUEST');
    expect(issuePaths(noConsent)).toContain('enrolment.consent.serviceDelivery');
  });
});

describe('questionnaires', () => {
  it('scores on the server, raises the PHQ-9 risk flag with the safeguarding contact, and stores a retry once', async () => {
    const { participantId } = await samuel.participant.enrol({
      programmeId,
      siteId: stBrigids,
      enrolment: enrolment('Franklin'),
    });
    const key = crypto.randomUUID();
    const first = await phq9(participantId, [2, 2, 1, 2, 1, 1, 2, 1, 2], key);
    expect(first).toMatchObject({
      total: 14,
      band: 'moderate',
      caseness: true,
      riskFlag: true,
      alreadyRecorded: false,
    });
    expect(first.safeguarding).toEqual({
      siteName: "St Brigid's Community Church",
      name: 'Joan Okoro (designated safeguarding lead)',
      phone: '020 7946 0101',
    });
    const again = await phq9(participantId, [2, 2, 1, 2, 1, 1, 2, 1, 2], key);
    expect(again).toMatchObject({ responseId: first.responseId, alreadyRecorded: true });
    const sameKeyOtherAnswers = await refusal(
      phq9(participantId, [0, 0, 0, 0, 0, 0, 0, 0, 0], key),
    );
    expect(sameKeyOtherAnswers.code).toBe('CONFLICT');
    const record = await samuel.participant.get({ participantId });
    expect(record.questionnaires).toHaveLength(1);

    const risks = await samuel.questionnaire.openRisks({ siteId: stBrigids });
    expect(risks.flags.map((f) => f.id)).toContain(first.responseId);
    await ruth.questionnaire.acknowledgeRisk({ responseId: first.responseId, action: 'referred' });
    expect(
      (await samuel.questionnaire.openRisks({ siteId: stBrigids })).flags.map((f) => f.id),
    ).not.toContain(first.responseId);
  });

  it('refuses an answer out of range naming the item, and prorates up to two missing items', async () => {
    const { participantId } = await samuel.participant.enrol({
      programmeId,
      siteId: stBrigids,
      enrolment: enrolment('Noether'),
    });
    const outOfRange = await refusal(phq9(participantId, [1, 1, 1, 4, 1, 1, 1, 1, 0]));
    expect(outOfRange.code).toBe('BAD_REQUEST');
    expect(outOfRange.message).toMatch(/Item 4/);
    const prorated = await phq9(participantId, [3, 3, null, 3, 3, null, 3, 3, 0]);
    // Seven answers sum to 18; 18 × 9 / 7 = 23.1, rounded half up to 23.
    expect(prorated).toMatchObject({ valid: true, total: 23, missingItems: 2 });
  });

  it('stops recording from the date consent is withdrawn', async () => {
    const { participantId } = await samuel.participant.enrol({
      programmeId,
      siteId: stBrigids,
      enrolment: enrolment('Meitner'),
    });
    await samuel.participant.withdrawConsent({ participantId, withdrawnOn: on });
    const refused = await refusal(phq9(participantId, [0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect((await samuel.participant.get({ participantId })).consent).toBe('withdrawn');
  });
});

describe('sessions and registers', () => {
  it('records a group register once per idempotency key and only for the site’s own participants', async () => {
    const mine = await samuel.participant.enrol({
      programmeId,
      siteId: stBrigids,
      enrolment: enrolment('Curie'),
    });
    const theirs = await yusuf.participant.enrol({
      programmeId,
      siteId: alNoor,
      enrolment: enrolment('Khwarizmi'),
    });
    const me = await ruth.session.me();
    const session = {
      programmeId,
      siteId: stBrigids,
      heldOn: on,
      kind: 'group' as const,
      title: 'Parenting group',
      durationMinutes: 90,
      practitionerId: me.person.id,
      register: [{ participantId: mine.participantId, status: 'attended' as const }],
      idempotencyKey: crypto.randomUUID(),
    };
    const first = await ruth.deliverySession.record(session);
    expect(await ruth.deliverySession.record(session)).toEqual({
      sessionId: first.sessionId,
      alreadyRecorded: true,
    });
    const stray = await refusal(
      ruth.deliverySession.record({
        ...session,
        idempotencyKey: crypto.randomUUID(),
        register: [{ participantId: theirs.participantId, status: 'attended' }],
      }),
    );
    expect(stray.code).toBe('BAD_REQUEST');
    const view = await samuel.deliverySession.get({ sessionId: first.sessionId });
    expect(view.register).toEqual([
      { participantId: mine.participantId, code: mine.code, name: 'Ada Curie', status: 'attended' },
    ]);
    const timeline = await samuel.participant.get({ participantId: mine.participantId });
    expect(timeline.sessions.map((s) => s.attendance)).toEqual(['attended']);
  });
});

describe('subject access and erasure', () => {
  it('exports everything held, then erases identifying details while evaluation rows and the audit chain stay sound', async () => {
    const { participantId, code } = await samuel.participant.enrol({
      programmeId,
      siteId: stBrigids,
      enrolment: enrolment('Wollstonecraft'),
    });
    await phq9(participantId, [1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const exported = await samuel.participant.exportSubjectAccess({ participantId });
    expect(exported.participant.identity?.familyName).toBe('Wollstonecraft');
    expect(exported.questionnaires).toHaveLength(1);
    expect(exported.consents).toHaveLength(1);
    expect(
      (await refusal(ruth.participant.erase({ participantId, reason: 'participant-request' })))
        .code,
    ).toBe('FORBIDDEN');
    const before = await grace.outcomes.report({ programmeId, siteId: stBrigids });

    await samuel.participant.erase({ participantId, reason: 'participant-request' });

    const after = await samuel.participant.get({ participantId });
    expect(after.identity).toBeNull();
    expect(after.erasedAt).not.toBeNull();
    expect(after.questionnaires).toHaveLength(1);
    expect(await samuel.participant.search({ siteId: stBrigids, query: 'Wollstonecraft' })).toEqual(
      [],
    );
    const { participants } = await grace.participant.list({
      siteId: stBrigids,
      programmeId,
      limit: 200,
    });
    expect(participants.find((p) => p.code === code)?.erased).toBe(true);
    const report = await grace.outcomes.report({ programmeId, siteId: stBrigids });
    expect(report.dataQuality.enrolled).toEqual(before.dataQuality.enrolled);
    const chain = await verifyAuditChain(
      server.database.db,
      (await grace.session.me()).memberships[0]?.network.id ?? '',
    );
    expect(chain.intact).toBe(true);
  });
});

describe('collection rounds', () => {
  it('lists who is still missing at a timepoint, by name for the site, until their questionnaire is in', async () => {
    const { participantId, code } = await samuel.participant.enrol({
      programmeId,
      siteId: stBrigids,
      enrolment: enrolment('Somerville'),
    });
    const missing = () =>
      samuel.participant.missingAtTimepoint({
        programmeId,
        siteId: stBrigids,
        timepointCode: 'baseline',
      });
    expect((await missing()).find((m) => m.code === code)).toMatchObject({
      participantId,
      name: 'Ada Somerville',
      overdue: false,
    });
    await phq9(participantId, [1, 0, 1, 0, 1, 0, 1, 0, 0]);
    expect((await missing()).some((m) => m.code === code)).toBe(false);
    const unknown = await refusal(
      samuel.participant.missingAtTimepoint({
        programmeId,
        siteId: stBrigids,
        timepointCode: 'week-99',
      }),
    );
    expect(unknown.code).toBe('BAD_REQUEST');
  });
});
