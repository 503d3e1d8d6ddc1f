import {
  findPersonByEmail,
  insertMembership,
  listAuditEntries,
  listTransitions,
  verifyAuditChain,
} from '@coproduce/db';
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerAs, refusal } from '../../test-support/callers.ts';
import { type RunningServer, startServer } from '../../testing.ts';
import { today } from '../../time.ts';

let server: RunningServer;

const as = (email: string, role?: string, twoFactorEnabled?: boolean) =>
  callerAs(server, email, role, twoFactorEnabled);

let coordinator: Caller;
let approver: Caller;
let icb: Caller;
let council: Caller;
let siteLead: Caller;
let organisations: { id: string; name: string; kind: string }[];
const orgNamed = (name: string) => {
  const found = organisations.find((o) => o.name === name);
  if (!found) throw new Error(`no organisation ${name}`);
  return found.id;
};

async function draftProgramme(delegationLimitPence = 1_000_000) {
  const { id } = await coordinator.programme.create({
    name: `Family clinics ${crypto.randomUUID().slice(0, 6)}`,
    need: 'Families waiting over a year for help',
    population: 'Families in the north of the borough',
    budgetPence: 12_000_000,
    delegationLimitPence,
    baselineThresholdPercent: 80,
    minimumCohort: 20,
    reportingPeriodMonths: 3,
    returnDueDays: 30,
    siteIds: [orgNamed("St Brigid's Community Church")],
    funders: [
      { organisationId: orgNamed('NHS Kingsmere Integrated Care Board'), shareBasisPoints: 6000 },
      { organisationId: orgNamed('Kingsmere Borough Council'), shareBasisPoints: 4000 },
    ],
  });
  return id;
}

async function step(caller: Caller, programmeId: string, event: string, reason?: string) {
  const { version } = await caller.programme.get({ programmeId });
  return caller.programme.transition({ programmeId, expectedVersion: version, event, reason });
}

async function approvedProgramme(delegationLimitPence?: number) {
  const programmeId = await draftProgramme(delegationLimitPence);
  await step(coordinator, programmeId, 'SUBMIT');
  await step(approver, programmeId, 'START_REVIEW');
  await icb.programme.signOffShare({ programmeId });
  await council.programme.signOffShare({ programmeId });
  await step(approver, programmeId, 'APPROVE');
  return programmeId;
}

beforeAll(async () => {
  server = await startServer();
  coordinator = await as('grace.mensah@hub.example.org');
  approver = await as('david.levi@hub.example.org');
  icb = await as('priya.raman@icb.example.org');
  council = await as('tom.okafor@council.example.org');
  siteLead = await as('samuel.adeyemi@stbrigids.example.org');
  organisations = (await coordinator.organisation.list()).organisations;
});
afterAll(async () => {
  await server?.close();
});

describe('proposal approval', () => {
  it('refuses approval until every co-funder has signed off its share, naming who has not', async () => {
    const programmeId = await draftProgramme();
    await step(coordinator, programmeId, 'SUBMIT');
    await step(approver, programmeId, 'START_REVIEW');
    await icb.programme.signOffShare({ programmeId });
    const refused = await refusal(step(approver, programmeId, 'APPROVE'));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toBe(
      'You cannot approve yet: Kingsmere Borough Council has not signed off its share yet.',
    );
    await council.programme.signOffShare({ programmeId });
    expect((await step(approver, programmeId, 'APPROVE')).state).toBe('active.baseline');
  });

  it('refuses to submit an incomplete proposal, saying what is missing', async () => {
    const { id: programmeId } = await coordinator.programme.create({
      name: 'Half-written idea',
      need: '',
      population: '',
      budgetPence: 0,
      delegationLimitPence: 0,
      baselineThresholdPercent: 80,
      minimumCohort: 10,
      reportingPeriodMonths: 3,
      returnDueDays: 30,
      siteIds: [],
      funders: [{ organisationId: orgNamed('Kingsmere Public Health'), shareBasisPoints: 5000 }],
    });
    const refused = await refusal(step(coordinator, programmeId, 'SUBMIT'));
    expect(refused.message).toBe(
      "You cannot submit yet: describe the need; describe the population; add at least one site; co-funders' shares add up to 50%; they must add up to 100%; set a budget.",
    );
  });

  it('lets only the right role take each step, and lists what is possible now', async () => {
    const programmeId = await draftProgramme();
    const byWrongRole = await refusal(step(siteLead, programmeId, 'SUBMIT'));
    expect(byWrongRole.code).toBe('FORBIDDEN');
    expect(byWrongRole.message).toBe('Only a hub coordinator can do this.');
    const notNow = await refusal(step(coordinator, programmeId, 'START_DELIVERY'));
    expect(notNow.code).toBe('CONFLICT');
    expect(notNow.message).toBe(
      'You cannot start delivery this programme while it is draft. Possible now: submit, withdraw.',
    );
    const { actions } = await coordinator.programme.allowedActions({ programmeId });
    expect(actions.map((a) => a.event)).toEqual(['SUBMIT', 'WITHDRAW']);
    expect((await approver.programme.allowedActions({ programmeId })).actions).toEqual([]);
  });

  it('makes rejected final', async () => {
    const programmeId = await draftProgramme();
    await step(coordinator, programmeId, 'SUBMIT');
    await step(approver, programmeId, 'START_REVIEW');
    await step(approver, programmeId, 'REJECT', 'Outside this year’s commissioning intentions');
    const refused = await refusal(step(coordinator, programmeId, 'RESUBMIT'));
    expect(refused.message).toMatch(
      /while it is rejected\. It is final: nothing more can happen to it\.$/,
    );
    expect(
      await refusal(
        coordinator.programme.updateDraft({
          programmeId,
          expectedVersion: 4,
          draft: {
            ...(await coordinator.programme.get({ programmeId })),
            siteIds: [],
            funders: [],
          },
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('asks for a reason where one is needed', async () => {
    const programmeId = await draftProgramme();
    const refused = await refusal(step(coordinator, programmeId, 'WITHDRAW'));
    expect(refused.message).toBe('Say why you want to withdraw.');
  });
});

describe('separation of duties', () => {
  it('never lets the person who submitted a milestone approve it', async () => {
    const programmeId = await approvedProgramme();
    const { id: milestoneId } = await coordinator.milestone.create({
      programmeId,
      title: 'Clinic room fitted out',
      valuePence: 50_000,
      siteId: null,
      evidenceRequired: '',
      dueOn: null,
    });
    const person = await findPersonByEmail(server.database.db, 'grace.mensah@hub.example.org');
    const hub = orgNamed('Kingsmere Community Health Hub');
    const networkId = (await coordinator.session.me()).memberships[0]?.network.id ?? '';
    await insertMembership(server.database.db, {
      networkId,
      organisationId: hub,
      personId: person?.id ?? '',
      role: 'hub_approver',
      grantedBy: null,
    });
    // Grace has set up two-factor, as an approver must.
    const graceAsApprover = await as('grace.mensah@hub.example.org', 'hub_approver', true);
    await coordinator.milestone.transition({ milestoneId, expectedVersion: 1, event: 'SUBMIT' });
    const refused = await refusal(
      graceAsApprover.milestone.transition({ milestoneId, expectedVersion: 2, event: 'APPROVE' }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe('You submitted this, so someone else must approve it.');
    expect(
      (await approver.milestone.transition({ milestoneId, expectedVersion: 2, event: 'APPROVE' }))
        .state,
    ).toBe('payable');
  });

  it('keeps an approval above the delegation limit from becoming payable until a commissioner countersigns', async () => {
    const programmeId = await approvedProgramme(100_000);
    const { id: milestoneId } = await coordinator.milestone.create({
      programmeId,
      title: 'First 30 families reached',
      valuePence: 450_000,
      siteId: orgNamed("St Brigid's Community Church"),
      evidenceRequired: 'Register of families',
      dueOn: '2027-03-31',
    });
    await siteLead.milestone.transition({ milestoneId, expectedVersion: 1, event: 'SUBMIT' });
    const approved = await approver.milestone.transition({
      milestoneId,
      expectedVersion: 2,
      event: 'APPROVE',
    });
    expect(approved).toEqual({ state: 'approved', version: 3 });

    const finance = await as('fatima.begum@hub.example.org');
    const paidByHand = await refusal(
      finance.milestone.transition({ milestoneId, expectedVersion: 3, event: 'MARK_PAID' }),
    );
    expect(paidByHand.message).toBe('This step happens automatically.');
    const bySystemOnly = await refusal(
      approver.milestone.transition({ milestoneId, expectedVersion: 3, event: 'MARK_PAYABLE' }),
    );
    expect(bySystemOnly.message).toBe('This step happens automatically.');
    const byApprover = await refusal(
      approver.milestone.transition({ milestoneId, expectedVersion: 3, event: 'COUNTERSIGN' }),
    );
    expect(byApprover.message).toBe('Only a commissioner can do this.');

    expect(
      await icb.milestone.transition({ milestoneId, expectedVersion: 3, event: 'COUNTERSIGN' }),
    ).toEqual({ state: 'payable', version: 5 });
    const { transitions } = await icb.milestone.history({ milestoneId });
    expect(transitions.map((t) => [t.event, t.to, t.actor?.name ?? 'system'])).toEqual([
      ['SUBMIT', 'submitted', 'Samuel Adeyemi'],
      ['APPROVE', 'approved', 'David Levi'],
      ['COUNTERSIGN', 'countersigned', 'Priya Raman'],
      ['MARK_PAYABLE', 'payable', 'system'],
    ]);
  });
});

describe('the baseline gate', () => {
  it('refuses delivery while coverage is under the threshold, naming the shortfall, and allows it after', async () => {
    const programmeId = await approvedProgramme();
    const siteId = orgNamed("St Brigid's Community Church");
    const on = today();
    const enrolled = [];
    for (let i = 0; i < 45; i += 1) {
      enrolled.push(
        await siteLead.participant.enrol({
          programmeId,
          siteId,
          enrolment: {
            enrolledOn: on,
            identity: {
              givenName: 'Test',
              familyName: `Participant ${i}`,
              dateOfBirth: '1980-05-01',
            },
            consent: {
              noticeVersion: 'v1',
              serviceDelivery: true,
              evaluation: true,
              sharingWithCommissioners: false,
              givenOn: on,
            },
          },
        }),
      );
    }
    const recordBaseline = (participantId: string) =>
      siteLead.questionnaire.record({
        participantId,
        instrument: 'PHQ9',
        timepointCode: 'baseline',
        recordedOn: on,
        answers: [1, 2, 1, 2, 1, 1, 2, 1, 0],
        idempotencyKey: `baseline-${participantId}`,
      });
    for (const { participantId } of enrolled.slice(0, 31)) await recordBaseline(participantId);
    const refused = await refusal(step(coordinator, programmeId, 'START_DELIVERY'));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toBe(
      'You cannot start delivery yet: baseline recorded for 31 of 45 enrolled participants (69%); 80% required.',
    );
    const { actions } = await coordinator.programme.allowedActions({ programmeId });
    expect(actions.find((a) => a.event === 'START_DELIVERY')?.blockedBy).toEqual([
      'baseline recorded for 31 of 45 enrolled participants (69%); 80% required',
    ]);

    for (const { participantId } of enrolled.slice(31, 36)) await recordBaseline(participantId);
    expect((await step(coordinator, programmeId, 'START_DELIVERY')).state).toBe('active.delivery');
    const { periods } = await coordinator.programme.get({ programmeId });
    expect(periods).toHaveLength(1);
    expect(periods[0]?.number).toBe(1);
  });
});

describe('suspension', () => {
  it('suspends with a reason and resumes where it was', async () => {
    const programmeId = await approvedProgramme();
    await step(approver, programmeId, 'SUSPEND', 'Safeguarding review at the site');
    const suspended = await coordinator.programme.get({ programmeId });
    expect(suspended.stage).toBe('suspended');
    expect((await step(icb, programmeId, 'RESUME')).state).toBe('active.baseline');
  });
});

describe('concurrency', () => {
  it('lets exactly one of 20 concurrent transitions from the same version through', async () => {
    const programmeId = await draftProgramme();
    const { version } = await coordinator.programme.get({ programmeId });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        coordinator.programme.transition({
          programmeId,
          expectedVersion: version,
          event: 'SUBMIT',
        }),
      ),
    );
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.flatMap((r) =>
      r.status === 'rejected' ? [r.reason as TRPCError] : [],
    );
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(19);
    expect(new Set(rejected.map((e) => e.code))).toEqual(new Set(['CONFLICT']));

    const networkId = (await coordinator.session.me()).memberships[0]?.network.id ?? '';
    const transitions = await listTransitions(server.database.db, {
      networkId,
      kind: 'programme',
      subjectId: programmeId,
    });
    expect(transitions.map((t) => [t.event, t.version])).toEqual([['SUBMIT', version + 1]]);
    const audited = await listAuditEntries(server.database.db, {
      networkId,
      objectId: programmeId,
      action: 'workflow.transitioned',
      limit: 50,
    });
    expect(audited).toHaveLength(1);
    expect(await verifyAuditChain(server.database.db, networkId)).toMatchObject({ intact: true });
  });
});
