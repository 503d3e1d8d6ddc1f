import { checkPage, chromiumPath, launchBrowser, newVisit } from '@coproduce/ui/e2e/browser.ts';
import {
  heading,
  pathOf,
  sessionFromPage,
  submitPassword,
  submitTotp,
  text,
} from '@coproduce/ui/e2e/journeys.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hubEn } from '../src/messages/en.ts';

const baseUrl = inject('baseUrl');
const { password, totpSecrets } = inject('demo');

function secretOf(email: string): string {
  const secret = totpSecrets[email];
  if (secret === undefined) throw new Error(`the seed has no TOTP secret for ${email}`);
  return secret;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
});
afterAll(async () => {
  await browser?.close();
});

describe('hub sign-in', () => {
  it('shows the sign-in page, and refuses a wrong password in words', async () => {
    const visit = await newVisit(browser);
    await visit.page.goto(`${baseUrl}/hub/sign-in`);
    expect(await heading(visit.page)).toBe(text['signIn.title']);
    await checkPage(visit, 'hub-sign-in');

    await visit.page.getByRole('button', { name: text['signIn.submit'] }).click();
    await expect.poll(() => visit.page.title()).toMatch(/^Error: /);
    await expect
      .poll(() => visit.page.evaluate(() => document.activeElement?.className))
      .toContain('govuk-error-summary');
    await checkPage(visit, 'hub-sign-in-missing-fields');

    await submitPassword(
      visit.page,
      baseUrl,
      'hub',
      'grace.mensah@hub.example.org',
      'not-the-password',
    );
    await visit.page.getByText(text['auth.error.invalidCredentials']).first().waitFor();
    await checkPage(visit, 'hub-sign-in-wrong-password');
    await visit.context.close();
  });

  const roles = [
    { email: 'grace.mensah@hub.example.org', role: 'hub_coordinator', totp: false },
    { email: 'priya.raman@icb.example.org', role: 'commissioner', totp: false },
    { email: 'helen.carter@hub.example.org', role: 'auditor', totp: false },
    { email: 'david.levi@hub.example.org', role: 'hub_approver', totp: true },
    { email: 'owen.price@hub.example.org', role: 'finance_officer', totp: true },
  ] as const;

  for (const { email, role, totp } of roles) {
    it(`signs in ${email} and lands on the ${role} home`, async () => {
      const visit = await newVisit(browser);
      await submitPassword(visit.page, baseUrl, 'hub', email, password);
      if (totp) {
        // The same screen for every role that has it: checked once.
        if (role === 'hub_approver') await checkPage(visit, 'hub-two-factor');
        await submitTotp(visit.page, secretOf(email));
      }
      await expect
        .poll(() => heading(visit.page))
        .toBe(hubEn['home.title'].replace('{role}', text[`role.${role}`]));
      expect(pathOf(visit.page)).toBe('/hub/');
      await checkPage(visit, `hub-home-${role}`);
      await visit.context.close();
    });
  }

  it('gives a finance officer nothing before the TOTP step, then their home', async () => {
    const email = 'fatima.begum@hub.example.org';
    const visit = await newVisit(browser);
    const { page } = visit;
    await submitPassword(page, baseUrl, 'hub', email, password);
    await expect.poll(() => heading(page)).toBe(text['twoFactor.title']);

    // The password alone opens no session: the API refuses, and pages send her to sign in.
    expect(await sessionFromPage(page)).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    const audit = await page.evaluate(
      async () => (await fetch('/trpc/audit.list?input=%7B%7D')).status,
    );
    expect(audit).toBe(401);
    await page.goto(`${baseUrl}/hub/audit`);
    await expect.poll(() => heading(page)).toBe(text['signIn.title']);
    expect(pathOf(page)).toBe('/hub/sign-in?returnTo=%2Faudit');

    // The half-finished sign-in is still there for the second step.
    await page.goto(`${baseUrl}/hub/two-factor`);
    await submitTotp(page, secretOf(email));
    await expect
      .poll(() => heading(page))
      .toBe(hubEn['home.title'].replace('{role}', text['role.finance_officer']));
    expect(await sessionFromPage(page)).toMatchObject({ status: 200 });
    await visit.context.close();
  });
});
