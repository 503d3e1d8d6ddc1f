import { readFile } from 'node:fs/promises';
import { checkPage, chromiumPath, launchBrowser, type Visit } from '@coproduce/ui/e2e/browser.ts';
import { fill, heading, text } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hubEn } from '../src/messages/en.ts';
import { signInAs } from './sign-in-as.ts';

const baseUrl = inject('baseUrl');
const { password } = inject('demo');

const PHONE = { width: 360, height: 740 };
const FAMILY_THERAPY = 'Family therapy clinics led by trained faith leaders';
const ST_BRIGIDS = "St Brigid's Community Church";
/** Priya is a commissioner at the ICB, a co-funder of the family therapy clinics (no TOTP). */
const PRIYA = 'priya.raman@icb.example.org';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser(chromiumPath());
});
afterAll(async () => {
  await browser?.close();
});

const signInPriya = (viewport?: { width: number; height: number }) =>
  signInAs(browser, {
    baseUrl,
    app: 'hub',
    email: PRIYA,
    password,
    home: fill(hubEn['home.title'], { role: text['role.commissioner'] }),
    ...(viewport ? { viewport } : {}),
  });

/** From the home page, through Programmes and the programme, to its outcomes page. */
async function openOutcomes(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: text['header.menu'] })
    .getByRole('link', { name: hubEn['nav.programmes'] })
    .click();
  await expect.poll(() => heading(page)).toBe(hubEn['programmes.title']);
  await page.getByRole('link', { name: FAMILY_THERAPY, exact: true }).first().click();
  await expect.poll(() => heading(page)).toBe(FAMILY_THERAPY);
  await page.getByRole('link', { name: hubEn['outcomes.link'] }).click();
  await expect.poll(() => heading(page)).toBe(hubEn['outcomes.title']);
  await page.getByRole('heading', { name: hubEn['outcomes.download.heading'] }).waitFor();
}

/**
 * What holds whether or not the demo data has questionnaires yet: every section is there, and
 * the outcomes section shows either figures per measure or the empty state.
 */
async function expectReportStructure(page: Page): Promise<void> {
  for (const section of [
    'outcomes.measures.heading',
    'outcomes.quality.heading',
    'outcomes.rounds.heading',
    'outcomes.sites.heading',
    'outcomes.equality.heading',
    'outcomes.terms.heading',
  ] as const) {
    await page.getByRole('heading', { level: 2, name: hubEn[section] }).waitFor();
  }
  const quality = page.getByRole('table', { name: hubEn['outcomes.quality.caption'] });
  await expect
    .poll(() => quality.getByRole('rowheader').allTextContents())
    .toContain(hubEn['outcomes.quality.baselineCoverage']);
  // A commissioner reads from outside the sites: small numbers are suppressed, and said so.
  await page.getByText(hubEn['outcomes.suppressed']).waitFor();

  const measureCharts = page.locator('figcaption', { hasText: /people by score at baseline/ });
  const empty = page.getByText(hubEn['outcomes.empty']);
  await expect
    .poll(async () => (await measureCharts.count()) + (await empty.count()))
    .toBeGreaterThan(0);
  if ((await measureCharts.count()) > 0) {
    // Every chart has its figures as a table too.
    await page.getByText(hubEn['outcomes.showTable']).first().click();
    await page
      .getByRole('table', { name: /people by score at baseline/ })
      .first()
      .waitFor();
    await page.getByRole('heading', { level: 2, name: hubEn['outcomes.tt.heading'] }).waitFor();
  }
}

/** Clicks a download button and returns the file the browser saved. */
async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

describe('outcomes in the hub, as a co-funding commissioner', () => {
  let phone: Visit;

  it('opens a programme’s outcomes and data quality on a phone', async () => {
    phone = await signInPriya(PHONE);
    const { page } = phone;
    await openOutcomes(page);
    await expectReportStructure(page);
    await checkPage(phone, 'hub-outcomes-phone');
  });

  it('narrows the figures to one site through the filters', async () => {
    const { page } = phone;
    await page
      .getByRole('combobox', { name: hubEn['outcomes.filters.site'] })
      .selectOption({ label: ST_BRIGIDS });
    await page.getByRole('button', { name: hubEn['outcomes.filters.apply'] }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('site')).toBe(true);
    await page.getByText(new RegExp(`^Showing ${ST_BRIGIDS}, all periods to date`)).waitFor();
    await expectReportStructure(page);
  });

  it('downloads the monitoring report as a PDF and as a spreadsheet', async () => {
    const { page } = phone;
    const pdf = await download(page, hubEn['outcomes.download.pdf']);
    expect(pdf.name).toMatch(/^monitoring-report-family-therapy-clinics-.*\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page
      .getByRole('status')
      .getByText(fill(hubEn['outcomes.download.done'], { file: pdf.name }))
      .waitFor();

    const xlsx = await download(page, hubEn['outcomes.download.xlsx']);
    expect(xlsx.name).toMatch(/\.xlsx$/);
    // An XLSX file is a zip archive.
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await checkPage(phone, 'hub-outcomes-downloaded-phone');
  });

  it('shows the whole programme on a wide screen', async () => {
    const wide = await signInPriya();
    await openOutcomes(wide.page);
    await expectReportStructure(wide.page);
    await checkPage(wide, 'hub-outcomes');
  });
});
