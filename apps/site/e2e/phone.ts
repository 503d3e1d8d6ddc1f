import { newVisit, type Visit } from '@coproduce/ui/e2e/browser.ts';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The site app is designed for a phone first: every journey runs at 360 × 740. */
export const PHONE = { width: 360, height: 740 };

export function phoneVisit(browser: Browser): Promise<Visit> {
  return newVisit(browser, { viewport: PHONE });
}

/** Nothing is wider than the phone's screen (no sideways scrolling of the page). */
export async function fitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
}
