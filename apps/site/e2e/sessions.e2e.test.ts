import { INSTRUMENTS } from '@coproduce/domain';
import { checkPage, chromiumPath, launchBrowser, type Visit } from '@coproduce/ui/e2e/browser.ts';
import { fill, heading, submitPassword, text, waitForHeading } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectionEn } from '../src/messages/collection.en.ts';
import { siteEn } from '../src/messages/en.ts';
import { glossaryTermsEn } from '../src/messages/glossary.en.ts';
import { questionnairesEn } from '../src/messages/questionnaires.en.ts';
import { safeguardingEn } from '../src/messages/safeguarding.en.ts';
import { sessionsEn } from '../src/messages/sessions.en.ts';
import { fitsThePhone, phoneVisit } from './phone.ts';

const baseUrl = inject('baseUrl');
const { password } = inject('demo');

const FAMILY_THERAPY = 'Family therapy clinics led by trained faith leaders';
const RUTH = 'ruth.campbell@stbrigids.example.org';
const IMRAN = 'imran.hussain@alnoor.example.org';
// Al-Noor's contact: St Brigid's is the one other journeys expect unchanged.
const YUSUF = 'yusuf.karim@alnoor.example.org';

let browser: Browser;
let ruth: Visit;

beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
  ruth = await phoneVisit(browser);
  await submitPassword(ruth.page, baseUrl, 'site', RUTH, password);
  await waitForHeading(ruth.page, fill(siteEn['home.practitioner.title'], { name: 'Ruth' }));
});
afterAll(async () => {
  await ruth?.context.close();
  await browser?.close();
});

async function navigate(page: Page, link: string, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: text['header.menu'] })
    .getByRole('link', { name: link })
    .click();
  await expect.poll(() => heading(page)).toBe(title);
}

/** Checked at a 360 px phone's width: no sideways scrolling, no axe violations. */
async function checkPhonePage(visit: Visit, name: string): Promise<void> {
  await fitsThePhone(visit.page);
  await checkPage(visit, name);
}

/** The people on the register who may be marked as attended (their consent is in force). */
function consentingPeople(page: Page): Locator {
  return page
    .locator('main fieldset')
    .filter({ has: page.getByRole('radio', { name: sessionsEn['attendance.attended'] }) })
    .filter({ hasNotText: sessionsEn['register.noConsent'] });
}

/**
 * Test set-up through the real API, as the signed-in practitioner: a PHQ-9 whose item 9 is
 * answered above 0, for one of the site's participants. Returns that participant's code.
 */
async function raiseRiskFlag(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const query = async (path: string, input?: unknown) => {
      const search =
        input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const response = await fetch(`/trpc/${path}${search}`);
      const body = await response.json();
      if (!response.ok) throw new Error(`${path}: ${JSON.stringify(body)}`);
      return body.result.data;
    };
    const me = await query('session.me');
    const siteId = me.memberships.find((m: { id: string }) => m.id === me.activeMembershipId)
      .organisation.id;
    const list = await query('participant.list', { siteId, limit: 50 });
    const person = list.participants.find(
      (p: { consent: string; erased: boolean }) => p.consent === 'in-force' && !p.erased,
    );
    const record = await query('participant.get', { participantId: person.participantId });
    const timepoints: { code: string; kind: string }[] = record.framework.timepoints;
    const timepoint = timepoints.find((t) => t.kind === 'session') ?? timepoints[0];
    const response = await fetch('/trpc/questionnaire.record', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        participantId: person.participantId,
        instrument: 'PHQ9',
        timepointCode: timepoint?.code,
        recordedOn: new Date().toISOString().slice(0, 10),
        answers: [0, 0, 0, 0, 0, 0, 0, 0, 1],
        idempotencyKey: crypto.randomUUID(),
      }),
    });
    if (!response.ok) throw new Error(`questionnaire.record: ${await response.text()}`);
    return person.code as string;
  });
}

describe('sessions and collection rounds on a 360 px phone', () => {
  it('warns at once about questionnaires that raised a safeguarding risk, and records what was done', async () => {
    const { page } = ruth;
    const code = await raiseRiskFlag(page);
    await page.reload();
    const banner = page.getByRole('region', { name: text['banner.important'] });
    await banner.getByText(/^\d+ questionnaires? raised a safeguarding risk$/).waitFor();
    const flags = banner.getByRole('group', { name: /^What was done for / });
    const flag = banner.getByRole('group', {
      name: fill(safeguardingEn['risk.action'], { code }),
    });
    await banner.getByRole('link', { name: new RegExp(`^PHQ-9 of ${code}`) }).waitFor();
    const before = await flags.count();
    await checkPhonePage(ruth, 'site-home-risk');

    const record = banner.getByRole('button', {
      name: `${safeguardingEn['risk.record']} ${fill(safeguardingEn['risk.recordFor'], { code })}`,
    });
    await record.click();
    await flag.getByText(safeguardingEn['risk.error.action']).waitFor();
    await flag.getByLabel(safeguardingEn['risk.action.contacted-participant']).check();
    await record.click();
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(fill(safeguardingEn['risk.done'], { code }))
      .waitFor();
    await expect.poll(() => flags.count()).toBe(before - 1);
  });

  it('a practitioner takes a group register for a session and sees it saved', async () => {
    const { page } = ruth;
    await navigate(page, siteEn['nav.sessions'], sessionsEn['sessions.title']);
    await checkPhonePage(ruth, 'site-sessions');

    await page.getByRole('button', { name: sessionsEn['sessions.record'] }).click();
    await expect.poll(() => heading(page)).toBe(sessionsEn['record.detailsTitle']);
    // Nothing chosen yet: the form names what is missing.
    await page.getByRole('button', { name: sessionsEn['record.continue'] }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.getByRole('link', { name: sessionsEn['record.error.kind'] }).waitFor();
    await summary.getByRole('link', { name: sessionsEn['record.error.duration'] }).waitFor();
    await checkPhonePage(ruth, 'site-record-session-errors');

    await summary.getByRole('link', { name: sessionsEn['record.error.programme'] }).waitFor();
    await page.getByLabel(FAMILY_THERAPY).check();
    await page.getByLabel(sessionsEn['sessionKind.group'], { exact: true }).check();
    await page.getByLabel(sessionsEn['record.sessionTitle']).fill('Family group: talking together');
    await page.getByLabel(sessionsEn['record.duration']).fill('90');
    await page.getByRole('button', { name: sessionsEn['record.continue'] }).click();

    await expect.poll(() => heading(page)).toBe(sessionsEn['register.title']);
    // An empty register is refused.
    await page.getByRole('button', { name: sessionsEn['record.continue'] }).click();
    await summary.getByRole('link', { name: sessionsEn['register.error.empty'] }).waitFor();
    await checkPhonePage(ruth, 'site-register-empty');

    // Demo names repeat now and then: choose people whose name is on the list once.
    const people = consentingPeople(page);
    const legends = await page.locator('main fieldset legend').allTextContents();
    const unique = (await people.locator('legend').allTextContents())
      .map((legend) => legend.trim())
      .filter((legend) => legends.filter((other) => other.trim() === legend).length === 1);
    const [cameA = '', cameB = '', missed = ''] = unique;
    const came = [cameA, cameB];
    const person = (name: string) =>
      people.filter({ has: page.locator('legend', { hasText: new RegExp(`^${name}$`) }) });
    await person(cameA).getByLabel(sessionsEn['attendance.attended']).check();
    await person(cameB).getByLabel(sessionsEn['attendance.attended']).check();
    await person(missed).getByLabel(sessionsEn['attendance.did-not-attend']).check();
    // The filter finds a person by part of their name.
    const firstName = came[0]?.split(' ')[0] ?? '';
    await page.getByLabel(sessionsEn['register.filter']).fill(firstName);
    await expect
      .poll(async () =>
        (await page.locator('main fieldset legend').allTextContents()).map((t) => t.trim()),
      )
      .toContain(came[0]);
    await checkPhonePage(ruth, 'site-register');
    await page.getByLabel(sessionsEn['register.filter']).fill('');
    await page.getByRole('button', { name: sessionsEn['record.continue'] }).click();

    await expect.poll(() => heading(page)).toBe(sessionsEn['check.title']);
    for (const name of [...came, missed]) {
      await page.locator('.govuk-summary-list__key', { hasText: name }).waitFor();
    }
    await checkPhonePage(ruth, 'site-session-check');
    await page.getByRole('button', { name: sessionsEn['check.save'] }).click();

    await expect.poll(() => heading(page)).toBe('Family group: talking together');
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(sessionsEn['check.saved'])
      .waitFor();
    const register = page.getByRole('table', { name: sessionsEn['session.register'] });
    for (const name of came) {
      await register
        .getByRole('row')
        .filter({ hasText: name })
        .getByText(sessionsEn['attendance.attended'])
        .waitFor();
    }
    await register
      .getByRole('row')
      .filter({ hasText: missed })
      .getByText(sessionsEn['attendance.did-not-attend'])
      .waitFor();
    await page
      .getByText(
        fill(sessionsEn['session.registerSummary'], { attended: 2, missed: 1, cancelled: 0 }),
      )
      .waitFor();
    await checkPhonePage(ruth, 'site-session');

    // The register can be corrected afterwards: the person marked absent did come.
    await page.getByRole('button', { name: sessionsEn['session.changeRegister'] }).click();
    const editing = page.getByRole('region', { name: sessionsEn['session.changeRegister'] });
    await editing
      .locator('fieldset', { has: page.locator('legend', { hasText: new RegExp(`^${missed}$`) }) })
      .getByLabel(sessionsEn['attendance.attended'])
      .check();
    await checkPhonePage(ruth, 'site-session-change-register');
    await page.getByRole('button', { name: sessionsEn['session.saveRegister'] }).click();
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(sessionsEn['session.registerSaved'])
      .waitFor();
    await page
      .getByText(
        fill(sessionsEn['session.registerSummary'], { attended: 3, missed: 0, cancelled: 0 }),
      )
      .waitFor();

    // The list shows it first, with who came.
    await page.getByRole('link', { name: sessionsEn['session.back'] }).click();
    await expect.poll(() => heading(page)).toBe(sessionsEn['sessions.title']);
    const first = page.locator('.app-item').first();
    await first.getByRole('link', { name: 'Family group: talking together' }).waitFor();
    await first
      .getByText(fill(sessionsEn['sessions.item.attended'], { attended: 3, registered: 3 }))
      .waitFor();
  });

  it('shows expected, received and complete for each collection round, with who collected', async () => {
    const { page } = ruth;
    await navigate(page, siteEn['nav.collection'], collectionEn['collection.title']);
    const table = page.getByRole('table', { name: collectionEn['collection.summaryCaption'] });
    await table.getByRole('columnheader', { name: collectionEn['collection.expected'] }).waitFor();
    await table.getByRole('columnheader', { name: collectionEn['collection.received'] }).waitFor();
    await table.getByRole('columnheader', { name: collectionEn['collection.complete'] }).waitFor();
    await table.getByRole('rowheader', { name: 'Baseline' }).waitFor();
    const followUp = page.getByRole('region', { name: '3-month follow-up' });
    await followUp.getByText(collectionEn['collection.collectedBy']).waitFor();
    await followUp.getByText(/^Community researchers: \d+/).waitFor();
    await followUp.getByText(/\(\d+% of expected\)/).waitFor();
    await checkPhonePage(ruth, 'site-collection-rounds');

    // Who is missing is read (and audited) only when asked for.
    await followUp.getByText(collectionEn['collection.missing']).click();
    await followUp
      .getByText(/^(\d+ people are missing|1 person is missing)$|^Nobody is missing/)
      .waitFor();
    await checkPhonePage(ruth, 'site-collection-missing');

    // A term of the trade links to its meaning in the glossary.
    await followUp.getByRole('link', { name: /co-assessment/ }).click();
    await expect.poll(() => heading(page)).toBe(siteEn['glossary.title']);
    const term = page.getByRole('heading', { name: glossaryTermsEn['co-assessment'].term });
    await expect
      .poll(() => term.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await checkPhonePage(ruth, 'site-glossary');
  });

  it('a community researcher records a 3-month follow-up for someone who is missing from the round', async () => {
    const imran = await phoneVisit(browser);
    const { page } = imran;
    await submitPassword(page, baseUrl, 'site', IMRAN, password);
    await waitForHeading(page, fill(siteEn['home.community_researcher.title'], { name: 'Imran' }));
    await navigate(page, siteEn['nav.collection'], collectionEn['collection.title']);
    const followUp = page.getByRole('region', { name: '3-month follow-up' });
    await followUp.getByText(collectionEn['collection.missing']).click();
    await followUp.getByText(/^(\d+ people are missing|1 person is missing)$/).waitFor();
    await checkPhonePage(imran, 'site-collection-missing-researcher');
    const chased = followUp
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: /^Record a questionnaire for / }) })
      .first();
    const code = (await chased.textContent())?.match(/[A-Z]{3}-[0-9A-Z]{6}/)?.[0] ?? '';
    expect(code).not.toBe('');
    await chased.getByRole('link', { name: /^Record a questionnaire for / }).click();

    await waitForHeading(page, questionnairesEn['questionnaire.instrument.title']);
    await page.getByRole('radio', { name: INSTRUMENTS.GAD7.name }).check();
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    await waitForHeading(page, questionnairesEn['questionnaire.when.title']);
    // The round it came from is already chosen.
    expect(await page.getByRole('radio', { name: '3-month follow-up' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    for (const item of INSTRUMENTS.GAD7.items) {
      await expect.poll(() => heading(page)).toBe(item.text);
      await page.getByRole('radio', { name: 'Not at all', exact: true }).check();
      await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    }
    await waitForHeading(page, questionnairesEn['questionnaire.check.title']);
    await page.getByText('0 out of 21 (minimal)').waitFor();
    await page.getByRole('button', { name: questionnairesEn['questionnaire.check.save'] }).click();
    await waitForHeading(page, questionnairesEn['questionnaire.saved.title']);
    await page.getByTestId('score').getByText('0 out of 21 (minimal)').waitFor();
    await checkPhonePage(imran, 'site-follow-up-saved');

    // They are no longer missing from the round.
    await navigate(page, siteEn['nav.collection'], collectionEn['collection.title']);
    await followUp.getByText(collectionEn['collection.missing']).click();
    await followUp
      .getByText(/^(\d+ people are missing|1 person is missing)$|^Nobody is missing/)
      .waitFor();
    await expect.poll(() => followUp.getByText(code).count()).toBe(0);
    await imran.context.close();
  });

  it('a site lead sets who staff call when a questionnaire raises a safeguarding risk', async () => {
    const yusuf = await phoneVisit(browser);
    const { page } = yusuf;
    await submitPassword(page, baseUrl, 'site', YUSUF, password);
    await waitForHeading(page, siteEn['home.siteLead.title']);
    const setting = page.getByRole('region', { name: safeguardingEn['contact.heading'] });
    await setting.getByRole('button', { name: safeguardingEn['contact.change'] }).click();
    await setting.getByLabel(safeguardingEn['contact.phone']).fill('call me');
    await setting.getByRole('button', { name: safeguardingEn['contact.save'] }).click();
    await setting
      .locator('.govuk-error-summary')
      .getByRole('link', { name: safeguardingEn['contact.error.phone'] })
      .waitFor();
    await checkPhonePage(yusuf, 'site-safeguarding-contact-error');
    await setting
      .getByLabel(safeguardingEn['contact.name'])
      .fill('Grace Bello (safeguarding lead)');
    await setting.getByLabel(safeguardingEn['contact.phone']).fill('020 7946 0555');
    await setting.getByRole('button', { name: safeguardingEn['contact.save'] }).click();
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(safeguardingEn['contact.saved'])
      .waitFor();
    await setting.getByText('Grace Bello (safeguarding lead)').waitFor();
    await setting.getByText('020 7946 0555').waitFor();
    await yusuf.context.close();
  });
});
