import { checkPage, chromiumPath, launchBrowser } from '@coproduce/ui/e2e/browser.ts';
import { heading, pathOf, submitPassword, text } from '@coproduce/ui/e2e/journeys.ts';
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

describe('site app on a 360 px phone', () => {
  it('shows the sign-in page', async () => {
    const visit = await phoneVisit(browser);
    await visit.page.goto(`${baseUrl}/site/sign-in`);
    expect(await heading(visit.page)).toBe(text['signIn.title']);
    await fitsThePhone(visit.page);
    await checkPage(visit, 'site-sign-in');
    await visit.context.close();
  });

  const roles = [
    {
      email: 'samuel.adeyemi@stbrigids.example.org',
      role: 'site_lead',
      title: siteEn['home.siteLead.title'],
    },
    { email: 'ruth.campbell@stbrigids.example.org', role: 'practitioner', title: 'Welcome, Ruth' },
    {
      email: 'imran.hussain@alnoor.example.org',
      role: 'community_researcher',
      title: 'Welcome, Imran',
    },
  ] as const;

  for (const { email, role, title } of roles) {
    it(`signs in ${email} and lands on the ${role} home`, async () => {
      const visit = await phoneVisit(browser);
      await submitPassword(visit.page, baseUrl, 'site', email, password);
      await expect.poll(() => heading(visit.page)).toBe(title);
      expect(pathOf(visit.page)).toBe('/site/');
      await visit.page
        .getByText(`${text[`role.${role}`]} at`)
        .first()
        .waitFor();
      await fitsThePhone(visit.page);
      await checkPage(visit, `site-home-${role}`);
      await visit.context.close();
    });
  }

  it('tells a hub role that its work is in the hub', async () => {
    const visit = await phoneVisit(browser);
    await submitPassword(visit.page, baseUrl, 'site', 'priya.raman@icb.example.org', password);
    await expect.poll(() => heading(visit.page)).toBe('Welcome, Priya');
    await visit.page.getByRole('link', { name: siteEn['home.other.hubLink'] }).waitFor();
    await checkPage(visit, 'site-home-commissioner');
    await visit.context.close();
  });

  it('shows a plain page for an address that does not exist', async () => {
    const visit = await phoneVisit(browser);
    await visit.page.goto(`${baseUrl}/site/no-such-page`);
    await expect.poll(() => heading(visit.page)).toBe(siteEn['notFound.title']);
    await checkPage(visit, 'site-not-found');
    await visit.context.close();
  });
});
