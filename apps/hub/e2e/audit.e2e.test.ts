import {
  checkPage,
  chromiumPath,
  launchBrowser,
  newVisit,
  type Visit,
} from '@coproduce/ui/e2e/browser.ts';
import {
  heading,
  pathOf,
  submitPassword,
  text,
  waitForHeading,
} from '@coproduce/ui/e2e/journeys.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hubEn } from '../src/messages/en.ts';

const baseUrl = inject('baseUrl');
const { password } = inject('demo');

let browser: Browser;
let visit: Visit;
beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
  visit = await newVisit(browser);
  await submitPassword(visit.page, baseUrl, 'hub', 'helen.carter@hub.example.org', password);
  await waitForHeading(visit.page, hubEn['home.title'].replace('{role}', text['role.auditor']));
});
afterAll(async () => {
  await browser?.close();
});

describe('audit trail, as the auditor', () => {
  it('opens from the navigation and lists the entries, newest first', async () => {
    const { page } = visit;
    await page
      .getByRole('navigation', { name: text['header.menu'] })
      .getByRole('link', { name: hubEn['nav.audit'] })
      .click();
    await expect.poll(() => heading(page)).toBe(hubEn['audit.title']);
    // Focus moves to the new page's heading, so a screen reader announces it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const rows = page
      .getByRole('table', { name: hubEn['audit.table.caption'] })
      .locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    await checkPage(visit, 'hub-audit-trail');
  });

  it('verifies the chain and says it is intact', async () => {
    const { page } = visit;
    await page.goto(`${baseUrl}/hub/audit`);
    await page.getByRole('button', { name: hubEn['audit.verify.button'] }).click();
    const banner = page.getByRole('alert');
    await expect.poll(() => banner.textContent()).toMatch(/Chain intact: \d+ entries checked/);
    // The check is itself recorded, among the newest entries (other journeys may be writing too).
    const newest = page
      .getByRole('table', { name: hubEn['audit.table.caption'] })
      .locator('tbody tr td:nth-child(3)');
    await expect
      .poll(async () => (await newest.allTextContents()).slice(0, 10))
      .toContain(hubEn['auditAction.audit.chain-verified']);
    await checkPage(visit, 'hub-audit-trail-verified');
  });
  it('filters by action through the URL, and the filtered view can be shared', async () => {
    const { page } = visit;
    await page.getByLabel(hubEn['audit.filters.action']).selectOption('audit.chain-verified');
    await page.getByRole('button', { name: hubEn['audit.filters.apply'] }).click();
    await expect.poll(() => pathOf(page)).toBe('/hub/audit?action=audit.chain-verified');
    const actions = page
      .getByRole('table', { name: hubEn['audit.table.caption'] })
      .locator('tbody tr td:nth-child(3)');
    await expect
      .poll(async () => new Set(await actions.allTextContents()))
      .toEqual(new Set([hubEn['auditAction.audit.chain-verified']]));
    // Focus moves to the line saying how many entries match.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('status');

    // The same URL in a new tab shows the same filtered list.
    const shared = await visit.context.newPage();
    await shared.goto(`${baseUrl}/hub/audit?action=audit.chain-verified`);
    await expect
      .poll(() => shared.getByLabel(hubEn['audit.filters.action']).inputValue())
      .toBe('audit.chain-verified');
    await shared.close();

    // Only one person's entries (the auditor's own check of the chain), then their details.
    await page
      .getByRole('link', { name: new RegExp(`^${hubEn['audit.table.onlyPerson']}`) })
      .first()
      .click();
    await expect
      .poll(() => pathOf(page))
      .toMatch(/^\/hub\/audit\?action=audit\.chain-verified&person=[0-9a-f-]{36}$/);
    // Found by what it controls: its name changes from "Show" to "Hide details".
    const toggle = page.locator('button[aria-controls^="audit-entry-"]').first();
    expect(await toggle.textContent()).toMatch(new RegExp(`^${hubEn['audit.table.showDetails']}`));
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByText(hubEn['audit.table.hash']).first().waitFor();
    await checkPage(visit, 'hub-audit-trail-filtered');

    await page.getByRole('button', { name: hubEn['audit.filters.clear'] }).click();
    await expect.poll(() => pathOf(page)).toBe('/hub/audit');
  });

  it('refuses an end date before the start date with the server’s message beside the field', async () => {
    const { page } = visit;
    await page.goto(`${baseUrl}/hub/audit?from=2026-03-01&to=2026-02-01`);
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    await expect
      .poll(() => summary.textContent())
      .toContain('The end date must be on or after the start date');
    await checkPage(visit, 'hub-audit-trail-bad-dates');
  });
});
