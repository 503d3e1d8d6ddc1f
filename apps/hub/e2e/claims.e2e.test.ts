import { readFile } from 'node:fs/promises';
import { checkPage, chromiumPath, launchBrowser, type Visit } from '@coproduce/ui/e2e/browser.ts';
import { fill, heading, text, workflowText } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { claimsEn } from '../src/messages/claims.en.ts';
import { hubEn } from '../src/messages/en.ts';
import { moneyEn } from '../src/messages/money.en.ts';
import { rateCardsEn } from '../src/messages/rate-cards.en.ts';
import { signInAs } from './sign-in-as.ts';

const baseUrl = inject('baseUrl');
const { password, totpSecrets } = inject('demo');

const FAMILY_THERAPY = 'Family therapy clinics led by trained faith leaders';
const ICB = 'NHS Kingsmere Integrated Care Board';
const GRACE = 'grace.mensah@hub.example.org';
const DAVID = 'david.levi@hub.example.org';
const FATIMA = 'fatima.begum@hub.example.org';
const PRIYA = 'priya.raman@icb.example.org';

type HubRole = 'hub_coordinator' | 'hub_approver' | 'finance_officer' | 'commissioner';

let browser: Browser;
let grace: Visit;
/** The claim the demo seed left in verification, prepared by the coordinator. */
let claimPath = '';

beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
});
afterAll(async () => {
  await browser?.close();
});

const signIn = (email: string, role: HubRole) =>
  signInAs(browser, {
    baseUrl,
    app: 'hub',
    email,
    password,
    home: fill(hubEn['home.title'], { role: text[`role.${role}`] }),
    ...(totpSecrets[email] === undefined ? {} : { totpSecret: totpSecrets[email] }),
  });

async function confirmed(page: Page, message: string): Promise<void> {
  await page.locator('.govuk-notification-banner--success').getByText(message).waitFor();
}

/** The page's claim state tag reads `state`. */
async function claimState(page: Page, state: string): Promise<void> {
  await page
    .locator('.govuk-tag', { hasText: new RegExp(`^${state}$`) })
    .first()
    .waitFor();
}

/** From the home page, through Programmes, to the family therapy programme. */
async function openFamilyTherapy(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: text['header.menu'] })
    .getByRole('link', { name: hubEn['nav.programmes'] })
    .click();
  await expect.poll(() => heading(page)).toBe(hubEn['programmes.title']);
  await page.getByRole('link', { name: FAMILY_THERAPY, exact: true }).first().click();
  await expect.poll(() => heading(page)).toBe(FAMILY_THERAPY);
}

async function openClaims(page: Page): Promise<void> {
  await openFamilyTherapy(page);
  await page.getByRole('link', { name: moneyEn['money.claims'], exact: true }).click();
  await expect.poll(() => heading(page)).toBe(claimsEn['claims.title']);
}

/** Clicks a download button and returns the file the browser saved. */
async function download(page: Page, button: Locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

const isoInDays = (days: number) => {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

describe('outcome claims in the hub', () => {
  it('a coordinator reads the rate card, amends it with a dated amendment and previews its cost', async () => {
    grace = await signIn(GRACE, 'hub_coordinator');
    const { page } = grace;
    await openFamilyTherapy(page);
    // Money on the programme page: budget, committed and paid per funder, from the ledger.
    await page.getByRole('table', { name: moneyEn['money.caption'] }).waitFor();
    await page.getByRole('table', { name: moneyEn['money.claimsCaption'] }).waitFor();
    await checkPage(grace, 'hub-programme-money');

    await page.getByRole('link', { name: moneyEn['money.rateCard'], exact: true }).click();
    await expect.poll(() => heading(page)).toBe(rateCardsEn['rateCard.title']);
    const outcomes = page.getByRole('table', { name: rateCardsEn['rateCard.outcomes.caption'] });
    await expect.poll(() => outcomes.getByRole('rowheader').allTextContents()).toContain('PHQ9-RI');
    // The dated amendment the seed made, with its reason, in the history.
    await page
      .getByRole('table', { name: rateCardsEn['rateCard.history.caption'] })
      .getByText(/^Fewer 3-month follow-ups came back than planned/)
      .waitFor();
    await checkPage(grace, 'hub-rate-card');

    await page.getByRole('button', { name: rateCardsEn['rateCard.amend'] }).click();
    await expect.poll(() => heading(page)).toBe(rateCardsEn['rateCardEditor.title']);
    // The editor starts from the latest card; a price that is not pounds and pence is refused,
    // and the error summary names the outcome and links to the field.
    const firstPrice = page.getByLabel(rateCardsEn['rateCardEditor.price']).first();
    expect(await firstPrice.inputValue()).toBe('150.00');
    await firstPrice.fill('150.005');
    await page.getByRole('button', { name: rateCardsEn['rateCardEditor.save'] }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary
      .getByRole('link', { name: rateCardsEn['rateCardEditor.error.effectiveFromMissing'] })
      .waitFor();
    await summary
      .getByRole('link', { name: rateCardsEn['rateCardEditor.error.reasonMissing'] })
      .waitFor();
    const priceError = fill(rateCardsEn['rateCardEditor.error.priceFormat'], { number: 1 });
    await summary.getByRole('link', { name: priceError }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('outcomes-0-pricePence');
    await checkPage(grace, 'hub-rate-card-editor-errors');

    // "What would this cost": 10 families attend six sessions, 4 improve reliably on PHQ-9.
    await firstPrice.fill('£175');
    await page.getByLabel(fill(rateCardsEn['costPreview.count'], { code: 'ATTEND-6' })).fill('10');
    await page.getByLabel(fill(rateCardsEn['costPreview.count'], { code: 'PHQ9-RI' })).fill('4');
    await page.getByRole('button', { name: rateCardsEn['costPreview.submit'] }).click();
    const preview = page.getByRole('table', { name: rateCardsEn['costPreview.caption'] });
    await preview.getByRole('cell', { name: '£1,750.00' }).waitFor();
    // 10 × £175 + 4 × £400, split 60:40 between the ICB and the council to the penny.
    await page.getByText('£3,350.00').first().waitFor();
    await page.getByText('£2,010.00').waitFor();
    await page.getByText('£1,340.00').waitFor();
    await checkPage(grace, 'hub-rate-card-preview');

    const effectiveFrom = isoInDays(30);
    await page.getByLabel(rateCardsEn['rateCardEditor.effectiveFrom']).fill(effectiveFrom);
    await page
      .getByLabel(rateCardsEn['rateCardEditor.reason'])
      .fill('Attendance repriced at the contract review');
    await page.getByRole('button', { name: rateCardsEn['rateCardEditor.save'] }).click();
    await expect.poll(() => heading(page)).toBe(rateCardsEn['rateCard.title']);
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(/^Rate card amended from /)
      .waitFor();
    await page
      .getByRole('table', { name: rateCardsEn['rateCard.history.caption'] })
      .getByText('Attendance repriced at the contract review')
      .waitFor();
    await checkPage(grace, 'hub-rate-card-amended');
  });

  it('the coordinator checks the sample of the claim she prepared and completes verification, but cannot approve it', async () => {
    const { page } = grace;
    await openClaims(page);
    const list = page.getByRole('table', { name: claimsEn['claims.caption'] });
    await list.getByText(workflowText['claimState.settled']).first().waitFor();
    await checkPage(grace, 'hub-claims');

    const indigo = await download(
      page,
      page.getByRole('button', { name: claimsEn['claims.indigo.download'] }),
    );
    expect(indigo.name).toMatch(/^indigo-.*\.json$/);
    expect(JSON.parse(indigo.bytes.toString('utf8'))).toMatchObject({ standard: 'INDIGO' });

    // A period that ends before it starts is refused before anything is computed.
    await page.getByLabel(claimsEn['claims.compute.periodStart']).fill('2027-04-01');
    await page.getByLabel(claimsEn['claims.compute.periodEnd']).fill('2027-03-31');
    await page.getByRole('button', { name: claimsEn['claims.compute.submit'] }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: claimsEn['claims.compute.error.periodOrder'] })
      .waitFor();

    await list
      .getByRole('row')
      .filter({ hasText: workflowText['claimState.verification'] })
      .getByRole('link')
      .click();
    await expect.poll(() => heading(page)).toMatch(/^Claim for /);
    claimPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: claimsEn['claim.sample.heading'] }).waitFor();
    await claimState(page, workflowText['claimState.verification']);
    await checkPage(grace, 'hub-claim-verification');

    // Every sampled line checked: the first fails (with a note) and drops out, the rest pass.
    const checks = page.locator('.app-checklist form');
    const total = await checks.count();
    expect(total).toBeGreaterThan(0);
    for (let index = 0; index < total; index += 1) {
      const form = checks.first();
      const failing = index === 0;
      await form
        .getByLabel(failing ? claimsEn['claim.sample.fail'] : claimsEn['claim.sample.pass'], {
          exact: true,
        })
        .check();
      if (failing) {
        await form
          .getByLabel(claimsEn['claim.sample.note'])
          .fill('The session register does not show the sixth session');
      }
      await form
        .getByRole('button', { name: new RegExp(`^${claimsEn['claim.sample.save']}`) })
        .click();
      await expect.poll(() => checks.count()).toBe(total - index - 1);
    }
    await page
      .getByText(fill(claimsEn['claim.sample.progress'], { checked: total, total }))
      .waitFor();
    await page
      .getByRole('table', { name: claimsEn['claim.lines.caption'] })
      .getByText(claimsEn['claim.lines.droppedOut'])
      .waitFor();

    await page
      .getByRole('button', { name: workflowText['event.claim.COMPLETE_VERIFICATION'] })
      .click();
    await confirmed(page, workflowText['eventDone.claim.COMPLETE_VERIFICATION']);
    await claimState(page, workflowText['claimState.awaitingApproval']);
    // The coordinator prepared it: she is offered no approval, and the server refuses one.
    expect(
      await page.getByRole('button', { name: workflowText['event.claim.APPROVE'] }).count(),
    ).toBe(0);
    const claimId = claimPath.split('/').at(-1) ?? '';
    const refusal = await page.evaluate(async (id) => {
      const response = await fetch('/trpc/claim.approve', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ claimId: id, expectedVersion: 2, idempotencyKey: `e2e-${id}` }),
      });
      const body = (await response.json()) as { error?: { data?: { code?: string } } };
      return { status: response.status, code: body.error?.data?.code };
    }, claimId);
    expect(refusal).toEqual({ status: 403, code: 'FORBIDDEN' });
    await checkPage(grace, 'hub-claim-awaiting-approval');
  });

  it('a hub approver, a different person, approves it and its statements download', async () => {
    const david = await signIn(DAVID, 'hub_approver');
    const { page } = david;
    await openClaims(page);
    await page
      .getByRole('table', { name: claimsEn['claims.caption'] })
      .getByRole('row')
      .filter({ hasText: workflowText['claimState.awaitingApproval'] })
      .getByRole('link')
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(claimPath);
    await page.getByRole('button', { name: workflowText['event.claim.APPROVE'] }).click();
    await confirmed(page, workflowText['eventDone.claim.APPROVE']);

    // Above the programme's delegation limit, a co-funding commissioner countersigns.
    let approved: Visit = david;
    const decided: readonly string[] = [
      workflowText['claimState.approved'],
      workflowText['claimState.awaitingCountersignature'],
    ];
    const stateNow = async () =>
      (await page.locator('.govuk-tag').allTextContents()).find((tag) => decided.includes(tag)) ??
      null;
    await expect.poll(stateNow).not.toBeNull();
    if ((await stateNow()) === workflowText['claimState.awaitingCountersignature']) {
      await checkPage(david, 'hub-claim-awaiting-countersignature');
      approved = await signIn(PRIYA, 'commissioner');
      await approved.page.goto(`${baseUrl}${claimPath}`);
      await approved.page
        .getByRole('button', { name: workflowText['event.claim.COUNTERSIGN'] })
        .click();
      await confirmed(approved.page, workflowText['eventDone.claim.COUNTERSIGN']);
    }
    await claimState(approved.page, workflowText['claimState.approved']);
    const statements = approved.page.getByRole('table', {
      name: claimsEn['claim.statements.caption'],
    });
    await statements.getByText(claimsEn['claim.statements.outstanding']).first().waitFor();
    await checkPage(approved, 'hub-claim-approved');

    const forIcb = fill(claimsEn['claim.statements.forFunder'], { funder: ICB });
    const csv = await download(
      approved.page,
      statements.getByRole('button', { name: `${claimsEn['claim.statements.csv']} ${forIcb}` }),
    );
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.bytes.toString('utf8')).toMatch(
      /^achieved_on,participant_code,outcome_code,occurrence,price_gbp,line_amount_gbp,/,
    );
    const pdf = await download(
      approved.page,
      statements.getByRole('button', { name: `${claimsEn['claim.statements.pdf']} ${forIcb}` }),
    );
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a finance officer records each funder’s payment and the claim is settled', async () => {
    const fatima = await signIn(FATIMA, 'finance_officer');
    const { page } = fatima;
    await page.goto(`${baseUrl}${claimPath}`);
    await claimState(page, workflowText['claimState.approved']);
    const record = page.getByRole('button', {
      name: new RegExp(`^${claimsEn['claim.statements.record']}`),
    });
    const funders = await record.count();
    expect(funders).toBeGreaterThan(0);
    for (let index = 0; index < funders; index += 1) {
      await record.first().click();
      const reference = page.getByLabel(/^Payment reference from /);
      await reference.fill(`REMIT-E2E-${index + 1}`);
      if (index === 0) await checkPage(fatima, 'hub-claim-record-payment');
      await page
        .getByRole('button', { name: claimsEn['claim.statements.submit'], exact: true })
        .click();
      await expect.poll(() => record.count()).toBe(funders - index - 1);
    }
    await claimState(page, workflowText['claimState.settled']);
    await page.getByText('Reference REMIT-E2E-1').waitFor();
    await checkPage(fatima, 'hub-claim-settled');
  });
});
