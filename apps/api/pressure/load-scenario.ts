import { randomBytes, randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD, demoTotpSecrets } from '../src/seed/demo-network.ts';
import { TestBrowser, totpCode } from '../src/test-support/http-client.ts';

/**
 * Issue 6, "Load": simulated people of the demo networks, each a loop of what their role does
 * all day, with think time between actions. Site people list participants, record
 * questionnaires and attendance and read their work; hub people read programmes, work and
 * milestones; commissioners read programmes and the outcomes report; finance reads payables.
 * Used by bench/load.bench.ts (figures) and pressure/load.pressure.test.ts (no errors, flat
 * memory), and importable by other suites (faults, scale-out): `runLoad({ url, users, … })`.
 *
 * Sessions: better-auth allows 60 sign-ins a minute from one client address and every simulated
 * user comes from 127.0.0.1, so each demo person signs in a few times (`sessionsPerPerson`) and
 * the simulated users share those sessions round robin (several tabs or devices of one person).
 */

export type LoadRole = 'site' | 'hub' | 'commissioner' | 'finance';

/** Who signs in for each kind of simulated user (demo people, both networks). */
const PEOPLE: Record<LoadRole, readonly string[]> = {
  site: [
    'samuel.adeyemi@stbrigids.example.org',
    'ruth.campbell@stbrigids.example.org',
    'yusuf.karim@alnoor.example.org',
    'zainab.ali@alnoor.example.org',
    'harjit.gill@millbrook-gurdwara.example.org',
  ],
  hub: ['grace.mensah@hub.example.org', 'nadia.rahman@millbrook-hub.example.org'],
  commissioner: [
    'priya.raman@icb.example.org',
    'tom.okafor@council.example.org',
    'kwame.boateng@publichealth.example.org',
    'sarah.whitfield@mhtrust.example.org',
  ],
  // Finance officers need a TOTP code per sign-in (one per 30 s step, never twice): one session
  // each; the auditor reads payables too and needs none.
  finance: [
    'fatima.begum@hub.example.org',
    'owen.price@hub.example.org',
    'helen.carter@hub.example.org',
  ],
};

/** Out of every 10 simulated users: 5 at sites, 2 at hubs, 2 commissioners, 1 in finance. */
const ROLE_MIX: readonly LoadRole[] = [
  'site',
  'hub',
  'site',
  'commissioner',
  'site',
  'finance',
  'site',
  'hub',
  'site',
  'commissioner',
];

interface SiteData {
  readonly siteId: string;
  readonly personId: string;
  /** Participants with consent in force, by programme, with that programme's framework. */
  readonly programmes: ReadonlyArray<{
    readonly programmeId: string;
    readonly participantIds: readonly string[];
    readonly instruments: readonly string[];
    readonly timepoints: readonly string[];
  }>;
}

interface SignedIn {
  readonly role: LoadRole;
  readonly email: string;
  readonly cookie: string;
  readonly programmeIds: readonly string[];
  readonly site?: SiteData;
}

/** Signed-in sessions and what each needs to act; reusable across runs on the same API. */
export interface PreparedLoad {
  readonly url: string;
  readonly sessions: Readonly<Record<LoadRole, readonly SignedIn[]>>;
}

/**
 * Think time between one person's actions, in ms: the time to read a page, fill in a form or
 * talk to the participant before the next click. Three to ten seconds is quick for a person.
 */
export const THINK_MS: readonly [number, number] = [3_000, 10_000];

export interface LoadOptions {
  /** The API's base URL, e.g. http://127.0.0.1:3000 (or a load balancer in front of several). */
  readonly url: string;
  readonly users: number;
  readonly durationMs: number;
  /** Stops the loops early; requests in flight finish. */
  readonly signal?: AbortSignal;
  /** Think time between one user's actions, in ms (default `THINK_MS`). */
  readonly thinkMs?: readonly [number, number];
  /** Sessions per demo person (default 4); the users share them. */
  readonly sessionsPerPerson?: number;
  /** Sessions from an earlier `prepareLoad` (so a second run needs no sign-in). */
  readonly prepared?: PreparedLoad;
  /** The API process to sample memory (RSS) from every second; a function, as it may restart. */
  readonly apiPid?: () => number | undefined;
  /**
   * Per-request timeout in ms (default 60 s, nginx's default proxy_read_timeout): a request
   * taking longer counts as a network error.
   */
  readonly timeoutMs?: number;
  /**
   * Before the clock starts, every session asks for its programmes at once (not counted), so the
   * API's database pool is open and its code compiled (default true).
   */
  readonly warmUp?: boolean;
}

export interface ActionStats {
  count: number;
  errors: number;
  p50: number;
  p99: number;
}

export interface RssSample {
  /** ms since the load started. */
  readonly atMs: number;
  readonly bytes: number;
}

export interface LoadStats {
  readonly users: number;
  readonly durationMs: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Responses by HTTP status, plus `network` for requests that got no response. */
  readonly byStatus: Record<string, number>;
  /** Any non-2xx response or network error. */
  readonly errors: number;
  readonly serverErrors: number;
  /** Up to 20 examples: action, status and the start of the body (never personal data: ids only). */
  readonly errorSamples: readonly string[];
  readonly latencyMs: {
    readonly p50: number;
    readonly p95: number;
    readonly p99: number;
    readonly max: number;
    readonly mean: number;
  };
  readonly byAction: Record<string, ActionStats>;
  readonly rss: readonly RssSample[];
  /** Writes that succeeded (questionnaires and sessions recorded). */
  readonly writes: number;
  /** CPU time the API process used during the run (ms), when `apiPid` was given. */
  readonly apiCpuMs: number | undefined;
}

/** The environment of a deployed API (NODE_ENV=production, its required secrets), for tests. */
export function productionEnv(): Record<string, string> {
  return {
    NODE_ENV: 'production',
    AUTH_SECRET: randomBytes(33).toString('base64'),
    BANK_DETAILS_KEY: randomBytes(32).toString('base64'),
    BACS_ORIGINATOR_SORT_CODE: '40-12-76',
    BACS_ORIGINATOR_ACCOUNT: '41000001',
    BACS_SERVICE_USER_NUMBER: '900001',
    BACS_ORIGINATOR_NAME: 'COPRODUCE HUB',
    LOG_LEVEL: 'warn',
  };
}

/** Resident memory of a process in bytes (Linux /proc), or undefined if it is not running. */
export function readRss(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms, or undefined if not running. */
export function readCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export interface MemoryJudgement {
  /** Peak RSS in the window 40–20 s before the end. */
  readonly earlierPeak: number;
  /** Peak RSS in the last 20 s. */
  readonly lastPeak: number;
  /** lastPeak ÷ earlierPeak − 1. */
  readonly growth: number;
  readonly maxGrowth: number;
  readonly flat: boolean;
}

/**
 * "Memory flat": the peak RSS of the last 20 s is at most `maxGrowth` above the peak of the 20 s
 * before (windows counted back from the last sample; needs at least 40 s of samples). Start-up
 * and warm-up (the first 20 s of a 60 s run) are left out: code loading and caches fill there.
 */
export function judgeMemory(
  samples: readonly RssSample[],
  maxGrowth = 0.15,
): MemoryJudgement | null {
  const end = samples.at(-1)?.atMs;
  if (end === undefined || end < 40_000) return null;
  const peak = (from: number, to: number) =>
    Math.max(...samples.filter((s) => s.atMs > from && s.atMs <= to).map((s) => s.bytes));
  const earlierPeak = peak(end - 40_000, end - 20_000);
  const lastPeak = peak(end - 20_000, end);
  const growth = lastPeak / earlierPeak - 1;
  return { earlierPeak, lastPeak, growth, maxGrowth, flat: growth <= maxGrowth };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

function dataOf<T>(json: unknown): T {
  const data = (json as { result?: { data?: T } } | null)?.result?.data;
  if (data === undefined)
    throw new Error(`unexpected answer: ${JSON.stringify(json).slice(0, 300)}`);
  return data;
}

/** One sign-in (with TOTP when the person has it), waiting out the sign-in rate limit. */
async function signIn(url: string, email: string): Promise<TestBrowser> {
  const secret = demoTotpSecrets()[email];
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const browser = new TestBrowser(url);
    const first = await browser.signIn(email, DEMO_PASSWORD);
    if (first.status === 429) {
      const wait = Number(first.headers.get('x-retry-after') ?? first.headers.get('retry-after'));
      await sleep(Math.min(Number.isFinite(wait) && wait > 0 ? wait * 1000 : 10_000, 65_000));
      continue;
    }
    if (first.status !== 200) throw new Error(`sign-in of ${email}: ${first.status}`);
    if (!secret) return browser;
    const verified = await browser.verifyTotp(await totpCode(secret));
    if (verified.status === 200) return browser;
    // The code of this 30 s step was used already (an earlier run) or 2FA is rate limited: the
    // next step brings a new code.
    await sleep(31_000 - (Date.now() % 30_000));
  }
  throw new Error(`could not sign in ${email}`);
}

async function describeSession(browser: TestBrowser, role: LoadRole, email: string) {
  const me = dataOf<{
    person: { id: string };
    memberships: { id: string; organisation: { id: string } }[];
    activeMembershipId: string;
  }>((await browser.query('session.me')).json);
  const active = me.memberships.find((m) => m.id === me.activeMembershipId);
  const { programmes } = dataOf<{ programmes: { id: string }[] }>(
    (await browser.query('programme.list', {})).json,
  );
  const base = { role, email, cookie: browser.cookieHeader() };
  if (role !== 'site' || !active) return { ...base, programmeIds: programmes.map((p) => p.id) };
  const siteId = active.organisation.id;
  const { participants } = dataOf<{
    participants: {
      participantId: string;
      programmeId: string;
      consent: string;
      erased: boolean;
    }[];
  }>((await browser.query('participant.list', { siteId, limit: 200 })).json);
  const usable = participants.filter((p) => p.consent === 'in-force' && !p.erased);
  const site: SiteData = {
    siteId,
    personId: me.person.id,
    programmes: await Promise.all(
      [...new Set(usable.map((p) => p.programmeId))].map(async (programmeId) => {
        const participantIds = usable
          .filter((p) => p.programmeId === programmeId)
          .map((p) => p.participantId);
        const record = dataOf<{
          framework: { instruments: string[]; timepoints: { code: string }[] };
        }>((await browser.query('participant.get', { participantId: participantIds[0] })).json);
        return {
          programmeId,
          participantIds,
          instruments: record.framework.instruments.filter((i) => i in ANSWERS),
          timepoints: record.framework.timepoints.map((t) => t.code),
        };
      }),
    ),
  };
  const writable = site.programmes.filter(
    (p) => p.participantIds.length > 0 && p.instruments.length > 0 && p.timepoints.length > 0,
  );
  return {
    ...base,
    programmeIds: programmes.map((p) => p.id),
    site: { ...site, programmes: writable },
  };
}

/** Signs the demo people in (`sessionsPerPerson` each, finance once) and looks up their data. */
export async function prepareLoad(url: string, sessionsPerPerson = 4): Promise<PreparedLoad> {
  const jobs = (Object.keys(PEOPLE) as LoadRole[]).flatMap((role) =>
    PEOPLE[role].flatMap((email) => {
      const times = demoTotpSecrets()[email] ? 1 : sessionsPerPerson;
      return Array.from({ length: times }, () => ({ role, email }));
    }),
  );
  const sessions: Record<LoadRole, SignedIn[]> = {
    site: [],
    hub: [],
    commissioner: [],
    finance: [],
  };
  // A few at a time: each sign-in hashes a password (scrypt), the costliest call there is.
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        if (!job) break;
        const browser = await signIn(url, job.email);
        sessions[job.role].push(await describeSession(browser, job.role, job.email));
      }
    }),
  );
  return { url, sessions };
}

/** Valid answers per instrument (no PHQ-9 risk item, so no safeguarding path on every write). */
const ANSWERS: Record<string, () => number[]> = {
  SWEMWBS: () => Array.from({ length: 7 }, () => 1 + Math.floor(Math.random() * 5)),
  GAD7: () => Array.from({ length: 7 }, () => Math.floor(Math.random() * 4)),
  PHQ9: () => [...Array.from({ length: 8 }, () => Math.floor(Math.random() * 4)), 0],
};

const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
};

const today = () => new Date().toISOString().slice(0, 10);

interface Action {
  readonly name: string;
  readonly weight: number;
  readonly write?: boolean;
  /** [procedure, input, 'query' | 'mutation'] */
  readonly call: (s: SignedIn) => readonly [string, unknown, 'query' | 'mutation'];
}

const ACTIONS: Record<LoadRole, readonly Action[]> = {
  site: [
    {
      name: 'participant.list',
      weight: 3,
      call: (s) => ['participant.list', { siteId: s.site?.siteId, limit: 50 }, 'query'],
    },
    {
      name: 'questionnaire.record',
      weight: 3,
      write: true,
      call: (s) => {
        const programme = pick(s.site?.programmes ?? []);
        const instrument = pick(programme.instruments);
        return [
          'questionnaire.record',
          {
            participantId: pick(programme.participantIds),
            instrument,
            timepointCode: pick(programme.timepoints),
            recordedOn: today(),
            answers: ANSWERS[instrument]?.(),
            idempotencyKey: `load-${randomUUID()}`,
          },
          'mutation',
        ];
      },
    },
    {
      name: 'deliverySession.record',
      weight: 1.5,
      write: true,
      call: (s) => {
        const programme = pick(s.site?.programmes ?? []);
        const register = [
          ...new Set(Array.from({ length: 4 }, () => pick(programme.participantIds))),
        ].map((participantId) => ({
          participantId,
          status: Math.random() < 0.8 ? 'attended' : 'did-not-attend',
        }));
        return [
          'deliverySession.record',
          {
            programmeId: programme.programmeId,
            siteId: s.site?.siteId,
            heldOn: today(),
            kind: 'group',
            title: 'Load test group',
            durationMinutes: 60,
            practitionerId: s.site?.personId,
            register,
            idempotencyKey: `load-${randomUUID()}`,
          },
          'mutation',
        ];
      },
    },
    { name: 'work.needsMe', weight: 1.5, call: () => ['work.needsMe', undefined, 'query'] },
    { name: 'programme.list', weight: 1, call: () => ['programme.list', {}, 'query'] },
  ],
  hub: [
    { name: 'programme.list', weight: 3, call: () => ['programme.list', {}, 'query'] },
    { name: 'work.needsMe', weight: 3, call: () => ['work.needsMe', undefined, 'query'] },
    { name: 'milestone.list', weight: 2.5, call: () => ['milestone.list', {}, 'query'] },
    {
      name: 'programme.get',
      weight: 1.5,
      call: (s) => ['programme.get', { programmeId: pick(s.programmeIds) }, 'query'],
    },
  ],
  commissioner: [
    { name: 'programme.list', weight: 4, call: () => ['programme.list', {}, 'query'] },
    {
      name: 'outcomes.report',
      weight: 6,
      call: (s) => ['outcomes.report', { programmeId: pick(s.programmeIds) }, 'query'],
    },
  ],
  finance: [
    { name: 'payable.list', weight: 6, call: () => ['payable.list', { status: 'open' }, 'query'] },
    { name: 'work.needsMe', weight: 2, call: () => ['work.needsMe', undefined, 'query'] },
    { name: 'programme.list', weight: 2, call: () => ['programme.list', {}, 'query'] },
  ],
};

function chooseAction(role: LoadRole, session: SignedIn): Action {
  const actions = ACTIONS[role].filter((a) => {
    if (a.write || a.name === 'participant.list') return (session.site?.programmes.length ?? 0) > 0;
    if (a.name === 'programme.get' || a.name === 'outcomes.report')
      return session.programmeIds.length > 0;
    return true;
  });
  let roll = Math.random() * actions.reduce((sum, a) => sum + a.weight, 0);
  for (const action of actions) {
    roll -= action.weight;
    if (roll <= 0) return action;
  }
  return actions[0] as Action;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

/** Runs `users` simulated people for `durationMs` and returns what happened. */
export async function runLoad(options: LoadOptions): Promise<LoadStats> {
  const prepared = options.prepared ?? (await prepareLoad(options.url, options.sessionsPerPerson));
  const [thinkMin, thinkMax] = options.thinkMs ?? THINK_MS;
  const timeoutMs = options.timeoutMs ?? 60_000;
  if (options.warmUp ?? true) {
    const all = Object.values(prepared.sessions).flat();
    await Promise.all(
      all.map((session) =>
        fetch(`${prepared.url}/trpc/programme.list?input=${encodeURIComponent('{}')}`, {
          headers: { origin: prepared.url, cookie: session.cookie },
          signal: AbortSignal.timeout(timeoutMs),
        }).then((response) => response.text()),
      ),
    );
  }
  const stop = new AbortController();
  // Every user's think time waits on this one signal.
  setMaxListeners(options.users + 10, stop.signal);
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => stop.abort(), options.durationMs);

  const byStatus: Record<string, number> = {};
  const latencies: number[] = [];
  const perAction = new Map<string, { latencies: number[]; errors: number }>();
  const errorSamples: string[] = [];
  let writes = 0;
  const started = performance.now();

  const rss: RssSample[] = [];
  const sampleRss = () => {
    const bytes = readRss(options.apiPid?.());
    if (bytes !== undefined) rss.push({ atMs: Math.round(performance.now() - started), bytes });
  };
  sampleRss();
  const sampler = setInterval(sampleRss, 1_000);
  const cpuAtStart = readCpuMs(options.apiPid?.());

  async function send(session: SignedIn, action: Action) {
    const [path, input, kind] = action.call(session);
    const headers: Record<string, string> = { origin: prepared.url, cookie: session.cookie };
    let target = `${prepared.url}/trpc/${path}`;
    let body: string | undefined;
    if (kind === 'mutation') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(input ?? {});
    } else if (input !== undefined) {
      target += `?input=${encodeURIComponent(JSON.stringify(input))}`;
    }
    const began = performance.now();
    let status: string;
    let text = '';
    try {
      const response = await fetch(target, {
        method: kind === 'mutation' ? 'POST' : 'GET',
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
      status = String(response.status);
    } catch (error) {
      status = 'network';
      text = (error as Error).message;
    }
    const ms = performance.now() - began;
    latencies.push(ms);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const stats = perAction.get(action.name) ?? { latencies: [], errors: 0 };
    perAction.set(action.name, stats);
    stats.latencies.push(ms);
    const ok = status.startsWith('2');
    if (ok && action.write) writes += 1;
    if (!ok) {
      stats.errors += 1;
      if (errorSamples.length < 20)
        errorSamples.push(`${action.name} ${status} ${text.slice(0, 200)}`);
    }
  }

  async function user(index: number) {
    const role = ROLE_MIX[index % ROLE_MIX.length] as LoadRole;
    const pool = prepared.sessions[role];
    const session = pool[Math.floor(index / ROLE_MIX.length) % pool.length];
    if (!session) throw new Error(`no ${role} session`);
    // Spread the first requests over the first think time, as people do not all click at once.
    await sleep(Math.random() * thinkMax, stop.signal);
    while (!stop.signal.aborted) {
      await send(session, chooseAction(role, session));
      await sleep(thinkMin + Math.random() * (thinkMax - thinkMin), stop.signal);
    }
  }

  try {
    await Promise.all(Array.from({ length: options.users }, (_, i) => user(i)));
  } finally {
    clearTimeout(timer);
    clearInterval(sampler);
    options.signal?.removeEventListener('abort', onAbort);
  }
  sampleRss();
  const cpuAtEnd = readCpuMs(options.apiPid?.());
  const durationMs = performance.now() - started;
  const sorted = [...latencies].sort((a, b) => a - b);
  const errors = Object.entries(byStatus)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  const serverErrors = Object.entries(byStatus)
    .filter(([status]) => status.startsWith('5'))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    users: options.users,
    durationMs,
    requests: latencies.length,
    requestsPerSecond: latencies.length / (durationMs / 1000),
    byStatus,
    errors,
    serverErrors,
    errorSamples,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
      mean: sorted.reduce((sum, ms) => sum + ms, 0) / Math.max(1, sorted.length),
    },
    byAction: Object.fromEntries(
      [...perAction].map(([name, s]) => {
        const own = [...s.latencies].sort((a, b) => a - b);
        return [
          name,
          {
            count: own.length,
            errors: s.errors,
            p50: percentile(own, 50),
            p99: percentile(own, 99),
          },
        ];
      }),
    ),
    rss,
    writes,
    apiCpuMs:
      cpuAtStart === undefined || cpuAtEnd === undefined ? undefined : cpuAtEnd - cpuAtStart,
  };
}
