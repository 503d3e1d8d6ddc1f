import { INSTRUMENTS } from '@coproduce/domain';
import { checkPage, chromiumPath, launchBrowser, type Visit } from '@coproduce/ui/e2e/browser.ts';
import { fill, heading, submitPassword, waitForHeading } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { siteEn } from '../src/messages/en.ts';
import { offlineEn } from '../src/messages/offline.en.ts';
import { participantsEn } from '../src/messages/participants.en.ts';
import { questionnairesEn } from '../src/messages/questionnaires.en.ts';
import { api, enrolThroughApi } from './api.ts';
import { fitsThePhone, phoneVisit } from './phone.ts';

const baseUrl = inject('baseUrl');
const { password } = inject('demo');

const SAMUEL = 'samuel.adeyemi@stbrigids.example.org';
const FAMILY_THERAPY = 'Family therapy clinics led by trained faith leaders';

let browser: Browser;
let samuel: Visit;
let participant: { participantId: string; code: string };

beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
  samuel = await phoneVisit(browser);
  const { page } = samuel;
  await submitPassword(page, baseUrl, 'site', SAMUEL, password);
  await waitForHeading(page, siteEn['home.siteLead.title']);
  participant = await enrolThroughApi(page, FAMILY_THERAPY, {
    givenName: 'Kofi',
    familyName: 'Offline-Test',
    dateOfBirth: '1979-11-02',
  });
});
afterAll(async () => {
  await samuel?.context.close();
  await browser?.close();
});

async function checkPhonePage(visit: Visit, name: string): Promise<void> {
  await fitsThePhone(visit.page);
  await checkPage(visit, name);
}

/** Every questionnaire the page sends to the server (httpBatchLink: /trpc/questionnaire.record). */
function countSends(page: Page): { readonly count: number } {
  const seen = { count: 0 };
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('questionnaire.record')) {
      seen.count += 1;
    }
  });
  return seen;
}

/** Opens the questionnaire for the participant and answers up to the check page. */
async function completeOffline(page: Page, code: 'GAD7' | 'PHQ9', timepoint: string) {
  await page.goto(`${baseUrl}/site/participants/${participant.participantId}`);
  await waitForHeading(page, 'Kofi Offline-Test');
  await page
    .getByRole('button', { name: participantsEn['participant.recordQuestionnaire'] })
    .click();
  await waitForHeading(page, questionnairesEn['questionnaire.instrument.title']);
  await page.getByRole('radio', { name: INSTRUMENTS[code].name }).check();
  await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
  await waitForHeading(page, questionnairesEn['questionnaire.when.title']);
  await page.getByRole('radio', { name: timepoint, exact: true }).check();
  await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
  await waitForHeading(page, INSTRUMENTS[code].items[0]?.text ?? '');

  // The connection goes while the questions are being answered.
  await page.context().setOffline(true);
  for (const item of INSTRUMENTS[code].items) {
    await expect.poll(() => heading(page)).toBe(item.text);
    await page.getByRole('radio', { name: 'Not at all', exact: true }).check();
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
  }
  await waitForHeading(page, questionnairesEn['questionnaire.check.title']);
  await page.getByRole('button', { name: questionnairesEn['questionnaire.check.save'] }).click();
  await waitForHeading(page, questionnairesEn['questionnaire.saved.kept.title']);
}

async function questionnairesOnRecord(page: Page): Promise<number> {
  const record = await api<{ questionnaires: unknown[] }>(
    page,
    'participant.get',
    { participantId: participant.participantId },
    'query',
  );
  return record.questionnaires.length;
}

describe('a questionnaire completed offline on a 360 px phone', () => {
  it('is kept as "waiting to send", then sent exactly once when the network returns', async () => {
    const { page, context } = samuel;
    const sends = countSends(page);
    await completeOffline(page, 'GAD7', 'Baseline');

    const outbox = page.getByTestId('outbox');
    await outbox.getByRole('heading', { name: offlineEn['outbox.title'] }).waitFor();
    await outbox.getByText(fill(offlineEn['outbox.heading_one'], { count: 1 })).waitFor();
    await outbox.getByText(`GAD-7 (Baseline) for ${participant.code}`).waitFor();
    await outbox.getByText(offlineEn['outbox.offline']).waitFor();
    // Worked out on the phone meanwhile: all "Not at all" is 0, minimal.
    await page.getByText('0 out of 21 (minimal)').waitFor();
    expect(sends.count).toBe(0);
    expect(
      await page.evaluate(
        () => JSON.parse(localStorage.getItem('coproduce.site.outbox.v1') ?? '[]').length,
      ),
    ).toBe(1);
    await checkPhonePage(samuel, 'site-questionnaire-offline');

    // Back online: the `online` event sends it. Two more flushes straight after must not resend.
    await context.setOffline(false);
    await page.evaluate(() => {
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
    });
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(fill(offlineEn['outbox.sentHeading_one'], { count: 1 }))
      .waitFor();
    await expect.poll(() => outbox.count()).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(1000);
    expect(sends.count).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('coproduce.site.outbox.v1'))).toBeNull();
    await checkPhonePage(samuel, 'site-questionnaire-sent-after-offline');

    expect(await questionnairesOnRecord(page)).toBe(1);
    await page.goto(`${baseUrl}/site/participants/${participant.participantId}`);
    await waitForHeading(page, 'Kofi Offline-Test');
    await expect
      .poll(() => page.getByTestId('timeline').locator('[data-kind="questionnaire"]').count())
      .toBe(1);
  });

  it('sends what was kept when the app next starts, once', async () => {
    const { context } = samuel;
    const first = samuel.page;
    await context.setOffline(false);
    await completeOffline(first, 'PHQ9', 'Baseline');
    await first
      .getByTestId('outbox')
      .getByText(`PHQ-9 (Baseline) for ${participant.code}`)
      .waitFor();
    await first.close();

    // The phone is back online and the app is opened again: it sends on start.
    await context.setOffline(false);
    const page = await context.newPage();
    const sends = countSends(page);
    await page.goto(`${baseUrl}/site/participants/${participant.participantId}`);
    await waitForHeading(page, 'Kofi Offline-Test');
    await expect
      .poll(() => page.getByTestId('timeline').locator('[data-kind="questionnaire"]').count())
      .toBe(2);
    await page.waitForTimeout(1000);
    expect(sends.count).toBe(1);
    expect(await questionnairesOnRecord(page)).toBe(2);
    await page.close();
  });
});
