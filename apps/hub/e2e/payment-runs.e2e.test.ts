import { readFile } from 'node:fs/promises';
import { checkBacsStandard18 } from '@coproduce/domain';
import { checkPage, chromiumPath, launchBrowser, type Visit } from '@coproduce/ui/e2e/browser.ts';
import { fill, heading, text, totpCode, workflowText } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hubEn } from '../src/messages/en.ts';
import { financeEn } from '../src/messages/finance.en.ts';
import { signInAs } from './sign-in-as.ts';

const baseUrl = inject('baseUrl');
const { password, totpSecrets } = inject('demo');

/** Two finance officers of the demo hub, both with TOTP. */
const FATIMA = 'fatima.begum@hub.example.org';
const OWEN = 'owen.price@hub.example.org';
const TOTP_STEP_MS = 30_000;

function secretOf(email: string): string {
  const secret = totpSecrets[email];
  if (secret === undefined) throw new Error(`the seed has no TOTP secret for ${email}`);
  return secret;
}

/**
 * A code the server has not seen from this person yet: a code is accepted once (sign-in
 * included), so after signing in we wait for the app's next code, as a person would.
 */
const usedCodes = new Map<string, Set<string>>();
async function freshCode(email: string): Promise<string> {
  const used = usedCodes.get(email) ?? new Set<string>();
  usedCodes.set(email, used);
  for (;;) {
    const code = await totpCode(secretOf(email));
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
    await new Promise((resolve) =>
      setTimeout(resolve, TOTP_STEP_MS - (Date.now() % TOTP_STEP_MS) + 500),
    );
  }
}

let browser: Browser;
let fatima: Visit;
let owen: Visit;
beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
});
afterAll(async () => {
  await browser?.close();
});

async function signInFinanceOfficer(email: string): Promise<Visit> {
  const visit = await signInAs(browser, {
    baseUrl,
    app: 'hub',
    email,
    password,
    home: fill(hubEn['home.title'], { role: text['role.finance_officer'] }),
    totpSecret: secretOf(email),
  });
  // The code signed in with is spent.
  const used = usedCodes.get(email) ?? new Set<string>();
  used.add(await totpCode(secretOf(email)));
  usedCodes.set(email, used);
  return visit;
}

async function openFinance(page: Page, card: string, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: text['header.menu'] })
    .getByRole('link', { name: hubEn['nav.finance'] })
    .click();
  await expect.poll(() => heading(page)).toBe(financeEn['finance.title']);
  await page.getByRole('link', { name: card, exact: true }).click();
  await expect.poll(() => heading(page)).toBe(title);
}

async function banner(page: Page, message: string): Promise<void> {
  await page.locator('.govuk-notification-banner--success').getByText(message).waitFor();
}

async function tagged(page: Page, words: string): Promise<void> {
  await page
    .locator('.govuk-tag', { hasText: new RegExp(`^${words}$`) })
    .first()
    .waitFor();
}

/** Clicks a download button and returns the file the browser saved. */
async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** Later than anything the seed made due, and a date no seeded run uses. */
const DUE_BY = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
/** Grace coordinates the hub: she approves practitioners' confirmed sessions (no TOTP). */
const GRACE = 'grace.mensah@hub.example.org';

describe('payment runs in the hub', () => {
  let runPath = '';

  it('a hub coordinator approves a practitioner’s confirmed session, making it payable', async () => {
    const grace = await signInAs(browser, {
      baseUrl,
      app: 'hub',
      email: GRACE,
      password,
      home: fill(hubEn['home.title'], { role: text['role.hub_coordinator'] }),
    });
    const { page } = grace;
    await openFinance(page, financeEn['finance.card.sessions.title'], financeEn['sessions.title']);
    const session = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Ruth Campbell' }),
    });
    await session.first().waitFor();
    await checkPage(grace, 'hub-sessions-to-approve');
    await session
      .first()
      .getByRole('button', { name: /^Approve/ })
      .click();
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(/^Session by Ruth Campbell on .+ approved: it is now payable$/)
      .waitFor();
    await grace.context.close();
  });

  it('a finance officer confirms a bank-detail change someone else asked for', async () => {
    fatima = await signInFinanceOfficer(FATIMA);
    const { page } = fatima;
    await openFinance(
      page,
      financeEn['finance.card.bankDetails.title'],
      financeEn['bankDetails.title'],
    );
    const change = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Al-Noor Community Mosque' }),
    });
    await change.getByText(fill(financeEn['finance.accountEnding'], { last3: '678' })).waitFor();
    await checkPage(fatima, 'hub-bank-details-to-confirm');
    await change.getByRole('button', { name: /^Confirm the change/ }).click();
    await banner(
      page,
      fill(financeEn['bankDetails.confirmed'], { payee: 'Al-Noor Community Mosque' }),
    );
  });

  it('cancels the run waiting for approval, so its payment can join a new run', async () => {
    const { page } = fatima;
    await openFinance(page, financeEn['finance.card.payables.title'], financeEn['payables.title']);
    await page.getByRole('table', { name: financeEn['payables.caption'] }).waitFor();
    await checkPage(fatima, 'hub-payables');

    await openFinance(page, financeEn['finance.card.runs.title'], financeEn['runs.title']);
    await checkPage(fatima, 'hub-payment-runs');
    await page
      .getByRole('row')
      .filter({
        has: page.locator('.govuk-tag', { hasText: workflowText['paymentRunState.draft'] }),
      })
      .getByRole('link')
      .click();
    await tagged(page, workflowText['paymentRunState.draft']);
    await page.getByRole('link', { name: financeEn['run.cancel.link'] }).click();
    await expect.poll(() => heading(page)).toBe(financeEn['cancelRun.title']);
    await page.getByRole('button', { name: financeEn['cancelRun.submit'] }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: financeEn['cancelRun.error.reason'] })
      .waitFor();
    await checkPage(fatima, 'hub-payment-run-cancel-errors');
    await page
      .getByLabel(financeEn['cancelRun.reason'])
      .fill('Paying it with the next session in one run');
    await page.getByRole('button', { name: financeEn['cancelRun.submit'] }).click();
    await banner(page, financeEn['run.cancelled']);
    await tagged(page, workflowText['paymentRunState.cancelled']);
  });

  it('creates a run, with what it left out and why', async () => {
    const { page } = fatima;
    await page.getByRole('link', { name: financeEn['run.back'] }).click();
    await expect.poll(() => heading(page)).toBe(financeEn['runs.title']);
    await page.getByRole('button', { name: financeEn['runs.create'] }).click();
    await expect.poll(() => heading(page)).toBe(financeEn['createRun.title']);
    await page.getByLabel(financeEn['createRun.dueBy']).fill(DUE_BY);
    await checkPage(fatima, 'hub-payment-run-create');
    await page.getByRole('button', { name: financeEn['createRun.submit'] }).click();
    await banner(page, financeEn['createRun.created']);
    runPath = new URL(page.url()).pathname;
    expect(runPath).toMatch(/^\/hub\/finance\/payment-runs\/[0-9a-f-]{36}$/);
    await tagged(page, workflowText['paymentRunState.draft']);

    // Ruth's two approved sessions, to her confirmed account (shown by its last three digits).
    const lines = page.getByRole('table', { name: financeEn['run.lines.caption'] });
    await expect
      .poll(() =>
        lines.getByText(fill(financeEn['finance.accountEnding'], { last3: '345' })).count(),
      )
      .toBe(2);
    // Zainab's enhanced DBS check has lapsed: her sessions are left out, and the reason says so.
    const exclusions = page.getByRole('table', { name: financeEn['run.exclusions.caption'] });
    await exclusions
      .getByText(/^Enhanced DBS check expired on \d{4}-\d{2}-\d{2}$/)
      .first()
      .waitFor();
    await checkPage(fatima, 'hub-payment-run-review');
  });

  it('refuses the run to its creator at approval, in the server’s words', async () => {
    const { page } = fatima;
    await page.getByRole('button', { name: financeEn['run.approve.link'] }).click();
    await expect.poll(() => heading(page)).toBe(financeEn['approveRun.title']);
    await page.getByLabel(financeEn['approveRun.code']).fill(await freshCode(FATIMA));
    await page.getByRole('button', { name: financeEn['approveRun.submit'] }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText('You created this run, so someone else must approve it.')
      .waitFor();
    await checkPage(fatima, 'hub-payment-run-approve-refused');
  });

  it('another finance officer approves it with a fresh code from their app', async () => {
    owen = await signInFinanceOfficer(OWEN);
    const { page } = owen;
    await page.goto(`${baseUrl}${runPath}`);
    await tagged(page, workflowText['paymentRunState.draft']);
    await page.getByRole('button', { name: financeEn['run.approve.link'] }).click();
    await expect.poll(() => heading(page)).toBe(financeEn['approveRun.title']);
    await checkPage(owen, 'hub-payment-run-approve');
    await page.getByLabel(financeEn['approveRun.code']).fill(await freshCode(OWEN));
    await page.getByRole('button', { name: financeEn['approveRun.submit'] }).click();
    await banner(page, financeEn['run.approved']);
    await tagged(page, workflowText['paymentRunState.approved']);
  });

  it('is released after a warning that it cannot be undone', async () => {
    const { page } = owen;
    await page.getByRole('button', { name: financeEn['run.release.link'] }).click();
    await expect.poll(() => heading(page)).toBe(financeEn['releaseRun.title']);
    await page.getByText(financeEn['releaseRun.warning']).waitFor();
    await checkPage(owen, 'hub-payment-run-release');
    await page.getByRole('button', { name: financeEn['releaseRun.submit'] }).click();
    await banner(page, financeEn['run.released']);
    await tagged(page, workflowText['paymentRunState.released']);
    await page.getByRole('heading', { name: financeEn['run.files.heading'] }).waitFor();
    await checkPage(owen, 'hub-payment-run-released');
  });

  it('downloads the Bacs file, the bulk-payment CSV and a remittance advice', async () => {
    const { page } = owen;
    const bacs = await download(page, financeEn['run.files.bacs']);
    const bacsText = bacs.bytes.toString('latin1');
    // Labels (VOL1, HDR1, HDR2, UHL1 … EOF1, EOF2, UTL1) are 80 characters; every payment
    // record and the contra between them are 100.
    const records = bacsText.split('\r\n').slice(0, -1);
    const payments = records.slice(4, -3);
    expect(payments.length).toBeGreaterThan(1);
    for (const record of payments) expect(record).toHaveLength(100);
    const check = checkBacsStandard18(bacsText);
    expect(check).toEqual({
      ok: true,
      credits: payments.length - 1,
      totalPence: expect.any(Number),
    });
    await page
      .getByRole('status')
      .getByText(fill(financeEn['run.files.done'], { file: bacs.name }))
      .waitFor();

    const csv = await download(page, financeEn['run.files.csv']);
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.bytes.toString('utf8').split(/\r?\n/).length).toBeGreaterThan(1);

    const remittances = page.getByRole('button', { name: /^Remittance advice for / });
    const [firstRemittance] = await remittances.allTextContents();
    expect(firstRemittance).toBeDefined();
    const pdf = await download(page, firstRemittance ?? '');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await checkPage(owen, 'hub-payment-run-downloaded');
  });

  it('records the bank’s confirmation: one payment typed in as made, one failed from the bank’s file', async () => {
    const { page } = owen;
    const lines = page.getByRole('table', { name: financeEn['run.lines.caption'] });
    // Ruth's two sessions, and anything the other journeys made payable in this shared database
    // (the commissioning journey's countersigned milestone, paid to its site).
    const references = await lines.locator('.app-code').allTextContents();
    expect(references.length).toBeGreaterThanOrEqual(2);
    const othersPaid = references
      .slice(2)
      .map((reference) => `${reference},paid,\n`)
      .join('');

    await page.getByRole('button', { name: financeEn['run.confirm.link'] }).click();
    await expect.poll(() => heading(page)).toBe(financeEn['confirmRun.title']);
    // Nothing chosen is refused in words.
    await page.getByRole('button', { name: financeEn['confirmRun.submit'] }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: financeEn['confirmRun.error.nothing'] })
      .waitFor();
    await checkPage(owen, 'hub-payment-run-confirmation-errors');
    await page
      .getByRole('radio', { name: financeEn['confirmRun.line.paid'], exact: true })
      .first()
      .check();
    await page.getByLabel(financeEn['confirmRun.line.bankReference']).fill('BANK-REF-0001');
    await page.getByRole('button', { name: financeEn['confirmRun.submit'] }).click();
    await banner(page, financeEn['run.confirmed']);
    await lines
      .getByText(fill(financeEn['line.paidReference'], { reference: 'BANK-REF-0001' }))
      .waitFor();
    // One payment is still waiting for the bank.
    await tagged(page, workflowText['paymentRunState.released']);

    await page.getByRole('button', { name: financeEn['run.confirm.link'] }).click();
    await expect.poll(() => heading(page)).toBe(financeEn['confirmRun.title']);
    const file = page.getByLabel(financeEn['confirmRun.upload.file'], { exact: true });
    const csv = (text: string) => ({
      name: 'bank-confirmation.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
    await file.setInputFiles(csv(`reference,status,reason\n${references[1]},bounced,\n`));
    await page.getByRole('button', { name: financeEn['confirmRun.upload.submit'] }).click();
    // The server names the row and column that is wrong, beside the file field.
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: /^Row 2, column status: enter paid or failed/ })
      .waitFor();
    await checkPage(owen, 'hub-payment-run-confirmation-file-error');
    await file.setInputFiles(
      csv(`reference,status,reason\n${references[1]},failed,Account closed\n${othersPaid}`),
    );
    await page.getByRole('button', { name: financeEn['confirmRun.upload.submit'] }).click();
    await banner(page, financeEn['run.confirmed']);
    await lines
      .getByText(fill(financeEn['line.failedReason'], { reason: 'Account closed' }))
      .waitFor();
    // The bank has answered for every payment: the run is complete, and the failed payment's
    // payable is open again for a later run.
    await tagged(page, workflowText['paymentRunState.completed']);
    await checkPage(owen, 'hub-payment-run-confirmed');
  });
});
