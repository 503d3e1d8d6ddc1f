import { readFile } from 'node:fs/promises';
import { checkPage, chromiumPath, launchBrowser, type Visit } from '@coproduce/ui/e2e/browser.ts';
import { fill, heading, submitPassword, text, waitForHeading } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { siteEn } from '../src/messages/en.ts';
import { payEn } from '../src/messages/pay.en.ts';
import { api } from './api.ts';
import { fitsThePhone, phoneVisit } from './phone.ts';

const baseUrl = inject('baseUrl');
const { password } = inject('demo');

/** The demo practitioner with a paid role at St Brigid's, paid in the seeded payment run. */
const RUTH = 'ruth.campbell@stbrigids.example.org';
/** St Brigid's site lead: confirms Ruth's sessions, and looks after the site's bank details. */
const SAMUEL = 'samuel.adeyemi@stbrigids.example.org';
const FAMILY_THERAPY = 'Family therapy clinics led by trained faith leaders';

let browser: Browser;
let ruth: Visit;
let samuel: Visit;
/** A session Ruth ran yesterday, recorded in set-up: the seed has logged all her earlier ones. */
const SESSION_TITLE = `Family session for the pay test ${Date.now().toString(36)}`;

beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
  ruth = await phoneVisit(browser);
  await submitPassword(ruth.page, baseUrl, 'site', RUTH, password);
  await waitForHeading(ruth.page, fill(siteEn['home.practitioner.title'], { name: 'Ruth' }));
  await recordSessionThroughApi(ruth.page, SESSION_TITLE);
});
afterAll(async () => {
  await ruth?.context.close();
  await samuel?.context.close();
  await browser?.close();
});

/** Checked at a 360 px phone's width: no sideways scrolling, no axe violations. */
async function checkPhonePage(visit: Visit, name: string): Promise<void> {
  await fitsThePhone(visit.page);
  await checkPage(visit, name);
}

async function navigate(page: Page, link: string, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: text['header.menu'] })
    .getByRole('link', { name: link, exact: true })
    .click();
  await expect.poll(() => heading(page)).toBe(title);
}

/** The error summary's link for `message`, once it shows. */
async function errorSummaryLink(page: Page, message: string): Promise<void> {
  await page.locator('.govuk-error-summary').getByRole('link', { name: message }).waitFor();
}

/** The item in "Your sessions" for the session Ruth logs. */
function loggedItem(page: Page) {
  return page
    .getByRole('region', { name: payEn['pay.sessions.heading'] })
    .getByRole('listitem')
    .filter({ hasText: SESSION_TITLE });
}

/**
 * Test set-up through the real API, as the signed-in practitioner: a session she delivered
 * yesterday at her site, in the programme her paid role is in, with an empty register.
 */
async function recordSessionThroughApi(page: Page, title: string): Promise<void> {
  const me = await api<{
    person: { id: string };
    activeMembershipId: string;
    memberships: { id: string; organisation: { id: string } }[];
  }>(page, 'session.me', undefined, 'query');
  const siteId = me.memberships.find((m) => m.id === me.activeMembershipId)?.organisation.id;
  const { programmes } = await api<{ programmes: { id: string; name: string }[] }>(
    page,
    'programme.list',
    { siteId },
    'query',
  );
  await api(
    page,
    'deliverySession.record',
    {
      programmeId: programmes.find((p) => p.name === FAMILY_THERAPY)?.id,
      siteId,
      // Yesterday: the sessions journey expects the session it records today to be listed first.
      heldOn: new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
      kind: 'treatment',
      title,
      durationMinutes: 60,
      practitionerId: me.person.id,
      register: [],
      idempotencyKey: `pay-test-${title}`.replace(/\s+/g, '-'),
    },
    'mutation',
  );
}

describe('pay on a 360 px phone', () => {
  it('a practitioner sees their rate and a payment, and opens its remittance advice', async () => {
    const { page } = ruth;
    // The home page points to it, as does the menu.
    await page
      .getByRole('main')
      .getByRole('link', { name: siteEn['home.card.pay.title'], exact: true })
      .waitFor();
    await checkPhonePage(ruth, 'site-pay-home-practitioner');
    await navigate(page, siteEn['nav.pay'], payEn['pay.title']);

    const roles = page.getByRole('region', { name: payEn['pay.roles.heading'] });
    await roles.getByText('Family practitioner (systemic family therapy)').waitFor();
    await roles.getByText(/ for each session$| an hour$| a month$/).waitFor();

    const payments = page.getByRole('region', { name: payEn['pay.payments.heading'] });
    const payment = payments.getByRole('listitem').first();
    await payment.waitFor();
    // Pounds and pence, and the date in words.
    expect(await payment.getByRole('heading').textContent()).toMatch(/^£[\d,]+\.\d{2}$/);
    expect(await payment.textContent()).toMatch(/Paid on \d{1,2} [A-Z][a-z]+ \d{4}/);
    await checkPhonePage(ruth, 'site-pay-practitioner');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      payment.getByRole('button', { name: new RegExp(`^${payEn['pay.remittance.open']}`) }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = await readDownload(download);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await payments
      .getByRole('status')
      .getByText(fill(payEn['pay.remittance.done'], { file: download.suggestedFilename() }))
      .waitFor();
    await checkPhonePage(ruth, 'site-pay-remittance-downloaded');
  });

  it('a practitioner logs a session they ran', async () => {
    const { page } = ruth;
    await page.getByRole('button', { name: payEn['pay.log'] }).click();
    await waitForHeading(page, payEn['log.title']);
    await checkPhonePage(ruth, 'site-pay-log');

    // Sent without choosing: the error summary names the question and links to it.
    await page.getByRole('button', { name: payEn['log.submit'] }).click();
    await errorSummaryLink(page, payEn['log.session.error']);
    await checkPhonePage(ruth, 'site-pay-log-error');

    await page
      .locator('.govuk-radios__item')
      .filter({ hasText: SESSION_TITLE })
      .getByRole('radio')
      .check();
    await page.getByRole('button', { name: payEn['log.submit'] }).click();

    await waitForHeading(page, payEn['pay.title']);
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(payEn['log.done'])
      .waitFor();
    await loggedItem(page).getByText(payEn['workLog.state.logged'], { exact: true }).waitFor();
    await checkPhonePage(ruth, 'site-pay-logged');
  });

  it('the site lead, who is not that practitioner, confirms it', async () => {
    samuel = await phoneVisit(browser);
    const { page } = samuel;
    await submitPassword(page, baseUrl, 'site', SAMUEL, password);
    await waitForHeading(page, siteEn['home.siteLead.title']);
    await navigate(page, siteEn['nav.sitePay'], payEn['sitePay.title']);

    const waiting = page
      .getByRole('region', { name: payEn['sitePay.toConfirm.heading'] })
      .getByRole('listitem')
      .filter({ hasText: 'Ruth Campbell' })
      .filter({ hasText: SESSION_TITLE });
    await waiting.waitFor();
    await checkPhonePage(samuel, 'site-pay-site-lead');
    await waiting
      .getByRole('link', { name: new RegExp(`^${payEn['sitePay.toConfirm.check']}`) })
      .click();
    await waitForHeading(page, payEn['confirm.title']);
    await page.getByText(SESSION_TITLE).waitFor();

    // Not confirming needs a reason.
    await page.getByRole('radio', { name: payEn['confirm.decision.reject'] }).check();
    await page.getByRole('button', { name: payEn['confirm.submit'] }).click();
    await errorSummaryLink(page, payEn['confirm.reason.error']);
    await checkPhonePage(samuel, 'site-pay-confirm-error');

    await page.getByRole('radio', { name: payEn['confirm.decision.confirm'] }).check();
    await page.getByRole('button', { name: payEn['confirm.submit'] }).click();
    await waitForHeading(page, payEn['sitePay.title']);
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(payEn['confirm.done.confirm'])
      .waitFor();
    await expect.poll(() => waiting.count()).toBe(0);
    await checkPhonePage(samuel, 'site-pay-confirmed');
  });

  it('the practitioner sees the session confirmed', async () => {
    const { page } = ruth;
    await page.reload();
    await waitForHeading(page, payEn['pay.title']);
    await loggedItem(page).getByText(payEn['workLog.state.confirmed'], { exact: true }).waitFor();
  });

  it('a practitioner sees their own bank details masked, and what the form asks for', async () => {
    const { page } = ruth;
    await page.getByRole('link', { name: payEn['pay.bank.link'] }).click();
    await waitForHeading(page, payEn['bank.title']);
    await page.getByText(/^Account ending \d{3}$/).waitFor();
    expect(await page.getByText(/\d{6,}/).count()).toBe(0);
    await checkPhonePage(ruth, 'site-pay-own-bank-details');

    await page.getByRole('button', { name: payEn['bank.change'] }).click();
    await waitForHeading(page, payEn['bank.form.title']);
    await page.getByRole('button', { name: payEn['bank.form.submit'] }).click();
    await errorSummaryLink(page, payEn['bank.error.accountName']);
    await errorSummaryLink(page, payEn['bank.error.sortCode']);
    await errorSummaryLink(page, payEn['bank.error.accountNumber']);
    await checkPhonePage(ruth, 'site-pay-own-bank-details-errors');
    // Left without sending: nothing changes, and payments are not held.
    await page.getByRole('link', { name: payEn['bank.form.cancel'] }).click();
    await waitForHeading(page, payEn['bank.title']);
    expect(await page.getByText(payEn['bank.pending.heading']).count()).toBe(0);
  });

  it('the site lead sees the site’s bank details masked and asks to change them', async () => {
    const { page } = samuel;
    await page.getByRole('link', { name: payEn['sitePay.bank.link'] }).click();
    await waitForHeading(page, payEn['bank.titleSite']);
    // Only the last three digits of the account are ever shown.
    await page.getByText(/^Account ending \d{3}$/).waitFor();
    expect(await page.getByText(/\d{6,}/).count()).toBe(0);
    await checkPhonePage(samuel, 'site-pay-bank-details');

    await page.getByRole('button', { name: payEn['bank.change'] }).click();
    await waitForHeading(page, payEn['bank.form.title']);
    await page.getByLabel(payEn['bank.form.accountName']).fill('St Brigids Community Church');
    await page.getByLabel(payEn['bank.form.sortCode']).fill('12-34-5');
    await page.getByLabel(payEn['bank.form.accountNumber']).fill('733445');
    await page.getByRole('button', { name: payEn['bank.form.submit'] }).click();
    // Each message names its field.
    await errorSummaryLink(page, payEn['bank.error.sortCodeFormat']);
    await errorSummaryLink(page, payEn['bank.error.accountNumberLength']);
    await checkPhonePage(samuel, 'site-pay-bank-details-errors');

    await page.getByLabel(payEn['bank.form.sortCode']).fill('12-34-56');
    await page.getByLabel(payEn['bank.form.accountNumber']).fill('00733445');
    await page.getByRole('button', { name: payEn['bank.form.submit'] }).click();
    await waitForHeading(page, payEn['bank.titleSite']);
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(payEn['bank.done'])
      .waitFor();
    await page.getByText(payEn['bank.pending.heading']).waitFor();
    await page.getByText(/account ending 445/).waitFor();
    // A second change cannot be asked for while this one waits.
    expect(await page.getByRole('button', { name: payEn['bank.change'] }).count()).toBe(0);
    await checkPhonePage(samuel, 'site-pay-bank-details-pending');
  });
});

async function readDownload(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}
