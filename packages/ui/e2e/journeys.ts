import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { uiEn } from '../src/messages/en.ts';
import { workflowEn } from '../src/workflow/messages.en.ts';

/** Shared text, looked up from the same message file the apps use. */
export const text = uiEn;

/** The workflow words (states, steps, shared panels) both apps use. */
export const workflowText = workflowEn;

/** A message with its `{placeholders}` filled in, as the page shows it. */
export function fill(message: string, params: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Open `app`'s sign-in page and submit an email and password (the TOTP step may follow). */
export async function submitPassword(
  page: Page,
  baseUrl: string,
  app: 'hub' | 'site',
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/${app}/sign-in`);
  await page.getByLabel(text['signIn.email']).fill(email);
  await page.getByLabel(text['signIn.password'], { exact: true }).fill(password);
  await page.getByRole('button', { name: text['signIn.submit'] }).click();
}

/** The current TOTP code for a base32 secret, as an authenticator app would show it. */
export function totpCode(secret: string): Promise<string> {
  return generate({ secret });
}

export async function submitTotp(page: Page, secret: string): Promise<void> {
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe(text['twoFactor.title']);
  await page.getByLabel(text['twoFactor.code']).fill(await totpCode(secret));
  await page.getByRole('button', { name: text['twoFactor.submit'] }).click();
}

export async function heading(page: Page): Promise<string> {
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  return (await h1.textContent())?.trim() ?? '';
}

/** The app's path as the browser shows it, e.g. `/hub/audit?action=x`. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: text['header.signOut'] }).click();
  await expect.poll(() => heading(page)).toBe(text['signIn.title']);
}

/** What `session.me` answers from inside the page (with its cookies): status and tRPC code. */
export async function sessionFromPage(
  page: Page,
): Promise<{ status: number; code: string | null }> {
  return page.evaluate(async () => {
    const response = await fetch('/trpc/session.me');
    const body = (await response.json()) as { error?: { data?: { code?: string } } };
    return { status: response.status, code: body.error?.data?.code ?? null };
  });
}

/** Waits for the page's h1 to read `name` (usable outside a test, e.g. in beforeAll). */
export async function waitForHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}
