import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/env.ts';
import { buildServer } from '../src/server.ts';
import { TestBrowser, totpCode } from '../src/test-support/http-client.ts';
import {
  describePersonalDataHits,
  findPersonalData,
  participantPersonalData,
} from '../src/test-support/personal-data.ts';
import { type RunningServer, startServer } from '../src/testing.ts';
import { idFieldPaths, procedureDefs } from './attacks/id-fields.ts';
import { MISSING_ID, runIdSwaps } from './attacks/id-swaps.ts';
import { buildWorld, tableCounts, type World } from './attacks/world.ts';

/**
 * Attacks (issue 6): another tenant's ids on every procedure that takes one, session fixation
 * and rotation, cross-origin writes, security headers, dependency audit, personal data in logs.
 * Runs on PGlite, or on PostgreSQL when DATABASE_URL is set.
 */

let server: RunningServer;
let world: World;
const logLines: string[] = [];
const started = Date.now();
const defs = procedureDefs();
/** While working on one procedure: ATTACK_ONLY=regex narrows the id swaps (never set in CI). */
const only = process.env.ATTACK_ONLY ? new RegExp(process.env.ATTACK_ONLY) : undefined;

beforeAll(async () => {
  server = await startServer({
    logLevel: 'info',
    logStream: { write: (line) => void logLines.push(line) },
  });
  world = await buildWorld(server);
});

afterAll(async () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `attacks: ${seconds} s on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  await server?.close();
});

describe('ids of another network or site, on every procedure that takes one', () => {
  it('refuses them like a missing object, leaks nothing and writes nothing', async () => {
    const attacked = only ? defs.filter((d) => only.test(d.path)) : defs;
    const report = await runIdSwaps(
      server.database.db,
      world,
      attacked,
      process.env.ATTACK_ALL_ROLES === '1',
    );
    const byScenario = (s: string) => report.attacks.filter((a) => a.scenario === s).length;
    console.log(
      `id swaps: ${report.attacks.length} attacks (${byScenario('other network')} across networks, ${byScenario('other site')} across sites) on ${report.covered.size} procedures`,
    );
    if (report.gaps.length)
      console.log(`not attacked (nothing to borrow):\n  ${report.gaps.join('\n  ')}`);
    const withIds = attacked.filter((d) => idFieldPaths(d.schema).length > 0).map((d) => d.path);
    const uncovered = withIds.filter((p) => !report.covered.has(p));
    expect(report.problems).toEqual([]);
    expect(uncovered, 'procedures with an id input that no attack reached').toEqual([]);
  });
});

const SESSION_COOKIE = 'coproduce.session_token';
const GRACE = 'grace.mensah@hub.example.org';
const FATIMA = 'fatima.begum@hub.example.org';

function sessionToken(browser: TestBrowser): string | undefined {
  return browser.cookies.get(SESSION_COOKIE)?.value;
}

/** A browser holding only the given session cookie. */
function withCookie(token: string | undefined) {
  const browser = new TestBrowser(server.url);
  if (token) browser.cookies.set(SESSION_COOKIE, { value: token, attributes: '' });
  return browser;
}

describe('sessions', () => {
  it('a planted session cookie is replaced at sign-in (no fixation)', async () => {
    // An attacker signs in and plants their own valid cookie in the victim's browser.
    const attacker = new TestBrowser(server.url);
    await attacker.signIn(world.away.site_lead?.email as string, server.demo.password);
    const planted = sessionToken(attacker) as string;
    expect(planted).toBeTruthy();
    const victim = withCookie(planted);
    expect((await victim.signIn(GRACE, server.demo.password)).status).toBe(200);
    const issued = sessionToken(victim);
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    // The planted token still names the attacker, never the victim.
    const me = await withCookie(planted).query('session.me');
    expect(JSON.stringify(me.json)).not.toContain(GRACE);
    // A made-up cookie is not adopted either.
    const madeUp = withCookie('fixated-by-attacker.c2lnbmF0dXJl');
    await madeUp.signIn(GRACE, server.demo.password);
    expect(sessionToken(madeUp)).not.toBe('fixated-by-attacker.c2lnbmF0dXJl');
    expect((await withCookie('fixated-by-attacker.c2lnbmF0dXJl').query('session.me')).status).toBe(
      401,
    );
  });

  it('each sign-in issues a new token and sign-out kills the old one', async () => {
    const first = new TestBrowser(server.url);
    await first.signIn(GRACE, server.demo.password);
    const second = new TestBrowser(server.url);
    await second.signIn(GRACE, server.demo.password);
    const [a, b] = [sessionToken(first), sessionToken(second)];
    expect(a && b && a !== b).toBe(true);
    expect((await withCookie(a).query('session.me')).status).toBe(200);
    expect((await first.signOut()).status).toBe(200);
    expect((await withCookie(a).query('session.me')).status).toBe(401);
    expect((await withCookie(a).query('organisation.list')).status).toBe(401);
    // The other session is untouched by signing the first out.
    expect((await withCookie(b).query('session.me')).status).toBe(200);
  });

  it('the password step alone gives no session; TOTP verification issues a new token', async () => {
    const browser = new TestBrowser(server.url);
    const signIn = await browser.signIn(FATIMA, server.demo.password);
    expect(signIn.status).toBe(200);
    const beforeTotp = sessionToken(browser);
    // Before the second factor there is no session that reaches anything.
    expect((await withCookie(beforeTotp).query('paymentRun.list')).status).toBe(401);
    expect((await browser.query('paymentRun.list')).status).toBe(401);
    const verified = await browser.verifyTotp(
      await totpCode(server.demo.totpSecrets[FATIMA] as string),
    );
    expect(verified.status).toBe(200);
    const afterTotp = sessionToken(browser);
    expect(afterTotp).toBeTruthy();
    expect(afterTotp).not.toBe(beforeTotp);
    expect((await browser.query('paymentRun.list')).status).toBe(200);
  });
});

const EVIL = 'https://evil.example';

describe('cross-origin state changes', () => {
  it('refuses a tRPC mutation and an auth call from another origin, or with no Origin', async () => {
    const actor = world.away.hub_coordinator as (typeof world.away)['hub_coordinator'] & {};
    const before = await tableCounts(server.database.db);
    const input = {
      organisationId: actor.organisationId,
      email: 'csrf@example.org',
      role: 'auditor',
    };
    const evil = await actor.browser.request('/trpc/invitation.create', {
      body: input,
      headers: { origin: EVIL },
    });
    expect(evil.status).toBe(403);
    const bare = await fetch(`${server.url}/trpc/invitation.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: actor.browser.cookieHeader() },
      body: JSON.stringify(input),
    });
    expect(bare.status).toBe(403);
    const nullOrigin = await actor.browser.request('/trpc/invitation.create', {
      body: input,
      headers: { origin: 'null' },
    });
    expect(nullOrigin.status).toBe(403);
    // Auth: signing in, and signing the victim out, from another site.
    const signIn = await new TestBrowser(server.url).request('/api/auth/sign-in/email', {
      body: { email: GRACE, password: server.demo.password },
      headers: { origin: EVIL },
    });
    expect(signIn.status).toBe(403);
    expect(signIn.headers.getSetCookie()).toEqual([]);
    const signOut = await actor.browser.request('/api/auth/sign-out', {
      body: {},
      headers: { origin: EVIL },
    });
    expect(signOut.status).toBe(403);
    expect((await actor.browser.query('session.me')).status).toBe(200);
    expect(await tableCounts(server.database.db)).toEqual(before);
  });

  it('no mutation runs on GET', async () => {
    const actor = world.away.hub_coordinator as (typeof world.away)['hub_coordinator'] & {};
    const before = await tableCounts(server.database.db);
    const mutations = defs.filter((d) => d.type === 'mutation');
    expect(mutations.length).toBeGreaterThan(20);
    const accepted: string[] = [];
    for (const def of mutations) {
      const response = await actor.browser.query(def.path, {});
      if (response.status < 400 || response.status >= 500)
        accepted.push(`${def.path} ${response.status}`);
    }
    expect(accepted).toEqual([]);
    expect(await tableCounts(server.database.db)).toEqual(before);
  });

  it('grants no CORS access to a foreign origin, also on preflight', async () => {
    const actor = world.away.hub_coordinator as (typeof world.away)['hub_coordinator'] & {};
    const problems: string[] = [];
    for (const path of [
      '/trpc/session.me',
      '/trpc/invitation.create',
      '/api/auth/sign-in/email',
      '/api/auth/get-session',
    ]) {
      const get = await fetch(`${server.url}${path}`, {
        headers: { origin: EVIL, cookie: actor.browser.cookieHeader() },
      });
      const preflight = await fetch(`${server.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: EVIL,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      for (const [kind, response] of [
        ['GET', get],
        ['OPTIONS', preflight],
      ] as const) {
        const allow = response.headers.get('access-control-allow-origin');
        if (allow === EVIL || allow === '*')
          problems.push(`${kind} ${path}: allow-origin ${allow}`);
        if (response.headers.get('access-control-allow-credentials') === 'true' && allow)
          problems.push(`${kind} ${path}: credentials allowed`);
        if (response.status >= 500) problems.push(`${kind} ${path}: ${response.status}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

function headerProblems(where: string, headers: Headers, personal: boolean): string[] {
  const problems: string[] = [];
  const csp = headers.get('content-security-policy') ?? '';
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1];
  if (!csp) problems.push(`${where}: no Content-Security-Policy`);
  else if (!scriptSrc || /unsafe-inline|unsafe-eval|\*/.test(scriptSrc))
    problems.push(`${where}: CSP scripts not limited to self (${scriptSrc})`);
  const framing =
    headers.get('x-frame-options')?.toUpperCase() === 'DENY' || /frame-ancestors 'none'/.test(csp);
  if (!framing) problems.push(`${where}: can be framed`);
  if (headers.get('x-content-type-options') !== 'nosniff') problems.push(`${where}: no nosniff`);
  if (!headers.get('referrer-policy')) problems.push(`${where}: no Referrer-Policy`);
  if (!headers.get('cross-origin-opener-policy'))
    problems.push(`${where}: no Cross-Origin-Opener-Policy`);
  if (personal && !/no-store/.test(headers.get('cache-control') ?? ''))
    problems.push(
      `${where}: personal data without Cache-Control: no-store (${headers.get('cache-control')})`,
    );
  return problems;
}

describe('security headers and cookies', () => {
  it('are sent on the apps, tRPC and auth responses', async (ctx) => {
    const actor = world.siteStaff.site_lead as (typeof world.siteStaff)['site_lead'] & {};
    const problems: string[] = [];
    const apps = ['hub', 'site'].filter((name) =>
      existsSync(join(server.config.appsDir, name, 'dist')),
    );
    for (const name of apps) {
      const response = await fetch(`${server.url}/${name}/`);
      expect(response.status).toBe(200);
      problems.push(...headerProblems(`/${name}/`, response.headers, false));
    }
    const me = await actor.browser.query('session.me');
    problems.push(...headerProblems('/trpc/session.me', me.headers, true));
    const list = await actor.browser.query('participant.list', {
      siteId: actor.organisationId,
    });
    problems.push(...headerProblems('/trpc/participant.list', list.headers, true));
    const refused = await actor.browser.query('claim.list', { programmeId: MISSING_ID });
    problems.push(...headerProblems('/trpc refused', refused.headers, true));
    const session = await actor.browser.request('/api/auth/get-session');
    problems.push(...headerProblems('/api/auth/get-session', session.headers, true));
    const signIn = await new TestBrowser(server.url).signIn(GRACE, server.demo.password);
    problems.push(...headerProblems('/api/auth/sign-in/email', signIn.headers, true));
    expect(problems).toEqual([]);
    if (apps.length < 2)
      ctx.skip(`apps not built (${2 - apps.length} of 2 missing dist): run npm run build`);
  });

  it('the session cookie is HttpOnly and SameSite=Strict, and Secure behind https', async () => {
    const plain = new TestBrowser(server.url);
    await plain.signIn(GRACE, server.demo.password);
    const attributes = plain.cookies.get(SESSION_COOKIE)?.attributes ?? '';
    expect(attributes).toMatch(/httponly/i);
    expect(attributes).toMatch(/samesite=strict/i);

    // The same product configured for https (not listening: injected requests).
    const publicUrl = 'https://coproduce.example';
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: server.config.dataDir,
      PUBLIC_URL: publicUrl,
    });
    const { app } = await buildServer({ config, database: server.database });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: {
          origin: publicUrl,
          host: 'coproduce.example',
          'content-type': 'application/json',
        },
        payload: JSON.stringify({ email: GRACE, password: server.demo.password }),
      });
      expect(response.statusCode).toBe(200);
      const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
      const session = cookies.find((c) => /session_token=/.test(c)) ?? '';
      expect(session).toMatch(/;\s*secure/i);
      expect(session).toMatch(/httponly/i);
      expect(session).toMatch(/samesite=strict/i);
      expect(response.headers['strict-transport-security']).toBeTruthy();
    } finally {
      await app.close();
    }
  });
});

describe('dependencies', () => {
  it('npm audit --omit=dev finds nothing high or critical', async (ctx) => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    let report: {
      statusCode?: number;
      message?: string;
      metadata?: { vulnerabilities?: Record<string, number> };
    } = {};
    try {
      report = JSON.parse(result.stdout || '{}');
    } catch {
      report = { message: (result.stdout || result.stderr || '').slice(0, 200) };
    }
    const counts = report.metadata?.vulnerabilities;
    if (!counts) {
      const reason = `npm audit could not reach advisory data (${report.statusCode ?? 'no status'} ${report.message ?? result.error?.message ?? ''}): BLOCKED, audit not run`;
      console.log(reason);
      ctx.skip(reason);
      return;
    }
    expect({ high: counts.high ?? 0, critical: counts.critical ?? 0 }).toEqual({
      high: 0,
      critical: 0,
    });
  });
});

describe('logs', () => {
  it('carry no participant name, date of birth, email, phone or postcode', async () => {
    const people = await participantPersonalData(server.database.db);
    expect(people.length).toBeGreaterThan(100);
    const text = logLines.join('');
    expect(text.split('\n').length).toBeGreaterThan(500);
    const hits = findPersonalData(text, people);
    expect(hits, describePersonalDataHits(hits, 'of the attack suite')).toEqual([]);
  });
});
