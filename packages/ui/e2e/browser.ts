import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import './provided.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium (never a downloaded browser), headless, with nothing phoning home. */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface Visit {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors seen so far (CSP violations, uncaught exceptions, React warnings). */
  readonly consoleErrors: string[];
}

/** A fresh browser profile (no cookies) on a page, for one person's journey. */
export async function newVisit(
  browser: Browser,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Visit> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // A refused call (401 before sign-in, 400 for a bad filter) is logged by the browser as a
    // failed resource; that is the server answering as designed, not a page error.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  return { context, page, consoleErrors };
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = new URL('../../../docs/screenshots/', import.meta.url);

/**
 * Every screen a test visits goes through here: it must have no axe-core violations of WCAG 2.2
 * A/AA, no console errors, and its screenshot is saved to docs/screenshots/<name>.png.
 */
export async function checkPage(visit: Visit, name: string): Promise<void> {
  const { page } = visit;
  await page.waitForLoadState('networkidle');
  // Nothing is still loading (LoadingState renders role="status" with a "Loading" text).
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /^Loading/ })
        .count(),
    )
    .toBe(0);
  // Only violations are read: telling axe so spares it detailing every passing node. (options()
  // replaces all options, so it comes before withTags(), which adds to them.)
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes
        .map((node) => node.target.join(' '))
        .join('\n    ')}`,
  );
  expect(violations, `axe-core violations on "${name}" (${page.url()})`).toEqual([]);
  expect(visit.consoleErrors, `console errors on "${name}"`).toEqual([]);
  await page.screenshot({
    path: decodeURIComponent(new URL(`${name}.png`, SCREENSHOTS).pathname),
    fullPage: true,
  });
}

/** Set by scripts/run-e2e.mjs, which has already checked the browser is there. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}
