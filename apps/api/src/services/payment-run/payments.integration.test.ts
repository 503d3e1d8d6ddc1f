import { createHash, randomUUID } from 'node:crypto';
import { listAuditEntries } from '@coproduce/db';
import { checkBacsStandard18, type DomainError } from '@coproduce/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/callers.ts';
import { EMAILS, type PaymentsWorld, paymentsWorld } from '../../test-support/payments-fixture.ts';
import { type RunningServer, startServer } from '../../testing.ts';
import { addDays, today } from '../../time.ts';

let server: RunningServer;
let w: PaymentsWorld;

beforeAll(async () => {
  server = await startServer();
  w = await paymentsWorld(server);
}, 300_000);
afterAll(() => server?.close());

const fieldOf = (error: { cause?: unknown }) => (error.cause as DomainError | undefined)?.field;

/** A run of exactly these payables (others already open are cancelled out of the way). */
async function runOf(payableIds: readonly string[]) {
  const made = await w.fatima.paymentRun.create({ dueBy: today(), idempotencyKey: randomUUID() });
  const run = await w.fatima.paymentRun.get({ runId: made.runId });
  for (const id of payableIds) expect(run.lines.map((l) => l.payableId)).toContain(id);
  return run;
}

async function approvedRun(payableIds: readonly string[]) {
  const run = await runOf(payableIds);
  await w.owen.paymentRun.approve({
    runId: run.id,
    totpCode: await w.code(EMAILS.owen),
    idempotencyKey: randomUUID(),
  });
  return run;
}

describe('practitioner pay', () => {
  it('lets the hub coordinator set a role’s pay, and no one else', async () => {
    const role = await w.roleOf(EMAILS.ruth);
    expect(
      await w.grace.paidRole.setPay({
        paidRoleId: role.id,
        basis: 'per_session',
        ratePence: 4_500,
      }),
    ).toEqual({ paidRoleId: role.id, basis: 'per_session', ratePence: 4_500 });
    const refused = await refusal(
      w.samuel.paidRole.setPay({ paidRoleId: role.id, basis: 'per_session', ratePence: 9_999 }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    const audit = await listAuditEntries(server.database.db, {
      networkId: w.networkId,
      action: 'paid-role.pay-set',
      limit: 50,
    });
    expect(audit.some((a) => a.objectId === role.id)).toBe(true);
  });

  it('goes from a logged session to a payable charged to the programme’s budget', async () => {
    const role = await w.roleOf(EMAILS.ruth);
    const before = await w.grace.money.programme({ programmeId: role.programmeId });
    const sessionId = await w.newSession(EMAILS.ruth, 'st-brigids', addDays(today(), -2));
    const mine = await w.ruth.workLog.mine();
    expect(mine.sessions.map((s) => s.sessionId)).toContain(sessionId);
    const { workLogId, state } = await w.ruth.workLog.log({
      paidRoleId: role.id,
      work: { kind: 'session', sessionId },
      idempotencyKey: randomUUID(),
    });
    expect(state).toBe('logged');
    expect((await w.samuel.workLog.toConfirm()).workLogs.map((l) => l.id)).toContain(workLogId);
    await w.samuel.workLog.confirm({ workLogId, decision: 'confirm' });
    const waiting = (await w.david.workLog.toApprove()).workLogs.find((l) => l.id === workLogId);
    expect(waiting).toMatchObject({ payable: true, notPayableBecause: null, amountPence: 4_500 });
    const approved = await w.david.workLog.approve({
      workLogId,
      decision: 'approve',
      idempotencyKey: randomUUID(),
    });
    expect(approved).toMatchObject({ state: 'approved', amountPence: 4_500 });
    const after = await w.grace.money.programme({ programmeId: role.programmeId });
    expect(after.totals.committedPence - before.totals.committedPence).toBe(4_500);
    expect(after.funders.reduce((sum, f) => sum + f.committedPence, 0)).toBe(
      after.totals.committedPence,
    );
    const open = await w.fatima.payable.list({ status: 'open', limit: 200 });
    expect(open.payables.find((p) => p.id === approved.payableId)).toMatchObject({
      payeeName: 'Ruth Campbell',
      amountPence: 4_500,
      source: { kind: 'workLog', id: workLogId },
    });
  });

  it('never lets the practitioner confirm their own session', async () => {
    // Samuel, a site lead, delivers sessions too: his own log needs another site lead.
    const role = await w.roleOf(EMAILS.ruth);
    const { insertWorkLog, findPersonByEmail } = await import('@coproduce/db');
    const samuel = await findPersonByEmail(server.database.db, EMAILS.samuel);
    const sessionId = await w.newSession(EMAILS.ruth, 'st-brigids', addDays(today(), -3));
    const log = await insertWorkLog(server.database.db, {
      networkId: w.networkId,
      paidRoleId: role.id,
      personId: samuel?.id ?? '',
      kind: 'session',
      deliverySessionId: sessionId,
      minutes: 60,
      workedOn: addDays(today(), -3),
      state: 'logged',
    });
    const refused = await refusal(
      w.samuel.workLog.confirm({ workLogId: log.id, decision: 'confirm' }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe('You logged this session, so someone else must confirm it.');
  });

  it('refuses to approve work done after a check lapsed, naming the check', async () => {
    const role = await w.roleOf(EMAILS.zainab);
    const sessionId = await w.newSession(EMAILS.zainab, 'al-noor', addDays(today(), -3));
    const { workLogId } = await w.zainab.workLog.log({
      paidRoleId: role.id,
      work: { kind: 'session', sessionId },
      idempotencyKey: randomUUID(),
    });
    await w.yusuf.workLog.confirm({ workLogId, decision: 'confirm' });
    const waiting = (await w.david.workLog.toApprove()).workLogs.find((l) => l.id === workLogId);
    expect(waiting?.notPayableBecause).toMatch(/^Enhanced DBS check expired on \d{4}-\d{2}-\d{2}$/);
    const refused = await refusal(
      w.david.workLog.approve({ workLogId, decision: 'approve', idempotencyKey: randomUUID() }),
    );
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.message).toMatch(/Enhanced DBS check expired on \d{4}-\d{2}-\d{2}/);
  });

  it('answers a repeated approval with the same response, and refuses the key for another request', async () => {
    const role = await w.roleOf(EMAILS.ruth);
    const sessionId = await w.newSession(EMAILS.ruth, 'st-brigids', addDays(today(), -4));
    const { workLogId } = await w.ruth.workLog.log({
      paidRoleId: role.id,
      work: { kind: 'session', sessionId },
      idempotencyKey: randomUUID(),
    });
    await w.samuel.workLog.confirm({ workLogId, decision: 'confirm' });
    const key = randomUUID();
    const first = await w.david.workLog.approve({
      workLogId,
      decision: 'approve',
      idempotencyKey: key,
    });
    const again = await w.david.workLog.approve({
      workLogId,
      decision: 'approve',
      idempotencyKey: key,
    });
    expect(again).toEqual(first);
    const refused = await refusal(
      w.david.workLog.approve({ workLogId, decision: 'reject', reason: 'x', idempotencyKey: key }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe('This idempotency key was already used for a different request');
    expect(fieldOf(refused)).toBe('idempotencyKey');
  });
});

describe('bank details', () => {
  it('stores them encrypted, shows and audits the last three digits only', async () => {
    const requested = await w.ruth.bankDetails.request({
      sortCode: '99-02-01',
      accountNumber: '00987654',
      accountName: 'R Campbell',
    });
    const mine = await w.ruth.bankDetails.mine();
    expect(mine.pending).toMatchObject({ accountEnding: '654', sortCodeMasked: '**-**-**' });
    const shown = JSON.stringify([
      mine,
      await w.fatima.bankDetails.pending(),
      await w.fatima.bankDetails.forPayee({ payeeId: requested.payeeId }),
    ]);
    expect(shown).not.toContain('00987654');
    expect(shown).not.toContain('990201');
    const { findBankDetailsById } = await import('@coproduce/db');
    const stored = await findBankDetailsById(server.database.db, requested.bankDetailsId);
    expect(stored?.encrypted).not.toContain('00987654');
    expect(Buffer.from(stored?.encrypted ?? '', 'base64').toString('latin1')).not.toContain(
      '00987654',
    );
    const audit = await listAuditEntries(server.database.db, {
      networkId: w.networkId,
      objectId: requested.payeeId,
      limit: 50,
    });
    expect(JSON.stringify(audit)).not.toContain('00987654');
    expect(audit[0]?.detail).toEqual({
      bankDetailsId: requested.bankDetailsId,
      accountLast3: '654',
    });
    // Tidy up: someone else rejects it, so Ruth is paid again.
    await w.owen.bankDetails.decide({ bankDetailsId: requested.bankDetailsId, decision: 'reject' });
  });

  it('refuses a change naming both a person and an organisation, whoever asks, and stores nothing', async () => {
    const ruth = await import('@coproduce/db').then((db) =>
      db.findPersonByEmail(server.database.db, EMAILS.ruth),
    );
    const siteId = (await w.ruth.session.me()).memberships[0]?.organisation.id;
    const before = await w.fatima.bankDetails.pending();
    for (const caller of [w.ruth, w.fatima]) {
      const both = await refusal(
        caller.bankDetails.request({
          personId: ruth?.id,
          organisationId: siteId,
          sortCode: '99-02-03',
          accountNumber: '00765432',
          accountName: 'Ruth Campbell',
        }),
      );
      expect(both.code).toBe('BAD_REQUEST');
      expect(both.message).toBe('Give the person or the organisation to pay, not both.');
      expect(fieldOf(both)).toBe('organisationId');
    }
    expect(await w.fatima.bankDetails.pending()).toEqual(before);
  });

  it('never lets the person who asked confirm the change, and holds the payee meanwhile', async () => {
    const [payableId] = await w.approvedRuthPayables(1);
    const ruth = await import('@coproduce/db').then((db) =>
      db.findPersonByEmail(server.database.db, EMAILS.ruth),
    );
    const change = await w.fatima.bankDetails.request({
      personId: ruth?.id,
      sortCode: '99-02-02',
      accountNumber: '00876543',
      accountName: 'Ruth Campbell',
    });
    const own = await refusal(
      w.fatima.bankDetails.decide({ bankDetailsId: change.bankDetailsId, decision: 'confirm' }),
    );
    expect(own.code).toBe('FORBIDDEN');
    expect(own.message).toBe('You asked for this change, so someone else must confirm it.');
    // Nothing else is due, so no run can be made; the refusal lists what is held and why.
    const held = await refusal(
      w.fatima.paymentRun.create({ dueBy: today(), idempotencyKey: randomUUID() }),
    );
    expect(held.code).toBe('PRECONDITION_FAILED');
    const exclusions = (held.cause as DomainError).details?.exclusions as {
      payableId: string;
      reason: string;
    }[];
    expect(exclusions.find((e) => e.payableId === payableId)?.reason).toBe(
      'Bank details change waiting for confirmation',
    );
    await w.owen.bankDetails.decide({ bankDetailsId: change.bankDetailsId, decision: 'confirm' });
    const run = await runOf([payableId ?? '']);
    expect(run.lines.find((l) => l.payableId === payableId)?.accountEnding).toBe('543');
    await w.fatima.paymentRun.cancel({ runId: run.id, reason: 'Test finished' });
  });
});

describe('payment runs', () => {
  it('never lets a finance officer approve a run they created, and asks for a fresh code', async () => {
    const [payableId] = await w.approvedRuthPayables(1);
    const run = await runOf([payableId ?? '']);
    const own = await refusal(
      w.fatima.paymentRun.approve({
        runId: run.id,
        totpCode: await w.code(EMAILS.fatima),
        idempotencyKey: randomUUID(),
      }),
    );
    expect(own.code).toBe('FORBIDDEN');
    expect(own.message).toBe('You created this run, so someone else must approve it.');
    const wrong = await refusal(
      w.owen.paymentRun.approve({
        runId: run.id,
        totpCode: '000000',
        idempotencyKey: randomUUID(),
      }),
    );
    expect(fieldOf(wrong)).toBe('totpCode');
    const code = await w.code(EMAILS.david);
    await w.david.paymentRun.approve({
      runId: run.id,
      totpCode: code,
      idempotencyKey: randomUUID(),
    });
    expect((await w.fatima.paymentRun.get({ runId: run.id })).approvedBy?.name).toBe('David Levi');
    await w.fatima.paymentRun.cancel({ runId: run.id, reason: 'Test finished' });
    // The code cannot be used twice, even for another decision.
    const another = await runOf([]);
    const replay = await refusal(
      w.david.paymentRun.approve({
        runId: another.id,
        totpCode: code,
        idempotencyKey: randomUUID(),
      }),
    );
    expect(replay.message).toMatch(/already been used/);
    await w.fatima.paymentRun.cancel({ runId: another.id, reason: 'Test finished' });
  });

  it('releases a Bacs Standard 18 file whose totals are the sum of its lines, and a CSV', async () => {
    const payables = await w.approvedRuthPayables(3);
    const run = await approvedRun(payables);
    const released = await w.fatima.paymentRun.release({
      runId: run.id,
      idempotencyKey: randomUUID(),
    });
    expect(released.state).toBe('released');
    const bacs = await w.fatima.paymentRun.download({ runId: run.id, file: 'bacs' });
    const text = Buffer.from(bacs.contentBase64, 'base64').toString('utf8');
    const lines = (await w.fatima.paymentRun.get({ runId: run.id })).lines.filter(
      (l) => l.status === 'included',
    );
    expect(checkBacsStandard18(text)).toEqual({
      ok: true,
      credits: lines.length,
      totalPence: lines.reduce((sum, l) => sum + l.amountPence, 0),
    });
    expect(released.totalPence).toBe(lines.reduce((sum, l) => sum + l.amountPence, 0));
    expect(createHash('sha256').update(text).digest('hex')).toBe(released.fileSha256);
    const csv = await w.fatima.paymentRun.download({ runId: run.id, file: 'csv' });
    const rows = parse(Buffer.from(csv.contentBase64, 'base64')) as string[][];
    expect(rows).toHaveLength(lines.length + 1);
    expect(rows[0]).toContain('amount_pence');
    expect(rows.slice(1).reduce((sum, r) => sum + Number(r[6]), 0)).toBe(released.totalPence);
    // Bank details are decrypted for the file only: audit entries never carry them.
    expect(
      JSON.stringify(
        await listAuditEntries(server.database.db, { networkId: w.networkId, limit: 500 }),
      ),
    ).not.toMatch(/00012345|00987654|00876543/);
    await w.fatima.paymentRun.recordConfirmation({
      runId: run.id,
      idempotencyKey: randomUUID(),
      lines: lines.map((l) => ({ lineId: l.id, outcome: 'paid' as const, bankReference: 'B1' })),
    });
  });

  it('records the bank’s confirmation: paid once, failed lines open again, remittance for the payee', async () => {
    const payables = await w.approvedRuthPayables(3);
    const run = await approvedRun(payables);
    await w.fatima.paymentRun.release({ runId: run.id, idempotencyKey: randomUUID() });
    const lines = (await w.fatima.paymentRun.get({ runId: run.id })).lines.filter((l) =>
      payables.includes(l.payableId),
    );
    const [paid, failed, later] = lines;
    const bad = await refusal(
      w.fatima.paymentRun.uploadConfirmation({
        runId: run.id,
        idempotencyKey: randomUUID(),
        contentBase64: Buffer.from(`reference,status,reason\n${paid?.reference},maybe,\n`).toString(
          'base64',
        ),
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toBe('Row 2, column status: enter paid or failed (not "maybe").');
    const csv = `reference,status,reason\n${paid?.reference},paid,\n${failed?.reference},failed,Account closed\n`;
    const first = await w.fatima.paymentRun.uploadConfirmation({
      runId: run.id,
      idempotencyKey: randomUUID(),
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    expect(first.results.map((r) => r.result)).toEqual(['paid', 'failed']);
    // The other finance officer marks the same line again: nothing is paid twice.
    const second = await w.owen.paymentRun.recordConfirmation({
      runId: run.id,
      idempotencyKey: randomUUID(),
      lines: [
        { lineId: paid?.id ?? '', outcome: 'paid', bankReference: 'AGAIN' },
        { lineId: later?.id ?? '', outcome: 'paid', bankReference: 'BACS-LATER' },
      ],
    });
    expect(second.results.map((r) => r.result)).toEqual(['already-decided', 'paid']);
    const remaining = (await w.fatima.paymentRun.get({ runId: run.id })).lines.filter(
      (l) => l.status === 'included',
    );
    if (remaining.length > 0)
      await w.fatima.paymentRun.recordConfirmation({
        runId: run.id,
        idempotencyKey: randomUUID(),
        lines: remaining.map((l) => ({
          lineId: l.id,
          outcome: 'paid' as const,
          bankReference: 'B',
        })),
      });
    expect((await w.fatima.paymentRun.get({ runId: run.id })).state).toBe('completed');
    expect(await w.health()).toEqual({
      totalPence: 0,
      unbalancedPostings: 0,
      paymentsPerPayable: 1,
    });

    const open = await w.fatima.payable.list({ status: 'open', limit: 200 });
    expect(open.payables.find((p) => p.id === failed?.payableId)?.status).toBe('open');
    const mine = await w.ruth.payment.mine();
    expect(mine.payments.map((p) => p.reference)).toEqual(
      expect.arrayContaining([paid?.reference]),
    );
    const pdf = await w.ruth.payment.myRemittance({ runId: run.id });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const forFinance = await w.fatima.paymentRun.remittance({
      runId: run.id,
      payeeId: paid?.payeeId ?? '',
    });
    expect(forFinance.mimeType).toBe('application/pdf');
    // The failed payable joins the next run.
    const next = await runOf([failed?.payableId ?? '']);
    await w.fatima.paymentRun.cancel({ runId: next.id, reason: 'Test finished' });
  });

  it('pays each payable exactly once under 50 concurrent release and confirmation calls', async () => {
    const payables = await w.approvedRuthPayables(6);
    const run = await approvedRun(payables);
    const lines = (await w.fatima.paymentRun.get({ runId: run.id })).lines;
    const callers = [w.fatima, w.owen];
    const releaseKeys = [randomUUID(), randomUUID(), randomUUID()];
    const confirmKeys = Array.from({ length: 5 }, () => randomUUID());
    // Each confirmation key always carries the same lines (a retry), keys overlap on lines.
    const linesFor = (k: number) =>
      lines
        .filter((_, i) => (i + k) % 2 === 0 || i === k)
        .map((l) => ({
          lineId: l.id,
          outcome: 'paid' as const,
          bankReference: `BANK-${l.reference}`,
        }));
    const calls = Array.from({ length: 50 }, (_, i) => {
      const caller = callers[i % 2] ?? w.fatima;
      if (i % 3 === 0) {
        const key = releaseKeys[i % releaseKeys.length] ?? '';
        return { key, promise: caller.paymentRun.release({ runId: run.id, idempotencyKey: key }) };
      }
      const k = i % confirmKeys.length;
      const key = confirmKeys[k] ?? '';
      return {
        key,
        promise: caller.paymentRun.recordConfirmation({
          runId: run.id,
          idempotencyKey: key,
          lines: linesFor(k),
        }),
      };
    });
    const settled = await Promise.allSettled(calls.map((c) => c.promise));
    const byKey = new Map<string, unknown[]>();
    settled.forEach((result, i) => {
      const key = calls[i]?.key ?? '';
      if (result.status === 'fulfilled') byKey.set(key, [...(byKey.get(key) ?? []), result.value]);
      else expect(['CONFLICT']).toContain((result.reason as { code: string }).code);
    });
    for (const responses of byKey.values())
      for (const r of responses) expect(r).toEqual(responses[0]);
    expect(settled.some((r) => r.status === 'fulfilled')).toBe(true);
    // Whatever the interleaving, finish confirming and check: each line paid exactly once.
    const after = await w.fatima.paymentRun.get({ runId: run.id });
    if (after.state === 'approved')
      await w.fatima.paymentRun.release({ runId: run.id, idempotencyKey: randomUUID() });
    const waiting = (await w.fatima.paymentRun.get({ runId: run.id })).lines.filter(
      (l) => l.status === 'included',
    );
    if (waiting.length > 0)
      await w.owen.paymentRun.recordConfirmation({
        runId: run.id,
        idempotencyKey: randomUUID(),
        lines: waiting.map((l) => ({
          lineId: l.id,
          outcome: 'paid' as const,
          bankReference: 'LAST',
        })),
      });
    const done = await w.fatima.paymentRun.get({ runId: run.id });
    expect(done.state).toBe('completed');
    expect(done.lines.every((l) => l.status === 'paid')).toBe(true);
    const { listPayments } = await import('@coproduce/db');
    const payments = (await listPayments(server.database.db, w.networkId)).filter((p) =>
      payables.includes(p.payableId),
    );
    expect(payments.map((p) => p.payableId).sort()).toEqual([...payables].sort());
    expect(await w.health()).toEqual({
      totalPence: 0,
      unbalancedPostings: 0,
      paymentsPerPayable: 1,
    });
  }, 300_000);
});

describe('money on the programme page', () => {
  it('shows budget vs committed vs paid per funder, summing to the totals', async () => {
    const role = await w.roleOf(EMAILS.ruth);
    const money = await w.grace.money.programme({ programmeId: role.programmeId });
    expect(money.totals.budgetPence).toBe(money.plannedBudgetPence);
    expect(money.funders.map((f) => f.shareBasisPoints).sort()).toEqual([4000, 6000]);
    for (const field of ['budgetPence', 'committedPence', 'paidPence'] as const)
      expect(money.funders.reduce((sum, f) => sum + f[field], 0)).toBe(money.totals[field]);
    expect(money.totals.paidPence).toBeGreaterThan(0);
    expect(money.totals.committedPence).toBeGreaterThanOrEqual(money.totals.paidPence);
  });
});
