import { createHash, randomUUID } from 'node:crypto';
import {
  createDatabase,
  type Database,
  type DatabaseHandle,
  findNetworkBySlug,
  findPersonByEmail,
  getPaymentRun,
  insertDeliverySession,
  ledgerTrialBalance,
  listActiveMembershipsOfPerson,
  listPaidRoles,
  listPaymentRunLines,
  listPayments,
  updatePaymentRun,
  verifyAuditChain,
} from '@coproduce/db';
import { createTestDatabase, type TestDatabase } from '@coproduce/db/testing';
import type { Role } from '@coproduce/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../env.ts';
import { DEMO_PASSWORD, demoTotpSecrets } from '../../seed/demo-network.ts';
import { type ApiProcess, startApiProcess } from '../../test-support/api-process.ts';
import { TestBrowser, totpCode } from '../../test-support/http-client.ts';
import { addDays, today } from '../../time.ts';
import type { ActingMember } from '../../trpc/context.ts';
import { configureMoney } from '../money-settings.ts';
import { approveWork, confirmWork, logWork } from '../work-log-service.ts';
import { transitionWorkflow } from '../workflow/transition.ts';
import { createPaymentRun } from './payment-run-service.ts';

/**
 * ADR 0008, "Exactly once": release is one transaction, so killing the API at any moment leaves
 * a run either approved with nothing made, or released with everything made; retrying with the
 * same key then finishes the job or answers with what was done. The API runs as a child process
 * on PostgreSQL (PGlite lives inside the test process, so it cannot be killed on its own).
 */
const ITERATIONS = 20;
const LINES_PER_RUN = 3;
const FINANCE = 'fatima.begum@hub.example.org';
const needsPostgres = !process.env.DATABASE_URL;

let database: TestDatabase;
let handle: DatabaseHandle;
let db: Database;
let networkId: string;
let api: ApiProcess | undefined;

async function actor(email: string, role: Role): Promise<ActingMember> {
  const person = await findPersonByEmail(db, email);
  const membership = (await listActiveMembershipsOfPerson(db, person?.id ?? '')).find(
    (m) => m.role === role && m.network.id === networkId,
  );
  if (!person || !membership) throw new Error(`no ${role} ${email}`);
  return {
    personId: person.id,
    membershipId: membership.id,
    role,
    organisationId: membership.organisation.id,
    networkId,
  };
}

/** Approved runs of fresh payables for Ruth (approved directly: 2FA is tested elsewhere). */
async function approvedRuns(count: number) {
  const ruth = await actor('ruth.campbell@stbrigids.example.org', 'practitioner');
  const samuel = await actor('samuel.adeyemi@stbrigids.example.org', 'site_lead');
  const david = await actor('david.levi@hub.example.org', 'hub_approver');
  const fatima = await actor(FINANCE, 'finance_officer');
  const owen = await actor('owen.price@hub.example.org', 'finance_officer');
  const role = (await listPaidRoles(db, { networkId })).find(
    (r) => r.paidRole.holderPersonId === ruth.personId,
  )?.paidRole;
  if (!role) throw new Error('Ruth holds no role');
  const runs: string[] = [];
  for (let i = 0; i < count; i += 1) {
    for (let j = 0; j < LINES_PER_RUN; j += 1) {
      const session = await insertDeliverySession(db, {
        networkId,
        siteOrganisationId: role.siteOrganisationId,
        programmeId: role.programmeId,
        heldOn: addDays(today(), -1 - ((i + j) % 10)),
        kind: 'treatment',
        durationMinutes: 60,
        practitionerId: ruth.personId,
        recordedBy: ruth.personId,
        idempotencyKey: randomUUID(),
      });
      const { workLogId } = await logWork(db, ruth, {
        paidRoleId: role.id,
        work: { kind: 'session', sessionId: session?.id ?? '' },
        idempotencyKey: randomUUID(),
      });
      await confirmWork(db, samuel, { workLogId, decision: 'confirm' });
      await approveWork(db, david, {
        workLogId,
        decision: 'approve',
        idempotencyKey: randomUUID(),
      });
    }
    const run = await createPaymentRun(db, fatima, {
      dueBy: today(),
      idempotencyKey: randomUUID(),
    });
    await transitionWorkflow(db, owen, {
      kind: 'paymentRun',
      id: run.runId,
      expectedVersion: run.version,
      event: 'APPROVE',
    });
    await updatePaymentRun(db, { id: run.runId, values: { approvedBy: owen.personId } });
    runs.push(run.runId);
  }
  return runs;
}

/** A run is approved with nothing made, or released with its files and audit entry: never between. */
async function expectConsistent(runId: string) {
  const run = await getPaymentRun(db, { networkId, id: runId });
  expect(['approved', 'released']).toContain(run?.state);
  if (run?.state === 'approved') {
    expect([run.bacsFile, run.bulkPaymentCsv, run.fileSha256, run.releasedAt]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  } else {
    expect(run?.fileSha256).toBe(
      createHash('sha256')
        .update(run?.bacsFile ?? '')
        .digest('hex'),
    );
    expect(run?.bulkPaymentCsv).toBeTruthy();
    expect(run?.releasedBy).toBeTruthy();
  }
  return run?.state;
}

describe('release under SIGKILL', () => {
  beforeAll(async () => {
    if (needsPostgres) return;
    database = await createTestDatabase();
    // The first start migrates and seeds the demo network; the test then shares the database.
    api = await startApiProcess({ databaseUrl: database.url ?? '' });
    await api.kill();
    handle = createDatabase({ url: database.url });
    db = handle.db;
    configureMoney(loadConfig({ NODE_ENV: 'test' }).money);
    networkId = (await findNetworkBySlug(db, 'kingsmere'))?.id ?? '';
  }, 600_000);

  afterAll(async () => {
    await api?.dispose();
    await handle?.close();
    await database?.dispose();
  });

  it.skipIf(needsPostgres)(
    `kills the API at random moments of ${ITERATIONS} releases; every retry with the same key finishes the job, each payable is paid once and the audit chain holds` +
      (needsPostgres ? ' (skipped: needs PostgreSQL; set DATABASE_URL)' : ''),
    async () => {
      const runs = await approvedRuns(ITERATIONS);
      if (!api) throw new Error('the API process did not start');
      const crashing = api;
      await crashing.start();
      const browser = new TestBrowser(crashing.url);
      await browser.signIn(FINANCE, DEMO_PASSWORD);
      await browser.verifyTotp(await totpCode(demoTotpSecrets()[FINANCE] ?? ''));
      const outcomes: string[] = [];
      for (const [index, runId] of runs.entries()) {
        const key = randomUUID();
        const release = browser
          .mutate('paymentRun.release', { runId, idempotencyKey: key })
          .catch(() => null);
        // Anywhere from before the request arrives to after it commits.
        await new Promise((resolve) =>
          setTimeout(resolve, Math.floor(Math.random() * 250) + index),
        );
        await crashing.kill();
        await release;
        outcomes.push((await expectConsistent(runId)) ?? 'missing');
        await crashing.start();
        const first = await browser.mutate('paymentRun.release', { runId, idempotencyKey: key });
        const retry = await browser.mutate('paymentRun.release', { runId, idempotencyKey: key });
        expect(first.status).toBe(200);
        expect(retry.json).toEqual(first.json);
        expect(await expectConsistent(runId)).toBe('released');
      }
      expect(outcomes).toHaveLength(ITERATIONS);

      for (const runId of runs) {
        const lines = await listPaymentRunLines(db, { networkId, runId });
        const confirmation = {
          runId,
          idempotencyKey: randomUUID(),
          lines: lines.map((l) => ({
            lineId: l.id,
            outcome: 'paid',
            bankReference: `B-${l.reference}`,
          })),
        };
        const confirmed = await browser.mutate('paymentRun.recordConfirmation', confirmation);
        expect(confirmed.status).toBe(200);
        expect((await getPaymentRun(db, { networkId, id: runId }))?.state).toBe('completed');
      }
      const payments = await listPayments(db, networkId);
      expect(new Set(payments.map((p) => p.payableId)).size).toBe(payments.length);
      const paidLines = (
        await Promise.all(runs.map((runId) => listPaymentRunLines(db, { networkId, runId })))
      ).flat();
      expect(paidLines).toHaveLength(ITERATIONS * LINES_PER_RUN);
      expect(paidLines.every((l) => l.status === 'paid')).toBe(true);
      expect(await ledgerTrialBalance(db, networkId)).toMatchObject({
        totalPence: 0,
        unbalancedPostings: 0,
      });
      expect((await verifyAuditChain(db, networkId)).intact).toBe(true);
      const committed = outcomes.filter((o) => o === 'released').length;
      console.info(
        `release under SIGKILL: ${committed} of ${ITERATIONS} kills came after the commit, ${ITERATIONS - committed} before it`,
      );
    },
    900_000,
  );
});
