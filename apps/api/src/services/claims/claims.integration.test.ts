import { readFileSync } from 'node:fs';
import {
  createPersonWithPassword,
  findNetworkBySlug,
  findPersonByEmail,
  insertMembership,
  listAuditEntries,
  listOrganisations,
  listTransitions,
  schema,
  verifyAuditChain,
} from '@coproduce/db';
import { drawVerificationSample } from '@coproduce/domain';
import type { TRPCError } from '@trpc/server';
import Ajv from 'ajv';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerAs, refusal } from '../../test-support/callers.ts';
import {
  buildClaimRateCard,
  type ClaimWorld,
  day,
  programmeWithEvidence,
} from '../../test-support/claim-fixture.ts';
import { type RunningServer, startServer } from '../../testing.ts';
import { today } from '../../time.ts';
import { describeError } from '../../trpc/errors.ts';
import { poundsText } from './statement.ts';
import { PREPARER_CANNOT_APPROVE } from './workflow-rules.ts';

let server: RunningServer;
let world: ClaimWorld;
let coordinator: Caller;
let approver: Caller;
let finance: Caller;
let icb: Caller;
let council: Caller;
let publicHealth: Caller;
let siteLead: Caller;
let auditor: Caller;
const funderId: Record<'icb' | 'council', string> = { icb: '', council: '' };

const key = () => `test-${crypto.randomUUID()}`;
const db = () => server.database.db;
/** The field messages a client receives (the API's error formatter). */
const fieldErrors = (error: TRPCError) => describeError(error).data.fieldErrors ?? {};

async function programme(name: string, delegationLimitPence = 1_000_000, participants = 8) {
  const made = await programmeWithEvidence(db(), world, {
    name: `${name} ${crypto.randomUUID().slice(0, 6)}`,
    delegationLimitPence,
    participants,
  });
  await coordinator.rateCard.amend({
    programmeId: made.programmeId,
    effectiveFrom: day(-365),
    reason: '',
    card: buildClaimRateCard(),
  });
  return made;
}

async function computeFirstPeriod(programmeId: string, by: Caller = coordinator) {
  return by.claim.compute({
    programmeId,
    periodStart: day(-200),
    periodEnd: day(-100),
    idempotencyKey: key(),
  });
}

/** Passes every sampled line (failing those whose participant is in `fail`), then completes. */
async function verify(claimId: string, fail: readonly string[] = []) {
  const view = await coordinator.claim.get({ claimId });
  for (const item of view.sample.checklist.filter((c) => c.verification === 'pending')) {
    const failed = fail.includes(item.participantCode ?? '');
    await coordinator.claim.verifyLine({
      claimId,
      lineId: item.lineId,
      result: failed ? 'failed' : 'passed',
      note: failed ? 'The end-of-treatment form is for someone else' : '',
    });
  }
  const { version } = await coordinator.claim.get({ claimId }).then((v) => v.claim);
  return coordinator.claim.transition({
    claimId,
    expectedVersion: version,
    event: 'COMPLETE_VERIFICATION',
  });
}

async function approve(claimId: string) {
  const { version } = (await approver.claim.get({ claimId })).claim;
  return approver.claim.approve({ claimId, expectedVersion: version, idempotencyKey: key() });
}

beforeAll(async () => {
  server = await startServer();
  coordinator = await callerAs(server, 'grace.mensah@hub.example.org');
  approver = await callerAs(server, 'david.levi@hub.example.org');
  finance = await callerAs(server, 'fatima.begum@hub.example.org');
  icb = await callerAs(server, 'priya.raman@icb.example.org');
  council = await callerAs(server, 'tom.okafor@council.example.org');
  publicHealth = await callerAs(server, 'kwame.boateng@publichealth.example.org');
  siteLead = await callerAs(server, 'samuel.adeyemi@stbrigids.example.org');
  auditor = await callerAs(server, 'helen.carter@hub.example.org');
  const grace = await findPersonByEmail(db(), 'grace.mensah@hub.example.org');
  const network = await findNetworkBySlug(db(), 'kingsmere');
  const organisations = await listOrganisations(db(), { networkId: network?.id ?? '' });
  const named = (name: string) => {
    const found = organisations.find((o) => o.name === name);
    if (!found) throw new Error(`no organisation ${name}`);
    return found;
  };
  funderId.icb = named('NHS Kingsmere Integrated Care Board').id;
  funderId.council = named('Kingsmere Borough Council').id;
  world = {
    networkId: named('Kingsmere Community Health Hub').networkId,
    hubId: named('Kingsmere Community Health Hub').id,
    siteId: named("St Brigid's Community Church").id,
    funders: [
      { organisationId: funderId.icb, shareBasisPoints: 6000 },
      { organisationId: funderId.council, shareBasisPoints: 4000 },
    ],
    staffId: grace?.id ?? '',
  };
}, 240_000);
afterAll(async () => {
  await server?.close();
});

describe('demo seed', () => {
  it('has a rate card with an amendment, two settled claims and one in verification', async () => {
    const { programmes } = await coordinator.programme.list({});
    const family = programmes.find((p) => p.name.startsWith('Family therapy clinics'));
    const temple = programmes.find((p) => p.name.startsWith('Talking-therapy workshops'));
    if (!family || !temple) throw new Error('demo programmes missing');
    const cards = await icb.rateCard.versions({ programmeId: family.id });
    expect(cards.versions).toHaveLength(2);
    expect(cards.versions[1]?.reason).not.toBe('');
    const { claims } = await approver.claim.list({ programmeId: family.id });
    expect(claims.map((c) => c.state)).toEqual(['verification', 'settled', 'settled']);
    const { nextPeriodStart } = await approver.claim.list({ programmeId: family.id });
    expect(nextPeriodStart).toBe(today());
    expect(claims.every((c) => c.preparedBy.name === 'Grace Mensah')).toBe(true);
    expect(claims[1]?.sampledFailed).toBe(1);
    const current = claims[0];
    if (!current) throw new Error('no current claim');
    expect(current.lineCount).toBeGreaterThan(0);
    expect(current.sampledPending).toBeGreaterThan(0);
    const settled = await auditor.claim.get({ claimId: claims[2]?.id ?? '' });
    // Countersigned too when above the delegation limit (the demo evidence varies a little).
    const events = settled.transitions.map((t) => t.event).join(' ');
    expect(events).toMatch(/^COMPLETE_VERIFICATION APPROVE (COUNTERSIGN )?SETTLE$/);
    expect(settled.statements.reduce((t, s) => t + s.amountPence, 0)).toBe(
      settled.claim.totalPence,
    );
    expect((await coordinator.rateCard.versions({ programmeId: temple.id })).versions).toHaveLength(
      1,
    );
    expect((await coordinator.claim.list({ programmeId: temple.id })).claims).toEqual([]);
  });
});

describe('rate cards', () => {
  it('names the field path of every problem, and refuses funders who do not fund the programme', async () => {
    const { programmeId } = await programmeWithEvidence(db(), world, {
      name: 'Rate card checks',
      delegationLimitPence: 1_000_000,
      participants: 1,
    });
    const card = buildClaimRateCard();
    const badPrice = await refusal(
      coordinator.rateCard.amend({
        programmeId,
        effectiveFrom: day(-10),
        reason: '',
        card: { ...card, outcomes: [card.outcomes[0], { ...card.outcomes[1], pricePence: 12.5 }] },
      } as never),
    );
    expect(badPrice.code).toBe('BAD_REQUEST');
    expect(Object.keys(fieldErrors(badPrice))).toEqual(['card.outcomes.1.pricePence']);

    const repeated = await refusal(
      coordinator.rateCard.amend({
        programmeId,
        effectiveFrom: day(-10),
        reason: '',
        card: { ...card, outcomes: [card.outcomes[0], card.outcomes[0]] },
      } as never),
    );
    expect(fieldErrors(repeated)).toHaveProperty(['card.outcomes.1.code']);

    const notAFunder = await refusal(
      coordinator.rateCard.amend({
        programmeId,
        effectiveFrom: day(-10),
        reason: '',
        card: { ...card, funders: [{ organisationId: world.hubId, share: 1 }] },
      } as never),
    );
    expect(fieldErrors(notAFunder)).toHaveProperty(['card.funders.0.organisationId']);

    const unknownTimepoint = await refusal(
      coordinator.rateCard.amend({
        programmeId,
        effectiveFrom: day(-10),
        reason: '',
        card: {
          ...card,
          outcomes: [
            {
              ...card.outcomes[0],
              trigger: { kind: 'reliable-improvement', instrument: 'PHQ9', timepoint: 'year-2' },
            },
          ],
        },
      } as never),
    );
    expect(fieldErrors(unknownTimepoint)).toHaveProperty(['card.outcomes.0.trigger.timepoint']);
  });

  it('defaults funders to the programme’s co-funders and their basis points, and previews the cost', async () => {
    const { programmeId } = await programme('Rate card defaults');
    const versions = await auditor.rateCard.versions({ programmeId });
    expect(versions.versions).toHaveLength(1);
    // The programme's co-funders by name: Kingsmere Borough Council, then the ICB.
    expect(versions.versions[0]?.card.funders).toEqual([
      { organisationId: funderId.council, share: 4000 },
      { organisationId: funderId.icb, share: 6000 },
    ]);
    expect(versions.versions[0]?.triggers[1]?.description).toBe('Attends at least 6 sessions');
    expect(versions.inForceVersionId).toBe(versions.versions[0]?.id);

    const preview = await coordinator.rateCard.preview({
      programmeId,
      card: buildClaimRateCard({ contractCapPence: 500_000 }),
      example: { 'PHQ9-RI': 20, 'ATTEND-6': 30 },
    });
    expect(preview.totalPence).toBe(20 * 30_000 + 30 * 10_000);
    expect(preview.cappedTotalPence).toBe(500_000);
    expect(preview.perFunder.map((f) => f.pence)).toEqual([200_000, 300_000]);

    const noReason = await refusal(
      coordinator.rateCard.amend({
        programmeId,
        effectiveFrom: day(-30),
        reason: ' ',
        card: buildClaimRateCard(),
      }),
    );
    expect(noReason.message).toBe('Say why the rate card is being amended.');
  });
});

describe('claim computation', () => {
  it('computes once per key, refuses the same period again, and records a redrawable sample', async () => {
    const { programmeId, participants } = await programme('Compute');
    const idempotencyKey = key();
    const input = { programmeId, periodStart: day(-200), periodEnd: day(-100), idempotencyKey };
    const first = await coordinator.claim.compute(input);
    const retry = await coordinator.claim.compute(input);
    expect(retry).toEqual(first);
    // 8 people attended six sessions; 6 of them reliably improved.
    expect(first.lineCount).toBe(14);
    expect(first.totalPence).toBe(8 * 10_000 + 6 * 30_000);
    expect(first.state).toBe('verification');

    const again = await refusal(coordinator.claim.compute({ ...input, idempotencyKey: key() }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/^A claim for .* has already been computed\./);
    const overlap = await refusal(
      coordinator.claim.compute({ ...input, periodStart: day(-150), idempotencyKey: key() }),
    );
    expect(overlap.message).toMatch(/^This period overlaps the claim for/);
    const reused = await refusal(coordinator.claim.compute({ ...input, periodEnd: day(-99) }));
    expect(reused.message).toBe('This idempotency key was already used for a different request');

    const view = await coordinator.claim.get({ claimId: first.claimId });
    const lastPage = await icb.claim.get({ claimId: first.claimId, offset: 12, limit: 5 });
    expect([lastPage.lineCount, lastPage.lines.length]).toEqual([14, 2]);
    expect(lastPage.lines.map((l) => l.id)).toEqual(view.lines.slice(12).map((l) => l.id));
    expect(view.sample.minimum).toBe(5);
    expect(view.sample.participants).toBe(5);
    const redrawn = drawVerificationSample(
      view.sample.seed,
      participants.map((p) => p.id),
      view.sample.percent,
      view.sample.minimum,
    );
    const codeOf = new Map(participants.map((p) => [p.id, p.code]));
    expect(new Set(view.sample.checklist.map((c) => c.participantCode))).toEqual(
      new Set(redrawn.map((id) => codeOf.get(id))),
    );
    expect(view.sample.checklist.every((c) => c.verification === 'pending')).toBe(true);
    expect(
      view.lines.filter((l) => !l.sampled).every((l) => l.verification === 'not-sampled'),
    ).toBe(true);
    // Codes only: nothing identifying leaves the site.
    expect(JSON.stringify(view)).not.toMatch(/givenName|familyName|dateOfBirth|nhsNumber/);
    const [entry] = await listAuditEntries(db(), {
      networkId: world.networkId,
      objectType: 'claim',
      objectId: first.claimId,
      limit: 10,
    });
    expect(entry?.action).toBe('claim.computed');
  });

  it('refuses an amendment that would reach back into a computed claim period', async () => {
    const { programmeId } = await programme('Amend after claim');
    await computeFirstPeriod(programmeId);
    const refused = await refusal(
      coordinator.rateCard.amend({
        programmeId,
        effectiveFrom: day(-100),
        reason: 'Raise the price',
        card: buildClaimRateCard(),
      }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(
      /^A claim for \d+ \w+ \d{4} to \d+ \w+ \d{4} has been computed already; amendments can start from \d+ \w+ \d{4}\.$/,
    );
    const accepted = await coordinator.rateCard.amend({
      programmeId,
      effectiveFrom: day(-99),
      reason: 'Raise the price',
      card: buildClaimRateCard(),
    });
    expect(accepted.effectiveFrom).toBe(day(-99));
  });
});

describe('verification and approval', () => {
  it('drops failed sample lines and refuses completion until every sampled line is checked', async () => {
    const { programmeId } = await programme('Verification');
    const { claimId, totalPence } = await computeFirstPeriod(programmeId);
    const view = await coordinator.claim.get({ claimId });
    const [first, ...rest] = view.sample.checklist;
    if (!first) throw new Error('no sample');
    await coordinator.claim.verifyLine({
      claimId,
      lineId: first.lineId,
      result: 'passed',
      note: '',
    });
    const early = await refusal(
      coordinator.claim.transition({
        claimId,
        expectedVersion: view.claim.version,
        event: 'COMPLETE_VERIFICATION',
      }),
    );
    expect(early.code).toBe('PRECONDITION_FAILED');
    expect(early.message).toBe(
      `You cannot complete verification yet: ${rest.length} sampled lines still need checking.`,
    );
    const blocked = await coordinator.claim.allowedActions({ claimId });
    expect(blocked.actions.find((a) => a.event === 'COMPLETE_VERIFICATION')?.blockedBy).toEqual([
      `${rest.length} sampled lines still need checking`,
    ]);

    const failing = rest[0];
    if (!failing) throw new Error('sample too small');
    const noNote = await refusal(
      coordinator.claim.verifyLine({ claimId, lineId: failing.lineId, result: 'failed', note: '' }),
    );
    expect(noNote.message).toBe('Say what did not match the evidence.');
    const failed = await finance.claim.verifyLine({
      claimId,
      lineId: failing.lineId,
      result: 'failed',
      note: 'Baseline recorded after the first session',
    });
    expect(failed.live).toBe(false);
    expect(failed.totalPence).toBe(totalPence - failing.amountPence);
    const twice = await refusal(
      coordinator.claim.verifyLine({ claimId, lineId: failing.lineId, result: 'passed', note: '' }),
    );
    expect(twice.message).toBe('This line was already checked: it failed.');

    await verify(claimId);
    const after = await coordinator.claim.get({ claimId });
    expect(after.claim.state).toBe('awaitingApproval');
    expect(after.claim.totalPence).toBe(totalPence - failing.amountPence);
    expect(after.lines.find((l) => l.id === failing.lineId)?.live).toBe(false);
  });

  it('does not let the person who prepared a claim approve it', async () => {
    const david = await findPersonByEmail(db(), 'david.levi@hub.example.org');
    if (!david) throw new Error('no David');
    await insertMembership(db(), {
      networkId: world.networkId,
      organisationId: world.hubId,
      personId: david.id,
      role: 'hub_coordinator',
      grantedBy: null,
    });
    const davidPreparing = await callerAs(server, 'david.levi@hub.example.org', 'hub_coordinator');
    const { programmeId } = await programme('Separation of duties');
    const { claimId } = await computeFirstPeriod(programmeId, davidPreparing);
    await verify(claimId);
    const allowed = await approver.claim.allowedActions({ claimId });
    expect(allowed.actions.map((a) => a.event)).not.toContain('APPROVE');
    const refused = await refusal(approve(claimId));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe(PREPARER_CANNOT_APPROVE);
    expect(refused.message).toBe('You prepared this claim, so someone else must approve it.');
    const viaTransition = await refusal(
      approver.claim.transition({ claimId, expectedVersion: 2, event: 'APPROVE' }),
    );
    expect(viaTransition.message).toBe(PREPARER_CANNOT_APPROVE);

    // Another hub approver can.
    const other = await createPersonWithPassword(db(), {
      name: 'Second Approver',
      email: `approver-${crypto.randomUUID()}@hub.example.org`,
      passwordHash: 'not-a-real-hash',
      emailVerified: true,
    });
    await insertMembership(db(), {
      networkId: world.networkId,
      organisationId: world.hubId,
      personId: other.id,
      role: 'hub_approver',
      grantedBy: null,
    });
    const second = await callerAs(server, other.email, 'hub_approver', true);
    const approved = await second.claim.approve({
      claimId,
      expectedVersion: 2,
      idempotencyKey: key(),
    });
    expect(approved.state).toBe('approved');
  });

  it('lets a rejected claim’s period be computed again, its lines no longer live', async () => {
    const { programmeId } = await programme('Rejection');
    const { claimId, lineCount } = await computeFirstPeriod(programmeId);
    const noReason = await refusal(
      approver.claim.transition({ claimId, expectedVersion: 1, event: 'REJECT' }),
    );
    expect(noReason.message).toBe('Say why you want to reject.');
    await approver.claim.transition({
      claimId,
      expectedVersion: 1,
      event: 'REJECT',
      reason: 'Computed before the March registers were in',
    });
    const rejected = await coordinator.claim.get({ claimId });
    expect(rejected.claim.state).toBe('rejected');
    expect(rejected.lines.some((l) => l.live)).toBe(false);
    const again = await computeFirstPeriod(programmeId);
    expect(again.lineCount).toBe(lineCount);
  });

  it('needs a funding commissioner’s countersignature above the delegation limit', async () => {
    const { programmeId } = await programme('Countersignature', 100_000);
    const { claimId, totalPence } = await computeFirstPeriod(programmeId);
    await verify(claimId);
    const idempotencyKey = key();
    const request = { claimId, expectedVersion: 2, idempotencyKey };
    const approved = await approver.claim.approve(request);
    expect(approved).toEqual({ state: 'awaitingCountersignature', version: 3 });
    expect(await approver.claim.approve(request)).toEqual(approved);
    expect((await coordinator.claim.get({ claimId })).statements).toEqual([]);

    const notFunding = await refusal(
      publicHealth.claim.countersign({ claimId, expectedVersion: 3, idempotencyKey: key() }),
    );
    expect(notFunding.code).toBe('NOT_FOUND');
    const countersigned = await icb.claim.countersign({
      claimId,
      expectedVersion: 3,
      idempotencyKey: key(),
    });
    expect(countersigned.state).toBe('approved');

    const view = await icb.claim.get({ claimId });
    const sum = view.statements.reduce((total, s) => total + s.amountPence, 0);
    expect(sum).toBe(view.claim.totalPence);
    expect(view.claim.totalPence).toBe(totalPence);
    expect(view.statements.map((s) => [s.funderName, s.amountPence])).toEqual([
      ['Kingsmere Borough Council', (totalPence * 4) / 10],
      ['NHS Kingsmere Integrated Care Board', (totalPence * 6) / 10],
    ]);
    const history = await listTransitions(db(), {
      networkId: world.networkId,
      kind: 'claim',
      subjectId: claimId,
    });
    expect(history.map((t) => t.event)).toEqual([
      'COMPLETE_VERIFICATION',
      'APPROVE',
      'COUNTERSIGN',
    ]);
    const [posting] = await db()
      .select()
      .from(schema.ledgerPostings)
      .where(eq(schema.ledgerPostings.source, `claim:${claimId}`));
    expect(posting?.kind).toBe('claim-approved');
  });
});

describe('statements, settlement and clawback', () => {
  it('settles once every funder has paid, and claws back a paid line whose evidence is withdrawn', async () => {
    const { programmeId, participants } = await programme('Settlement and clawback');
    const { claimId } = await computeFirstPeriod(programmeId);
    await verify(claimId);
    await approve(claimId);
    const view = await coordinator.claim.get({ claimId });
    expect(view.statements.reduce((t, s) => t + s.amountPence, 0)).toBe(view.claim.totalPence);

    const csv = await council.claim.statement({
      claimId,
      funderOrganisationId: funderId.council,
      format: 'csv',
    });
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    const rows = text.trim().split('\r\n');
    expect(rows[0]).toBe(
      'achieved_on,participant_code,outcome_code,occurrence,price_gbp,line_amount_gbp,kingsmere_borough_council_part_gbp,note',
    );
    const councilPart = view.statements.find((s) => s.funderOrganisationId === funderId.council);
    expect(rows.at(-1)).toBe(
      `Total,,,,,${poundsText(view.claim.totalPence)},${poundsText(councilPart?.amountPence ?? -1)},`,
    );
    expect(poundsText(104_000)).toBe('1040.00');
    expect(poundsText(-5)).toBe('-0.05');
    const pdf = await coordinator.claim.statement({
      claimId,
      funderOrganisationId: funderId.icb,
      format: 'pdf',
    });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const othersStatement = await refusal(
      council.claim.statement({ claimId, funderOrganisationId: funderId.icb, format: 'csv' }),
    );
    expect(othersStatement.code).toBe('NOT_FOUND');

    const byCoordinator = await refusal(
      coordinator.claim.recordSettlement({
        claimId,
        funderOrganisationId: funderId.icb,
        reference: 'BACS 123',
        idempotencyKey: key(),
      }),
    );
    expect(byCoordinator.code).toBe('FORBIDDEN');
    const settleIcb = {
      claimId,
      funderOrganisationId: funderId.icb,
      reference: 'ICB-REMIT-0042',
      idempotencyKey: key(),
    };
    const icbPaid = await finance.claim.recordSettlement(settleIcb);
    expect(icbPaid).toEqual({ state: 'approved', version: 3, outstandingStatements: 1 });
    expect(await finance.claim.recordSettlement(settleIcb)).toEqual(icbPaid);
    const councilPaid = await finance.claim.recordSettlement({
      claimId,
      funderOrganisationId: funderId.council,
      reference: 'KBC 99812',
      idempotencyKey: key(),
    });
    expect(councilPaid).toEqual({ state: 'settled', version: 4, outstandingStatements: 0 });
    const settledView = await auditor.claim.get({ claimId });
    expect(settledView.transitions.at(-1)).toMatchObject({ event: 'SETTLE', actor: null });
    expect(settledView.statements.every((s) => s.settledAt !== null)).toBe(true);

    // A participant whose two lines were paid withdraws consent, dated before their baseline.
    const paid = settledView.lines.filter((l) => l.live && l.amountPence > 0);
    const withdrawn = participants.find(
      (p) => paid.filter((l) => l.participantCode === p.code).length === 2,
    );
    if (!withdrawn) throw new Error('no paid participant');
    await siteLead.participant.withdrawConsent({
      participantId: withdrawn.id,
      withdrawnOn: day(-195),
    });
    const next = await coordinator.claim.compute({
      programmeId,
      periodStart: day(-99),
      periodEnd: day(-50),
      idempotencyKey: key(),
    });
    const clawbacks = (await coordinator.claim.get({ claimId: next.claimId })).lines;
    const originals = paid.filter((l) => l.participantCode === withdrawn.code);
    expect(originals).toHaveLength(2);
    expect(
      clawbacks.map((l) => [l.participantCode, l.outcomeCode, l.amountPence, l.clawbackOfLineId]),
    ).toEqual(
      expect.arrayContaining(
        originals.map((o) => [o.participantCode, o.outcomeCode, -o.amountPence, o.id]),
      ),
    );
    expect(clawbacks).toHaveLength(2);
    expect(next.totalPence).toBe(-originals.reduce((t, o) => t + o.amountPence, 0));
    expect(clawbacks.every((l) => l.verification === 'not-sampled')).toBe(true);

    const chain = await verifyAuditChain(db(), world.networkId);
    expect(chain.intact).toBe(true);
  });
});

describe('the database', () => {
  it('refuses a second live line for the same participant, outcome and occurrence', async () => {
    const { programmeId } = await programme('Unique index');
    const { claimId } = await computeFirstPeriod(programmeId);
    const [line] = await db()
      .select()
      .from(schema.claimLines)
      .where(
        and(eq(schema.claimLines.claimId, claimId), eq(schema.claimLines.outcomeCode, 'PHQ9-RI')),
      );
    if (!line) throw new Error('no line');
    const { id: _id, createdAt: _createdAt, ...copy } = line;
    const error = await db()
      .insert(schema.claimLines)
      .values(copy)
      .then(
        () => null,
        (e: unknown) => e as { code?: string; cause?: { code?: string } },
      );
    expect(error?.cause?.code ?? error?.code).toBe('23505');
    // A line that is not live (failed verification) is no obstacle.
    await db()
      .insert(schema.claimLines)
      .values({ ...copy, live: false });
  });
});

describe('INDIGO export', () => {
  /** INDIGO's schemas, made strict: a property the standard does not define is an error. */
  function strict(schema: unknown): unknown {
    if (Array.isArray(schema)) return schema.map(strict);
    if (schema === null || typeof schema !== 'object') return schema;
    const out = Object.fromEntries(
      Object.entries(schema as Record<string, unknown>).map(([k, v]) => [k, strict(v)]),
    );
    if ('properties' in out && out.type === 'object') out.additionalProperties = false;
    return out;
  }
  const load = (name: string) => {
    const parsed = JSON.parse(
      readFileSync(new URL(`./indigo-schemas/${name}`, import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    expect(parsed.$schema).toBe('http://json-schema.org/draft-07/schema#');
    // INDIGO annotates fields with its own keywords (priority, codelist, references-…).
    return new Ajv({ strict: false, allErrors: true }).compile(strict(parsed) as object);
  };

  it('exports a programme that validates against the INDIGO project and organisation schemas', async () => {
    const { programmeId, participants } = await programme('INDIGO');
    const { claimId } = await computeFirstPeriod(programmeId);
    await verify(claimId);
    await approve(claimId);
    await finance.claim.recordSettlement({
      claimId,
      funderOrganisationId: funderId.icb,
      reference: 'ICB-1',
      idempotencyKey: key(),
    });
    const exported = await icb.indigo.programme({ programmeId });
    const project = load('project.json');
    const organisation = load('organisation.json');
    expect(project(exported.project.data), JSON.stringify(project.errors)).toBe(true);
    for (const org of exported.organisations) {
      expect(organisation(org.data), JSON.stringify(organisation.errors)).toBe(true);
    }
    const data = exported.project.data as Record<string, unknown[]>;
    expect(data.outcome_metrics?.map((m) => (m as { id: string }).id)).toEqual([
      'PHQ9-RI',
      'ATTEND-6',
    ]);
    expect(data.outcome_pricings).toHaveLength(2);
    expect(data.outcome_payment_commitments).toHaveLength(2);
    expect(data.results).toHaveLength(2);
    expect(
      data.outcome_payments?.map((p) => (p as { type: { value: string } }).type.value).sort(),
    ).toEqual(['Actual', 'Planned']);
    const text = JSON.stringify(exported);
    for (const p of participants) {
      expect(text).not.toContain(p.code);
      expect(text).not.toContain(p.id);
    }
    const refused = await refusal(siteLead.indigo.programme({ programmeId }));
    expect(refused.code).toBe('FORBIDDEN');
  });

  it('exports the demo family clinics, amended card and settled claims included, validly', async () => {
    const { programmes } = await coordinator.programme.list({});
    const family = programmes.find((p) => p.name.startsWith('Family therapy clinics'));
    const exported = await coordinator.indigo.programme({ programmeId: family?.id ?? '' });
    const project = load('project.json');
    expect(project(exported.project.data), JSON.stringify(project.errors)).toBe(true);
    const data = exported.project.data as Record<string, unknown[]>;
    // Five outcomes, priced by two dated versions.
    expect(data.outcome_pricings).toHaveLength(10);
    expect(
      data.outcome_payments?.filter(
        (p) => (p as { type: { value: string } }).type.value === 'Actual',
      ),
    ).toHaveLength(4);
  });
});
