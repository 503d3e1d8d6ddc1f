import { checkPage, chromiumPath, launchBrowser, type Visit } from '@coproduce/ui/e2e/browser.ts';
import { fill, heading, submitPassword, text, workflowText } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { siteEn } from '../src/messages/en.ts';
import { fitsThePhone, phoneVisit } from './phone.ts';

const baseUrl = inject('baseUrl');
const { password } = inject('demo');

const FAMILY_THERAPY = 'Family therapy clinics led by trained faith leaders';
const TEMPLE = 'Talking-therapy workshops at the temple';
const WORKSHOPS = 'Eight workshops delivered with 15+ participants each';
const ROLE = 'Family practitioner (systemic family therapy)';

let browser: Browser;
let samuel: Visit;

beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
});
afterAll(async () => {
  await browser?.close();
});

async function navigate(page: Page, link: string, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: text['header.menu'] })
    .getByRole('link', { name: link })
    .click();
  await expect.poll(() => heading(page)).toBe(title);
}

async function confirmed(page: Page, message: string): Promise<void> {
  await page.locator('.govuk-notification-banner--success').getByText(message).waitFor();
}

/** Checked at a 360 px phone's width: no sideways scrolling, no axe violations. */
async function checkPhonePage(visit: Visit, name: string): Promise<void> {
  await fitsThePhone(visit.page);
  await checkPage(visit, name);
}

describe('site app on a 360 px phone: programmes, milestones and checks', () => {
  it('shows the site lead what is due this week, soonest first', async () => {
    samuel = await phoneVisit(browser);
    const { page } = samuel;
    await submitPassword(page, baseUrl, 'site', 'samuel.adeyemi@stbrigids.example.org', password);
    await expect.poll(() => heading(page)).toBe(siteEn['home.siteLead.title']);
    const due = page.getByRole('region', { name: siteEn['home.due.heading'] });
    await due
      .getByRole('link', { name: `Overdue: period 2 monitoring return for “${FAMILY_THERAPY}”` })
      .waitFor();
    await page
      .getByRole('region', { name: siteEn['home.due.later'] })
      .getByRole('link', { name: /^Enhanced DBS check expires on/ })
      .waitFor();
    await checkPhonePage(samuel, 'site-home-due');
  });

  it('lists the site’s programmes with their stage in words', async () => {
    const { page } = samuel;
    await navigate(page, siteEn['nav.programmes'], siteEn['programmes.title']);
    await page.getByRole('link', { name: FAMILY_THERAPY }).waitFor();
    await page.getByText(siteEn['siteStage.monitoring']).waitFor();
    await checkPhonePage(samuel, 'site-programmes');
    await page.getByRole('link', { name: FAMILY_THERAPY }).click();
    await expect.poll(() => heading(page)).toBe(FAMILY_THERAPY);
    await page.getByRole('heading', { name: siteEn['programme.yourCounts'] }).waitFor();
    await page.getByRole('link', { name: /^Q2: baseline and 3-month/ }).waitFor();
    await checkPhonePage(samuel, 'site-programme');
  });

  it('shows the milestones the site must send, and the ones with the hub', async () => {
    const { page } = samuel;
    await navigate(page, siteEn['nav.milestones'], siteEn['milestones.title']);
    await page
      .getByRole('region', { name: siteEn['milestones.group.withHub'] })
      .getByRole('link', { name: /^Q2: baseline and 3-month/ })
      .click();
    await expect.poll(() => heading(page)).toMatch(/^Q2: baseline and 3-month/);
    await page.getByText(siteEn['milestone.stateWords.submitted']).waitFor();
    await page.getByText('Collection round report: expected, received and complete').waitFor();
    // It is with the hub: nothing for the site to do.
    expect(
      await page.getByRole('button', { name: workflowText['event.milestone.SUBMIT'] }).count(),
    ).toBe(0);
    await checkPhonePage(samuel, 'site-milestone');
  });

  it('highlights a check that expires within 30 days, and records a renewed one', async () => {
    const { page } = samuel;
    await navigate(page, siteEn['nav.checks'], siteEn['checksPage.title']);
    const role = page.locator('.app-item--attention', { hasText: ROLE });
    await role
      .locator('.app-check--lapsing', { hasText: workflowText['checkKind.enhanced_dbs'] })
      .waitFor();
    await checkPhonePage(samuel, 'site-checks');

    await role.getByRole('link', { name: ROLE }).click();
    await expect.poll(() => heading(page)).toBe(ROLE);
    await page.getByRole('button', { name: workflowText['checks.record.submit'] }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: workflowText['checks.record.error.reference'] })
      .waitFor();
    await checkPhonePage(samuel, 'site-record-check-errors');

    await page.getByLabel(workflowText['checks.record.kind']).selectOption('enhanced_dbs');
    await page.getByLabel(workflowText['checks.record.reference']).fill('DBS 001994305799');
    const nextYear = new Date().getUTCFullYear() + 1;
    await page.getByLabel(workflowText['checks.record.expiresOn']).fill(`${nextYear}-11-30`);
    await page.getByRole('button', { name: workflowText['checks.record.submit'] }).click();
    await confirmed(
      page,
      fill(workflowText['checks.record.done'], { check: workflowText['checkKind.enhanced_dbs'] }),
    );
    await page.getByText('DBS 001994305799').waitFor();
    await expect
      .poll(() => page.locator('.govuk-tag', { hasText: /^Expires soon$/ }).count())
      .toBe(0);
    await checkPhonePage(samuel, 'site-paid-role');
    await samuel.context.close();
  });

  it('tells a site what the hub asked for, and lets it resend a milestone with the changes', async () => {
    const anita = await phoneVisit(browser);
    const { page } = anita;
    await submitPassword(page, baseUrl, 'site', 'anita.sharma@mandir.example.org', password);
    await expect.poll(() => heading(page)).toBe(text['chooseOrganisation.title']);
    await page.getByLabel('Shree Ram Mandir Kingsmere').check();
    await page.getByRole('button', { name: text['common.continue'] }).click();
    await expect.poll(() => heading(page)).toBe(siteEn['home.siteLead.title']);

    await navigate(page, siteEn['nav.programmes'], siteEn['programmes.title']);
    const temple = page.locator('.app-item', { hasText: TEMPLE });
    await temple.getByText(siteEn['siteStage.suspended']).waitFor();
    await temple.getByText(/supervision lapsed; paused until a new supervisor is named/).waitFor();
    await checkPhonePage(anita, 'site-programmes-suspended');

    await navigate(page, siteEn['nav.milestones'], siteEn['milestones.title']);
    await page
      .getByRole('region', { name: siteEn['milestones.group.toSend'] })
      .getByRole('link', { name: WORKSHOPS })
      .click();
    await expect.poll(() => heading(page)).toBe(WORKSHOPS);
    await page.getByText(siteEn['milestone.changesAsked']).waitFor();
    await page.getByText('Two registers are unsigned', { exact: true }).waitFor();
    await checkPhonePage(anita, 'site-milestone-changes-requested');
    await page.getByRole('button', { name: workflowText['event.milestone.RESUBMIT'] }).click();
    await confirmed(page, siteEn['milestone.resent']);
    await page.locator('.govuk-tag', { hasText: /^Resubmitted$/ }).waitFor();
    // Answered: the request is no longer shown as waiting.
    expect(await page.getByText(siteEn['milestone.changesAsked']).count()).toBe(0);
    await anita.context.close();
  });
});
