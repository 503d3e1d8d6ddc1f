import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPage, chromiumPath, launchBrowser, newVisit } from '@coproduce/ui/e2e/browser.ts';
import {
  heading,
  pathOf,
  sessionFromPage,
  signOut,
  submitPassword,
  text,
  totpCode,
  waitForHeading,
} from '@coproduce/ui/e2e/journeys.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hubEn } from '../src/messages/en.ts';

const baseUrl = inject('baseUrl');
const outboxDir = inject('outboxDir');
const { password } = inject('demo');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
});
afterAll(async () => {
  await browser?.close();
});

describe('hub session', () => {
  it('signs in with the keyboard alone, starting from the skip link', async () => {
    const visit = await newVisit(browser);
    const { page } = visit;
    await page.goto(`${baseUrl}/hub/sign-in`);
    await heading(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(text.skipLink);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    await page.keyboard.type('grace.mensah@hub.example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => heading(page))
      .toBe(hubEn['home.title'].replace('{role}', text['role.hub_coordinator']));
    await visit.context.close();
  });

  it('signs out: the old page and the back button lead to sign-in, and the API refuses', async () => {
    const visit = await newVisit(browser);
    const { page } = visit;
    await submitPassword(page, baseUrl, 'hub', 'grace.mensah@hub.example.org', password);
    await expect
      .poll(() => heading(page))
      .toBe(hubEn['home.title'].replace('{role}', text['role.hub_coordinator']));
    await page
      .getByRole('navigation', { name: text['header.menu'] })
      .getByRole('link', { name: hubEn['nav.audit'] })
      .click();
    await expect.poll(() => heading(page)).toBe(hubEn['audit.title']);

    // A second tab on the same session, left open.
    const stale = await visit.context.newPage();
    await stale.goto(`${baseUrl}/hub/people`);
    await expect.poll(() => heading(stale)).toBe(hubEn['peoplePage.title']);

    await signOut(page);
    await page.getByRole('alert').getByText(text['signIn.notice.signedOut']).waitFor();
    await checkPage(visit, 'hub-signed-out');
    expect(await sessionFromPage(page)).toEqual({ status: 401, code: 'UNAUTHORIZED' });

    await page.goBack();
    await expect.poll(() => heading(page)).toBe(text['signIn.title']);
    expect(pathOf(page)).toBe('/hub/sign-in?returnTo=%2Faudit');

    // The other tab finds out as soon as it asks the server anything.
    await stale.bringToFront();
    await stale.getByRole('link', { name: "St Brigid's Community Church" }).click();
    await expect.poll(() => heading(stale)).toBe(text['signIn.title']);
    await visit.context.close();
  });

  it('lets a person with two roles choose, and switch, organisation', async () => {
    const visit = await newVisit(browser);
    const { page } = visit;
    await submitPassword(page, baseUrl, 'hub', 'anita.sharma@mandir.example.org', password);
    await expect.poll(() => heading(page)).toBe(text['chooseOrganisation.title']);
    await checkPage(visit, 'hub-choose-organisation');
    await page.getByLabel('Kingsmere Community Health Hub').check();
    await page.getByRole('button', { name: text['common.continue'] }).click();
    await expect
      .poll(() => heading(page))
      .toBe(hubEn['home.title'].replace('{role}', text['role.community_researcher']));
    await checkPage(visit, 'hub-home-community_researcher');

    await page.getByRole('link', { name: text['header.switchOrganisation'] }).click();
    await page.getByLabel('Shree Ram Mandir Kingsmere').check();
    await page.getByRole('button', { name: text['common.continue'] }).click();
    await expect
      .poll(() => heading(page))
      .toBe(hubEn['home.title'].replace('{role}', text['role.site_lead']));
    await visit.context.close();
  });

  it('asks for a reset link without saying whether the account exists', async () => {
    const visit = await newVisit(browser);
    const { page } = visit;
    await page.goto(`${baseUrl}/hub/sign-in`);
    await page.getByRole('link', { name: text['signIn.forgotPassword'] }).click();
    await expect.poll(() => heading(page)).toBe(text['forgotPassword.title']);
    await checkPage(visit, 'hub-forgot-password');
    await page.getByLabel(text['signIn.email']).fill('nobody@example.org');
    await page.getByRole('button', { name: text['forgotPassword.submit'] }).click();
    await expect.poll(() => heading(page)).toBe(text['forgotPassword.sentTitle']);
    await checkPage(visit, 'hub-forgot-password-sent');

    await page.goto(`${baseUrl}/hub/reset-password?error=INVALID_TOKEN`);
    await expect.poll(() => heading(page)).toBe(text['resetPassword.badLinkTitle']);
    await checkPage(visit, 'hub-reset-password-bad-link');
    await visit.context.close();
  });

  it('accepts an emailed invitation; a new finance officer must set up TOTP before anything else', async () => {
    const visit = await newVisit(browser);
    const { page } = visit;
    await submitPassword(page, baseUrl, 'hub', 'grace.mensah@hub.example.org', password);
    await waitForHeading(page, hubEn['home.title'].replace('{role}', text['role.hub_coordinator']));
    await page.goto(`${baseUrl}/hub/people`);
    await page.getByRole('link', { name: 'Kingsmere Community Health Hub' }).click();
    await page.getByRole('button', { name: text['people.invite.button'] }).click();
    const email = 'new.finance@hub.example.org';
    await page.getByLabel(text['people.invite.email']).fill(email);
    await page.getByLabel(text['role.finance_officer']).check();
    await page.getByRole('button', { name: text['people.invite.submit'] }).click();
    await page.getByRole('alert').getByText(`Invitation sent to ${email}`).waitFor();
    await signOut(page);

    const link = await invitationLinkFor(email);
    expect(link.startsWith(`${baseUrl}/hub/invitations/accept?token=`)).toBe(true);
    await page.goto(link);
    await expect.poll(() => heading(page)).toBe(text['invitation.title']);
    await checkPage(visit, 'hub-accept-invitation');
    const newPassword = 'a long enough demo password';
    await page.getByLabel(text['invitation.name']).fill('Nia Okoro');
    await page.getByLabel(text['invitation.newPassword']).fill(newPassword);
    await page.getByRole('button', { name: text['invitation.submit'] }).click();
    await expect.poll(() => heading(page)).toBe(text['signIn.title']);
    await page.getByText(text['signIn.notice.invitationAccepted']).waitFor();
    expect(await page.getByLabel(text['signIn.email']).inputValue()).toBe(email);
    await page.getByLabel(text['signIn.password'], { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: text['signIn.submit'] }).click();

    // Her role moves money: the only thing she can do is set up two-factor authentication.
    await expect.poll(() => heading(page)).toBe(text['twoFactorSetUp.title']);
    await page.goto(`${baseUrl}/hub/audit`);
    await expect.poll(() => heading(page)).toBe(text['twoFactorSetUp.title']);
    await checkPage(visit, 'hub-two-factor-set-up');
    await page.getByLabel(text['twoFactorSetUp.password']).fill(newPassword);
    await page.getByRole('button', { name: text['common.continue'] }).click();
    await expect.poll(() => heading(page)).toBe(text['twoFactorSetUp.scanTitle']);
    await checkPage(visit, 'hub-two-factor-set-up-scan');
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await page.getByLabel(text['twoFactor.code']).fill(await totpCode(secret));
    await page.getByRole('button', { name: text['twoFactorSetUp.finish'] }).click();
    await expect
      .poll(() => heading(page))
      .toBe(hubEn['home.title'].replace('{role}', text['role.finance_officer']));
    await visit.context.close();
  });
});

/** The accept link from the invitation email, as the server wrote it to its outbox. */
async function invitationLinkFor(email: string): Promise<string> {
  for (const file of (await readdir(outboxDir)).sort().reverse()) {
    const message = decodeQuotedPrintable(await readFile(join(outboxDir, file), 'utf8'));
    if (!message.includes(email)) continue;
    const link = /https?:\/\/\S+\/invitations\/accept\?token=[\w-]+/.exec(message)?.[0];
    if (link !== undefined) return link;
  }
  throw new Error(`no invitation email to ${email} in ${outboxDir}`);
}

/** Mail bodies are quoted-printable: soft line breaks end in "=", and "=3D" stands for "=". */
function decodeQuotedPrintable(body: string): string {
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
