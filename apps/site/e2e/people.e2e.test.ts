import { checkPage, chromiumPath, launchBrowser } from '@coproduce/ui/e2e/browser.ts';
import { heading, signOut, submitPassword, text } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { siteEn } from '../src/messages/en.ts';
import { fitsThePhone, phoneVisit } from './phone.ts';

const baseUrl = inject('baseUrl');
const { password } = inject('demo');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
});
afterAll(async () => {
  await browser?.close();
});

describe('site app on a 360 px phone: people and organisations', () => {
  it('lets the site lead see and invite the people of their own site', async () => {
    const visit = await phoneVisit(browser);
    const { page } = visit;
    await submitPassword(page, baseUrl, 'site', 'samuel.adeyemi@stbrigids.example.org', password);
    await expect.poll(() => heading(page)).toBe(siteEn['home.siteLead.title']);
    await page.getByRole('link', { name: siteEn['home.siteLead.peopleTitle'] }).click();
    await expect.poll(() => heading(page)).toBe("St Brigid's Community Church");
    await page
      .getByRole('table', { name: text['people.members.caption'] })
      .getByRole('rowheader', { name: /Ruth Campbell/ })
      .waitFor();
    await fitsThePhone(page);
    await checkPage(visit, 'site-people');

    await page.getByRole('button', { name: text['people.invite.button'] }).click();
    await page.getByLabel(text['people.invite.email']).fill('new.researcher@stbrigids.example.org');
    // A site lead can only give the roles of a site.
    expect(await page.getByRole('radio').count()).toBe(3);
    await page.getByLabel(text['role.community_researcher']).check();
    await fitsThePhone(page);
    await checkPage(visit, 'site-people-invite');
    await page.getByRole('button', { name: text['people.invite.submit'] }).click();
    await page
      .getByRole('alert')
      .getByText('Invitation sent to new.researcher@stbrigids.example.org')
      .waitFor();
    await expect
      .poll(() =>
        page.getByRole('row', { name: /new\.researcher@stbrigids\.example\.org/ }).textContent(),
      )
      .toContain(text['invitationStatus.pending']);
    await checkPage(visit, 'site-people-invited');
    await visit.context.close();
  });

  it('asks a person with two roles which organisation they are working for', async () => {
    const visit = await phoneVisit(browser);
    const { page } = visit;
    await submitPassword(page, baseUrl, 'site', 'anita.sharma@mandir.example.org', password);
    await expect.poll(() => heading(page)).toBe(text['chooseOrganisation.title']);
    await fitsThePhone(page);
    await checkPage(visit, 'site-choose-organisation');

    await page.getByRole('button', { name: text['common.continue'] }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await checkPage(visit, 'site-choose-organisation-error');

    await page.getByLabel('Shree Ram Mandir Kingsmere').check();
    await page.getByRole('button', { name: text['common.continue'] }).click();
    await expect.poll(() => heading(page)).toBe(siteEn['home.siteLead.title']);
    await page.getByText('Shree Ram Mandir Kingsmere', { exact: true }).first().waitFor();

    await page.getByRole('link', { name: text['header.switchOrganisation'] }).click();
    await page.getByLabel('Kingsmere Community Health Hub').check();
    await page.getByRole('button', { name: text['common.continue'] }).click();
    await expect.poll(() => heading(page)).toBe('Welcome, Anita');
    await checkPage(visit, 'site-home-anita-community_researcher');

    await signOut(page);
    await page.goBack();
    await expect.poll(() => heading(page)).toBe(text['signIn.title']);
    await visit.context.close();
  });
});
