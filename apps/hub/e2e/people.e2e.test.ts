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
const SITE = "St Brigid's Community Church";

let browser: Browser;
let visit: Visit;
beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
  visit = await newVisit(browser);
  await submitPassword(visit.page, baseUrl, 'hub', 'grace.mensah@hub.example.org', password);
  await waitForHeading(
    visit.page,
    hubEn['home.title'].replace('{role}', text['role.hub_coordinator']),
  );
});
afterAll(async () => {
  await browser?.close();
});

describe('people, as the hub coordinator', () => {
  it('lists the network’s organisations and opens one from its own URL', async () => {
    const { page } = visit;
    await page.getByRole('link', { name: hubEn['home.card.people.title'] }).first().click();
    await expect.poll(() => heading(page)).toBe(hubEn['peoplePage.title']);
    await checkPage(visit, 'hub-people-organisations');

    await page.getByRole('link', { name: SITE }).click();
    await expect.poll(() => heading(page)).toBe(SITE);
    expect(pathOf(page)).toMatch(/^\/hub\/people\?organisation=[0-9a-f-]{36}$/);
    const members = page.getByRole('table', { name: text['people.members.caption'] });
    await expect.poll(() => members.textContent()).toContain('Samuel Adeyemi');
    await checkPage(visit, 'hub-people-members');
  });

  it('invites a person, who then shows as a pending invitation', async () => {
    const { page } = visit;
    await page.getByRole('button', { name: text['people.invite.button'] }).click();
    await expect
      .poll(() => heading(page))
      .toBe(text['people.invite.title'].replace('{organisation}', SITE));
    expect(pathOf(page)).toContain('action=invite');

    await page.getByRole('button', { name: text['people.invite.submit'] }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await checkPage(visit, 'hub-people-invite-errors');

    await page
      .getByLabel(text['people.invite.email'])
      .fill('new.practitioner@stbrigids.example.org');
    await page.getByLabel(text['role.practitioner']).check();
    await checkPage(visit, 'hub-people-invite');
    await page.getByRole('button', { name: text['people.invite.submit'] }).click();

    await expect.poll(() => heading(page)).toBe(SITE);
    await page
      .getByRole('alert')
      .getByText('Invitation sent to new.practitioner@stbrigids.example.org')
      .waitFor();
    const row = page
      .getByRole('table', { name: text['people.invitations.caption'] })
      .getByRole('row', { name: /new\.practitioner@stbrigids\.example\.org/ });
    await expect.poll(() => row.textContent()).toContain(text['invitationStatus.pending']);
    await checkPage(visit, 'hub-people-invited');
  });

  it('gives a member another role, then removes it after asking', async () => {
    const { page } = visit;
    const ruth = page.getByRole('row', { name: /Ruth Campbell/ });
    await ruth.getByRole('link', { name: /Add a role/ }).click();
    await expect.poll(() => heading(page)).toBe('Give Ruth Campbell another role');
    await page.getByLabel(text['role.community_researcher']).check();
    await checkPage(visit, 'hub-people-grant-role');
    await page.getByRole('button', { name: text['people.grant.submit'] }).click();
    await page
      .getByRole('alert')
      .getByText('Ruth Campbell is now also Community researcher')
      .waitFor();

    const newRole = page
      .getByRole('row', { name: /Ruth Campbell/ })
      .filter({ hasText: text['role.community_researcher'] });
    await newRole.getByRole('link', { name: /Remove/ }).click();
    await expect.poll(() => heading(page)).toBe('Remove Ruth Campbell as Community researcher?');
    await checkPage(visit, 'hub-people-remove-role');
    await page.getByRole('button', { name: text['people.revoke.submit'] }).click();
    await page
      .getByRole('alert')
      .getByText('Ruth Campbell is no longer Community researcher')
      .waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Ruth Campbell/ }).count()).toBe(1);
  });

  it('cancels the pending invitation', async () => {
    const { page } = visit;
    const row = page.getByRole('row', { name: /new\.practitioner@stbrigids\.example\.org/ });
    await row.getByRole('link', { name: /Cancel invitation/ }).click();
    await expect
      .poll(() => heading(page))
      .toBe(
        text['people.revokeInvitation.title'].replace(
          '{email}',
          'new.practitioner@stbrigids.example.org',
        ),
      );
    await page.getByRole('button', { name: text['people.revokeInvitation.submit'] }).click();
    await expect.poll(() => row.textContent()).toContain(text['invitationStatus.revoked']);
  });
});

describe('people, as the auditor', () => {
  it('shows members and invitations without any way to change them', async () => {
    const auditor = await newVisit(browser);
    const { page } = auditor;
    await submitPassword(page, baseUrl, 'hub', 'helen.carter@hub.example.org', password);
    await expect
      .poll(() => heading(page))
      .toBe(hubEn['home.title'].replace('{role}', text['role.auditor']));
    await page
      .getByRole('navigation', { name: text['header.menu'] })
      .getByRole('link', { name: hubEn['nav.people'] })
      .click();
    await page.getByRole('link', { name: SITE }).click();
    await expect.poll(() => heading(page)).toBe(SITE);
    await page.getByText(text['people.readOnly']).waitFor();
    expect(await page.getByRole('button', { name: text['people.invite.button'] }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Remove/ }).count()).toBe(0);
    await checkPage(auditor, 'hub-people-read-only');
    await auditor.context.close();
  });
});
