import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser, totpCode } from '../test-support/http-client.ts';
import { type RunningServer, startServer } from '../testing.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

const FINANCE = 'fatima.begum@hub.example.org';
const COORDINATOR = 'grace.mensah@hub.example.org';

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite session cookie and serves the session', async () => {
    const browser = new TestBrowser(server.url);
    const signIn = await browser.signIn(COORDINATOR, server.demo.password);
    expect(signIn.status).toBe(200);
    const sessionCookie = [...browser.cookies].find(([name]) => name.includes('session_token'));
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie?.[1].attributes).toMatch(/HttpOnly/i);
    expect(sessionCookie?.[1].attributes).toMatch(/SameSite=Strict/i);
    const me = await browser.query('session.me');
    expect(me.status).toBe(200);
    const session = (
      me.json as {
        result: {
          data: {
            person: { email: string };
            activeMembershipId: string;
            memberships: { id: string }[];
          };
        };
      }
    ).result.data;
    expect(session.person.email).toBe(COORDINATOR);
    // One membership: chosen for the session at sign-in.
    expect(session.activeMembershipId).toBe(session.memberships[0]?.id);
  });

  it('gives a finance officer nothing before the TOTP step, and accepts a code once', async () => {
    const browser = new TestBrowser(server.url);
    const signIn = await browser.signIn(FINANCE, server.demo.password);
    expect(signIn.status).toBe(200);
    expect(signIn.json).toMatchObject({ twoFactorRedirect: true });
    expect([...browser.cookies.keys()].some((name) => name.includes('session_token'))).toBe(false);
    expect((await browser.query('session.me')).status).toBe(401);
    expect((await browser.query('organisation.list')).status).toBe(401);

    const secret = server.demo.totpSecrets[FINANCE] ?? '';
    const code = await totpCode(secret);
    const verified = await browser.verifyTotp(code);
    expect(verified.status).toBe(200);
    expect((await browser.query('organisation.list')).status).toBe(200);

    // The same code again, from a fresh sign-in within its window: refused.
    const attacker = new TestBrowser(server.url);
    await attacker.signIn(FINANCE, server.demo.password);
    const replay = await attacker.verifyTotp(code);
    expect(replay.status).toBe(401);
    expect(replay.json).toMatchObject({ code: 'TOTP_CODE_ALREADY_USED' });
    expect((await attacker.query('session.me')).status).toBe(401);
  });

  it('refuses a wrong TOTP code', async () => {
    const browser = new TestBrowser(server.url);
    await browser.signIn('owen.price@hub.example.org', server.demo.password);
    const wrong = await browser.verifyTotp('000000');
    expect(wrong.status).toBe(401);
    expect((await browser.query('session.me')).status).toBe(401);
  });
});

describe('sign-out', () => {
  it('invalidates the server session, so the old cookie is refused', async () => {
    const browser = new TestBrowser(server.url);
    await browser.signIn(COORDINATOR, server.demo.password);
    const stolen = new TestBrowser(server.url);
    for (const [name, cookie] of browser.cookies) stolen.cookies.set(name, cookie);
    expect((await stolen.query('session.me')).status).toBe(200);
    expect((await browser.signOut()).status).toBe(200);
    expect((await stolen.query('session.me')).status).toBe(401);
  });
});

describe('origin check', () => {
  it('refuses a state-changing request from another origin', async () => {
    const browser = new TestBrowser(server.url);
    const foreign = await browser.request('/api/auth/sign-in/email', {
      body: { email: COORDINATOR, password: server.demo.password },
      headers: { origin: 'https://evil.example.com' },
    });
    expect(foreign.status).toBe(403);
    await browser.signIn(COORDINATOR, server.demo.password);
    const crossSite = await browser.request('/trpc/audit.verify', {
      body: {},
      headers: { origin: 'https://evil.example.com' },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json).toMatchObject({ error: 'cross-origin-refused' });
  });
});

describe('password reset', () => {
  it('emails a link to the outbox (not the log) and the link sets a new password', async () => {
    const browser = new TestBrowser(server.url);
    const email = 'ruth.campbell@stbrigids.example.org';
    const requested = await browser.request('/api/auth/request-password-reset', {
      body: { email, redirectTo: '/site/reset-password' },
    });
    expect(requested.status).toBe(200);
    const outbox = server.outboxDir;
    const [file] = (await readdir(outbox)).filter((f) => f.includes('password-reset'));
    const message = await readFile(join(outbox, file ?? ''), 'utf8');
    expect(message).toContain(`To: ${email}`);
    const link = message
      .replace(/=\r?\n/g, '')
      .match(/https?:\/\/\S+reset-password\/(\S+?)\?callbackURL/);
    const token = link?.[1];
    expect(token).toBeTruthy();
    const reset = await browser.request('/api/auth/reset-password', {
      body: { token, newPassword: 'a brand new passphrase' },
    });
    expect(reset.status).toBe(200);
    expect((await browser.signIn(email, server.demo.password)).status).toBe(401);
    expect((await browser.signIn(email, 'a brand new passphrase')).status).toBe(200);
  });
});
