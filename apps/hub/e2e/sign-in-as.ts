import { newVisit, type Visit } from '@coproduce/ui/e2e/browser.ts';
import { heading, submitPassword, text, totpCode } from '@coproduce/ui/e2e/journeys.ts';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';

const TOTP_STEP_MS = 30_000;

/**
 * Signs a demo person in to an app and waits for their home page. For a person with TOTP, a
 * code already used in this 30-second window (by another test file, say) is refused by the
 * replay guard: then it waits for the next window's code and signs in again.
 */
export async function signInAs(
  browser: Browser,
  options: {
    baseUrl: string;
    app: 'hub' | 'site';
    email: string;
    password: string;
    home: string;
    totpSecret?: string;
    viewport?: { width: number; height: number };
  },
): Promise<Visit> {
  const visit = await newVisit(browser, options.viewport ? { viewport: options.viewport } : {});
  const { page } = visit;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await submitPassword(page, options.baseUrl, options.app, options.email, options.password);
    if (options.totpSecret === undefined) break;
    await page.getByLabel(text['twoFactor.code']).waitFor();
    await page.getByLabel(text['twoFactor.code']).fill(await totpCode(options.totpSecret));
    await page.getByRole('button', { name: text['twoFactor.submit'] }).click();
    const outcome = await Promise.race([
      page
        .getByRole('heading', { level: 1, name: options.home, exact: true })
        .waitFor()
        .then(() => 'home' as const)
        .catch(() => 'gone' as const),
      page
        .locator('.govuk-error-summary')
        .waitFor()
        .then(() => 'refused' as const)
        .catch(() => 'gone' as const),
    ]);
    if (outcome === 'home') break;
    await page.waitForTimeout(TOTP_STEP_MS - (Date.now() % TOTP_STEP_MS) + 1_000);
  }
  await expect.poll(() => heading(page)).toBe(options.home);
  return visit;
}
