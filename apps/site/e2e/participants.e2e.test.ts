import { INSTRUMENTS } from '@coproduce/domain';
import {
  checkPage,
  chromiumPath,
  launchBrowser,
  newVisit,
  type Visit,
} from '@coproduce/ui/e2e/browser.ts';
import { fill, heading, submitPassword, text, waitForHeading } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { siteEn } from '../src/messages/en.ts';
import { participantsEn } from '../src/messages/participants.en.ts';
import { questionnairesEn } from '../src/messages/questionnaires.en.ts';
import { enrolThroughApi } from './api.ts';
import { fitsThePhone, phoneVisit } from './phone.ts';

const baseUrl = inject('baseUrl');
const { password } = inject('demo');

const SAMUEL = 'samuel.adeyemi@stbrigids.example.org';
const YUSUF = 'yusuf.karim@alnoor.example.org';
const RUTH = 'ruth.campbell@stbrigids.example.org';
const FAMILY_THERAPY = 'Family therapy clinics led by trained faith leaders';
const FAMILY_NAME = `Okafor-Test${Date.now().toString(36)}`;

let browser: Browser;
let samuel: Visit;
/** The participant Samuel enrols, for the later tests. */
let enrolled: { id: string; code: string } | null = null;

beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
  samuel = await phoneVisit(browser);
  await submitPassword(samuel.page, baseUrl, 'site', SAMUEL, password);
  await waitForHeading(samuel.page, siteEn['home.siteLead.title']);
});
afterAll(async () => {
  await samuel?.context.close();
  await browser?.close();
});

/** Checked at a 360 px phone's width: no sideways scrolling, no axe violations. */
async function checkPhonePage(visit: Visit, name: string): Promise<void> {
  await fitsThePhone(visit.page);
  await checkPage(visit, name);
}

async function continueTo(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: participantsEn['enrol.continue'], exact: true }).click();
  await expect.poll(() => heading(page)).toBe(title);
}

/** Answers the questions shown one per screen, as on a phone: `answers` are option labels. */
async function answerOnePerScreen(page: Page, code: 'PHQ9' | 'GAD7', answers: string[]) {
  const definition = INSTRUMENTS[code];
  for (const [index, answer] of answers.entries()) {
    const item = definition.items[index];
    await expect.poll(() => heading(page)).toBe(item?.text);
    await page.getByRole('radio', { name: answer, exact: true }).check();
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
  }
  await expect.poll(() => heading(page)).toBe(questionnairesEn['questionnaire.check.title']);
}

async function chooseQuestionnaire(page: Page, code: 'PHQ9' | 'GAD7') {
  await waitForHeading(page, questionnairesEn['questionnaire.instrument.title']);
  await page.getByRole('radio', { name: INSTRUMENTS[code].name }).check();
  await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
  await waitForHeading(page, questionnairesEn['questionnaire.when.title']);
  // Baseline was chosen for us (from the enrolment confirmation, then kept for the next one).
  expect(await page.getByRole('radio', { name: 'Baseline' }).isChecked()).toBe(true);
  await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
}

describe('participants and questionnaires on a 360 px phone', () => {
  it('a site lead enrols a participant with consent and some equality answers', async () => {
    const { page } = samuel;
    await page
      .getByRole('navigation', { name: text['header.menu'] })
      .getByRole('link', { name: siteEn['nav.participants'] })
      .click();
    await waitForHeading(page, participantsEn['participants.title']);
    await page.getByRole('heading', { name: participantsEn['participants.all'] }).waitFor();
    await checkPhonePage(samuel, 'site-participants');

    await page.getByRole('button', { name: participantsEn['participants.enrol'] }).click();
    await waitForHeading(page, participantsEn['enrol.programme.title']);
    // Continue without choosing: the error summary names the question and links to it.
    await page.getByRole('button', { name: participantsEn['enrol.continue'] }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: participantsEn['enrol.programme.error'] })
      .waitFor();
    await checkPhonePage(samuel, 'site-enrol-programme-error');
    await page.getByRole('radio', { name: FAMILY_THERAPY }).check();
    await continueTo(page, participantsEn['enrol.name.title']);

    await page.getByLabel(participantsEn['enrol.name.given']).fill('Amina');
    await page.getByLabel(participantsEn['enrol.name.family']).fill(FAMILY_NAME);
    await continueTo(page, participantsEn['enrol.dob.title']);

    await page.getByLabel(participantsEn['enrol.dob.day']).fill('30');
    await page.getByLabel(participantsEn['enrol.dob.month']).fill('2');
    await page.getByLabel(participantsEn['enrol.dob.year']).fill('1985');
    await page.getByRole('button', { name: participantsEn['enrol.continue'] }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: participantsEn['enrol.dob.error.not-real'] })
      .waitFor();
    await checkPhonePage(samuel, 'site-enrol-date-of-birth-error');
    await page.getByLabel(participantsEn['enrol.dob.day']).fill('14');
    await page.getByLabel(participantsEn['enrol.dob.month']).fill('3');
    await continueTo(page, participantsEn['enrol.contact.title']);

    await page.getByLabel(participantsEn['enrol.contact.phone']).fill('07700 900982');
    await continueTo(page, participantsEn['enrol.nhs.title']);
    await continueTo(page, participantsEn['consent.form.title']);

    await page.getByLabel(participantsEn['consent.form.serviceDelivery']).check();
    await page.getByLabel(participantsEn['consent.form.evaluation']).check();
    await page.getByLabel(participantsEn['consent.form.noticeVersion']).fill('v3, January 2026');
    await checkPhonePage(samuel, 'site-enrol-consent');
    await continueTo(page, participantsEn['enrol.equality.title']);

    await page.getByRole('radio', { name: participantsEn['enrol.equality.yes'] }).check();
    await continueTo(page, participantsEn['enrol.sex.title']);
    await page.getByRole('radio', { name: 'Female' }).check();
    await continueTo(page, participantsEn['enrol.ethnicGroup.title']);
    await page.getByRole('radio', { name: 'Black, Black British, Caribbean or African' }).check();
    await continueTo(page, participantsEn['enrol.ethnicBackground.title']);
    await page.getByRole('radio', { name: 'African', exact: true }).check();
    await continueTo(page, participantsEn['enrol.religion.title']);
    await page.getByRole('radio', { name: 'Christian' }).check();
    await checkPhonePage(samuel, 'site-enrol-equality-question');
    // Main language: skipped (every equality question is optional).
    await continueTo(page, participantsEn['enrol.language.title']);
    await continueTo(page, participantsEn['enrol.disability.title']);
    await page.getByRole('radio', { name: 'Prefer not to say' }).check();
    await continueTo(page, participantsEn['enrol.check.title']);

    const main = page.getByRole('main');
    await main.getByText(`Amina ${FAMILY_NAME}`).waitFor();
    await main.getByText('African', { exact: true }).waitFor();
    await checkPhonePage(samuel, 'site-enrol-check');
    await page.getByRole('button', { name: participantsEn['enrol.check.submit'] }).click();

    await waitForHeading(page, participantsEn['enrol.done.title']);
    const code = (await page.getByTestId('participant-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z]{3}-[0-9A-Z]{6}$/);
    await checkPhonePage(samuel, 'site-enrol-done');
    await page.getByRole('button', { name: participantsEn['enrol.done.baseline'] }).click();
    const id = /participants\/([0-9a-f-]{36})\//.exec(page.url())?.[1];
    expect(id).toBeDefined();
    enrolled = { id: id ?? '', code };
  });

  it('records a baseline PHQ-9 one question per screen, with the safeguarding prompt', async () => {
    const { page } = samuel;
    await chooseQuestionnaire(page, 'PHQ9');
    // Continue without an answer: the error names the question.
    await waitForHeading(page, INSTRUMENTS.PHQ9.items[0]?.text ?? '');
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: /^Select an answer to question 1/ })
      .waitFor();
    await checkPhonePage(samuel, 'site-questionnaire-question-error');

    const answers = [
      'More than half the days',
      'More than half the days',
      'Several days',
      'Several days',
      'Several days',
      'Several days',
      'Several days',
      'Not at all',
    ];
    for (const [index, answer] of answers.entries()) {
      // Every screen offers the same answers: wait for this question before choosing one.
      await waitForHeading(page, INSTRUMENTS.PHQ9.items[index]?.text ?? '');
      await page.getByRole('radio', { name: answer, exact: true }).check();
      await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    }
    // Question 9: the prompt appears the moment an answer above "Not at all" is chosen.
    await waitForHeading(page, INSTRUMENTS.PHQ9.items[8]?.text ?? '');
    expect(await page.getByTestId('safeguarding').count()).toBe(0);
    await page.getByRole('radio', { name: 'Several days', exact: true }).check();
    const prompt = page.getByRole('alert').filter({ hasText: 'Safeguarding' });
    await prompt.waitFor();
    await prompt.getByRole('link', { name: '020 7946 0101' }).waitFor();
    await checkPhonePage(samuel, 'site-questionnaire-safeguarding');
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();

    await waitForHeading(page, questionnairesEn['questionnaire.check.title']);
    await page.getByText('10 out of 27 (moderate)').waitFor();
    await checkPhonePage(samuel, 'site-questionnaire-check');
    await page.getByRole('button', { name: questionnairesEn['questionnaire.check.save'] }).click();

    await waitForHeading(page, questionnairesEn['questionnaire.saved.title']);
    await page.getByTestId('score').getByText('10 out of 27 (moderate)').waitFor();
    await page.getByText('Moderate symptoms of depression.').waitFor();
    const saved = page.getByTestId('safeguarding');
    await expect.poll(() => saved.evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await saved.getByRole('link', { name: '020 7946 0101' }).getAttribute('href')).toBe(
      'tel:02079460101',
    );
    await saved.getByText('Joan Okoro (designated safeguarding lead)', { exact: false }).waitFor();
    await checkPhonePage(samuel, 'site-questionnaire-saved');
  });

  it('records a baseline GAD-7 next and sees its score and band', async () => {
    const { page } = samuel;
    await page
      .getByRole('button', {
        name: fill(questionnairesEn['questionnaire.saved.another'], { code: enrolled?.code ?? '' }),
      })
      .click();
    await chooseQuestionnaire(page, 'GAD7');
    await answerOnePerScreen(page, 'GAD7', [
      'Several days',
      'Several days',
      'Several days',
      'Several days',
      'Several days',
      'Not at all',
      'Not at all',
    ]);
    await page.getByRole('button', { name: questionnairesEn['questionnaire.check.save'] }).click();
    await waitForHeading(page, questionnairesEn['questionnaire.saved.title']);
    await page.getByTestId('score').getByText('5 out of 21 (mild)').waitFor();
    await page.getByText('Mild symptoms of anxiety.').waitFor();
    expect(await page.getByTestId('safeguarding').count()).toBe(0);
    await checkPhonePage(samuel, 'site-questionnaire-saved-gad7');

    await page.getByRole('link', { name: questionnairesEn['questionnaire.saved.record'] }).click();
    await waitForHeading(page, `Amina ${FAMILY_NAME}`);
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.locator('[data-kind="questionnaire"]').count()).toBe(2);
    await timeline.getByText('PHQ-9, Baseline').waitFor();
    await timeline.getByText('10 out of 27 (moderate)').waitFor();
    await timeline.getByText('GAD-7, Baseline').waitFor();
    await timeline.getByText('5 out of 21 (mild)').waitFor();
    await page.getByText(participantsEn['consent.status.in-force']).first().waitFor();
    await checkPhonePage(samuel, 'site-participant');
  });

  it('gives the site lead everything held about the person, to download and to print', async () => {
    const { page } = samuel;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: participantsEn['participant.data.download'] }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^subject-access-${enrolled?.code}-`));
    const copy = JSON.parse(await readDownload(file)) as {
      participant: { code: string; identity: { familyName: string } };
      questionnaires: unknown[];
    };
    expect(copy.participant.code).toBe(enrolled?.code);
    expect(copy.participant.identity.familyName).toBe(FAMILY_NAME);
    expect(copy.questionnaires).toHaveLength(2);

    await page.getByRole('link', { name: participantsEn['participant.data.print'] }).click();
    await waitForHeading(
      page,
      fill(participantsEn['subjectAccess.title'], { code: enrolled?.code ?? '' }),
    );
    await page.getByRole('button', { name: participantsEn['subjectAccess.print'] }).waitFor();
    await checkPhonePage(samuel, 'site-subject-access');
  });

  it('erases the identifying details after asking why', async () => {
    const { page } = samuel;
    await page.goto(`${baseUrl}/site/participants/${enrolled?.id}/erase`);
    await waitForHeading(page, participantsEn['erase.title']);
    await page.getByRole('button', { name: participantsEn['erase.submit'] }).click();
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: participantsEn['erase.reasonError'] })
      .waitFor();
    await checkPhonePage(samuel, 'site-erase-error');
    await page
      .getByRole('radio', { name: participantsEn['erase.reason.recorded-in-error'] })
      .check();
    await page.getByRole('button', { name: participantsEn['erase.submit'] }).click();
    await waitForHeading(page, enrolled?.code ?? '');
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(participantsEn['erase.done'])
      .waitFor();
    // The questionnaires stay, under the code only.
    await expect
      .poll(() => page.getByTestId('timeline').locator('[data-kind="questionnaire"]').count())
      .toBe(2);
    expect(await page.getByText(FAMILY_NAME).count()).toBe(0);
    await checkPhonePage(samuel, 'site-participant-erased');
  });

  it('shows "not found" for another site’s participant opened by its address', async () => {
    const yusuf = await phoneVisit(browser);
    const { page } = yusuf;
    await submitPassword(page, baseUrl, 'site', YUSUF, password);
    await waitForHeading(page, siteEn['home.siteLead.title']);
    await page.goto(`${baseUrl}/site/participants/${enrolled?.id}`);
    await waitForHeading(page, siteEn['notFound.title']);
    expect(await page.getByText('Amina').count()).toBe(0);
    expect(await page.getByText(enrolled?.code ?? 'no code').count()).toBe(0);
    await checkPhonePage(yusuf, 'site-participant-not-found');
    await page.goto(`${baseUrl}/site/participants/${enrolled?.id}/questionnaire`);
    await waitForHeading(page, siteEn['notFound.title']);
    await yusuf.context.close();
  });

  it('puts every question on one page on a wider screen, and takes only a licensed tool’s score', async () => {
    const ruth = await newVisit(browser);
    const { page } = ruth;
    await submitPassword(page, baseUrl, 'site', RUTH, password);
    await waitForHeading(page, fill(siteEn['home.practitioner.title'], { name: 'Ruth' }));
    const person = await enrolThroughApi(page, FAMILY_THERAPY, {
      givenName: 'Grace',
      familyName: `Wide-Test${Date.now().toString(36)}`,
      dateOfBirth: '1962-07-19',
    });
    await page.goto(`${baseUrl}/site/participants/${person.participantId}/questionnaire`);
    await waitForHeading(page, questionnairesEn['questionnaire.instrument.title']);
    await page.getByRole('radio', { name: INSTRUMENTS.SWEMWBS.name }).check();
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    await waitForHeading(page, questionnairesEn['questionnaire.when.title']);
    await page.getByRole('radio', { name: 'Baseline', exact: true }).check();
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();

    await waitForHeading(page, INSTRUMENTS.SWEMWBS.name);
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect.poll(() => summary.getByRole('link').count()).toBe(7);
    await checkPage(ruth, 'site-questionnaire-all-on-one-errors');
    for (const [index, item] of INSTRUMENTS.SWEMWBS.items.entries()) {
      await page
        .getByRole('group', { name: `${index + 1}. ${item.text}` })
        .getByRole('radio', { name: 'Often', exact: true })
        .check();
    }
    // Each answer clears its own error as it is given.
    await expect.poll(() => summary.count()).toBe(0);
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    await waitForHeading(page, questionnairesEn['questionnaire.check.title']);
    await page.getByRole('button', { name: questionnairesEn['questionnaire.check.save'] }).click();
    await waitForHeading(page, questionnairesEn['questionnaire.saved.title']);
    // "Often" to all seven is a raw 28: 25.03 on the published metric scale.
    await page.getByTestId('score').getByText('25.03 out of 35').waitFor();
    await checkPage(ruth, 'site-questionnaire-saved-swemwbs');

    await page
      .getByRole('button', {
        name: fill(questionnairesEn['questionnaire.saved.another'], { code: person.code }),
      })
      .click();
    await waitForHeading(page, questionnairesEn['questionnaire.instrument.title']);
    await page.getByRole('radio', { name: 'Patient Activation Measure (PAM)' }).check();
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    await waitForHeading(page, questionnairesEn['questionnaire.when.title']);
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    await waitForHeading(
      page,
      fill(questionnairesEn['questionnaire.score.title'], {
        name: 'Patient Activation Measure (PAM)',
      }),
    );
    // Only the score: none of the licensed tool's questions are shown.
    expect(await page.getByRole('radio').count()).toBe(0);
    await page.getByLabel(questionnairesEn['questionnaire.score.label']).fill('120');
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    await summary.getByRole('link', { name: /^Enter the score as a number/ }).waitFor();
    await checkPage(ruth, 'site-questionnaire-licensed-error');
    await page.getByLabel(questionnairesEn['questionnaire.score.label']).fill('60');
    await page.getByRole('button', { name: questionnairesEn['questionnaire.continue'] }).click();
    await waitForHeading(page, questionnairesEn['questionnaire.check.title']);
    await page.getByRole('button', { name: questionnairesEn['questionnaire.check.save'] }).click();
    await waitForHeading(page, questionnairesEn['questionnaire.saved.title']);
    await page.getByTestId('score').getByText('60 out of 100 (Level 3)').waitFor();
    await ruth.context.close();
  });
});

async function readDownload(file: { createReadStream(): Promise<NodeJS.ReadableStream> }) {
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
