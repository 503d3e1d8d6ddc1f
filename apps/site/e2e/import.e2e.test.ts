import { readFileSync } from 'node:fs';
import { checkPage, chromiumPath, launchBrowser, type Visit } from '@coproduce/ui/e2e/browser.ts';
import { fill, heading, submitPassword, text, waitForHeading } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { siteEn } from '../src/messages/en.ts';
import { importsEn } from '../src/messages/imports.en.ts';
import { fitsThePhone, phoneVisit } from './phone.ts';

const baseUrl = inject('baseUrl');
const { password } = inject('demo');

const FAMILY_THERAPY = 'Family therapy clinics led by trained faith leaders';
const SAMUEL = 'samuel.adeyemi@stbrigids.example.org';

let browser: Browser;
let samuel: Visit;

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

/** Today as a UK member of staff types it, e.g. 09/06/2026. */
function ukToday(): string {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
    .format(new Date())
    .split('-');
  return `${day}/${month}/${year}`;
}

/** Three fictional people; `badDate` goes in the second person's date of birth (row 3). */
function participantsCsv(header: string, badDate?: string): Buffer {
  const today = ukToday();
  const person = (given: string, family: string, born: string) =>
    [
      given,
      family,
      born,
      '',
      '',
      '',
      '',
      today,
      'v2.1',
      'yes',
      'yes',
      'no',
      today,
      'Female',
      '',
      '',
      '',
      '',
    ].join(',');
  return Buffer.from(
    [
      header,
      person('Zephyrine', 'Import-Journey', '12/05/1979'),
      person('Oluwaseun', 'Import-Journey', badDate ?? '03/11/1984'),
      person('Marguerite', 'Import-Journey', '1991-07-30'),
      '',
    ].join('\r\n'),
    'utf8',
  );
}

async function upload(page: Page, fileName: string, content: Buffer): Promise<void> {
  await page
    .getByLabel(importsEn['imports.fileLabel'])
    .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: content });
  await page.getByRole('button', { name: importsEn['imports.upload'] }).click();
}

describe('importing participants from a spreadsheet on a 360 px phone', () => {
  it('a site lead’s file with one bad row is refused with the row named, then imports once fixed', async () => {
    const { page } = samuel;
    await page
      .getByRole('navigation', { name: text['header.menu'] })
      .getByRole('link', { name: siteEn['nav.programmes'] })
      .click();
    await page.getByRole('link', { name: FAMILY_THERAPY }).click();
    await expect.poll(() => heading(page)).toBe(FAMILY_THERAPY);
    await page.getByRole('link', { name: siteEn['programme.link.import'] }).click();
    await expect.poll(() => heading(page)).toBe(importsEn['imports.title']);
    await checkPhonePage(samuel, 'site-import');

    await page.getByLabel(importsEn['imports.kind.participants'], { exact: true }).check();
    await page.getByRole('button', { name: importsEn['imports.choose'] }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: importsEn['imports.templateCsv'] }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('participants-template.csv');
    const header = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim();
    expect(header.split(',').slice(0, 3)).toEqual(['given_name', 'family_name', 'date_of_birth']);
    await checkPhonePage(samuel, 'site-import-participants');

    await upload(page, 'new-families.csv', participantsCsv(header, '31/02/1984'));
    const summary = page.locator('.govuk-error-summary');
    await summary
      .getByRole('link', { name: fill(importsEn['imports.refused_one'], { count: 1 }) })
      .waitFor();
    const problems = page.getByRole('table', {
      name: fill(importsEn['imports.problemsCaption'], { file: 'new-families.csv' }),
    });
    const row = problems.getByRole('row').filter({ hasText: 'real date' });
    await expect.poll(() => row.getByRole('rowheader').textContent()).toBe('3');
    await expect.poll(() => row.getByRole('cell').first().textContent()).toBe('date_of_birth');
    await checkPhonePage(samuel, 'site-import-refused');

    await upload(page, 'new-families.csv', participantsCsv(header));
    await page
      .locator('.govuk-notification-banner--success')
      .getByText(fill(importsEn['imports.done.participants_other'], { count: 3 }))
      .waitFor();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(0);
    await checkPhonePage(samuel, 'site-import-done');

    // The same file again is recognised and changes nothing.
    await upload(page, 'new-families-copy.csv', participantsCsv(header));
    await page
      .locator('.govuk-notification-banner')
      .getByText(fill(importsEn['imports.alreadyBody'], { name: 'Samuel Adeyemi' }))
      .waitFor();
    await checkPhonePage(samuel, 'site-import-again');
  });
});
