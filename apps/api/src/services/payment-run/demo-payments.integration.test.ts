import { ledgerTrialBalance, listPayments } from '@coproduce/db';
import { checkBacsStandard18 } from '@coproduce/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerAs } from '../../test-support/callers.ts';
import { type RunningServer, startServer } from '../../testing.ts';

let server: RunningServer;
let fatima: Caller;
let networkId: string;

beforeAll(async () => {
  server = await startServer();
  fatima = await callerAs(server, 'fatima.begum@hub.example.org', 'finance_officer');
  networkId = (await fatima.session.me()).memberships[0]?.network.id ?? '';
}, 240_000);
afterAll(() => server?.close());

describe('demo payments', () => {
  it('seeds a completed run and a run made by Fatima waiting for someone else’s approval', async () => {
    const { runs } = await fatima.paymentRun.list();
    expect(runs.map((r) => r.state).sort()).toEqual(['completed', 'draft']);
    const draft = runs.find((r) => r.state === 'draft');
    expect(draft?.createdByName).toBe('Fatima Begum');
    const run = await fatima.paymentRun.get({ runId: draft?.id ?? '' });
    expect(run.can.approve).toBe(false);
    const owen = await callerAs(server, 'owen.price@hub.example.org', 'finance_officer');
    expect((await owen.paymentRun.get({ runId: run.id })).can.approve).toBe(true);
  });

  it('holds the practitioner whose DBS check has lapsed, with the reason', async () => {
    const { runs } = await fatima.paymentRun.list();
    const draft = await fatima.paymentRun.get({
      runId: runs.find((r) => r.state === 'draft')?.id ?? '',
    });
    expect(draft.exclusions.length).toBeGreaterThan(0);
    for (const exclusion of draft.exclusions.filter((e) => e.payeeName === 'Zainab Ali'))
      expect(exclusion.reason).toMatch(/^Enhanced DBS check expired on \d{4}-\d{2}-\d{2}$/);
  });

  it('paid the completed run once per payable, with a valid Bacs file and a balanced ledger', async () => {
    const { runs } = await fatima.paymentRun.list();
    const completed = await fatima.paymentRun.get({
      runId: runs.find((r) => r.state === 'completed')?.id ?? '',
    });
    const file = await fatima.paymentRun.download({ runId: completed.id, file: 'bacs' });
    const check = checkBacsStandard18(Buffer.from(file.contentBase64, 'base64').toString('utf8'));
    const paid = completed.lines.filter((l) => l.status === 'paid');
    expect(check).toEqual({
      ok: true,
      credits: paid.length,
      totalPence: paid.reduce((sum, l) => sum + l.amountPence, 0),
    });
    const payments = await listPayments(server.database.db, networkId);
    expect(new Set(payments.map((p) => p.payableId)).size).toBe(payments.length);
    expect(await ledgerTrialBalance(server.database.db, networkId)).toMatchObject({
      totalPence: 0,
      unbalancedPostings: 0,
    });
  });
});
