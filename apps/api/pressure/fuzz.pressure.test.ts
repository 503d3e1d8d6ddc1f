import { loadavg } from 'node:os';
import type { Role } from '@coproduce/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINGSMERE } from '../src/seed/demo-network.ts';
import { TestBrowser, totpCode } from '../src/test-support/http-client.ts';
import { type RunningServer, startServer } from '../src/testing.ts';
import { type FuzzResponse, problemsWith } from './fuzz/check-response.ts';
import { type NearMiss, nearMissArbitrary } from './fuzz/near-miss.ts';
import { type FuzzTarget, fuzzTargets, roleFor } from './fuzz/procedures.ts';
import { type ArbitraryContext, arbitraryFor } from './fuzz/zod-arbitrary.ts';

/**
 * Issue 6, "Fuzzing": every tRPC procedure, over HTTP, with inputs generated from its zod schema
 * and around it (near-misses and random JSON), signed in as a role the policy allows and signed
 * out. Every answer must be below 500, show no internals, and a 400 must name the field.
 * Reproduce a run with FUZZ_SEED; FUZZ_RUNS sets the valid inputs per procedure (near-misses are
 * twice that).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const SIGNED_OUT_RUNS = 3;
/** Procedures that change who the fuzzer is acting as go last, so they do not starve the rest. */
const LAST = new Set(['membership.revoke', 'session.selectMembership', 'participant.erase']);

let server: RunningServer;
const browsers = new Map<Role | 'signed-in' | 'public', TestBrowser>();
let signedOut: TestBrowser;
const knownIds = new Set<string>();
const serverErrors: string[] = [];

interface Finding {
  readonly procedure: string;
  readonly as: string;
  readonly problem: string;
  readonly counterexample: string;
  readonly seed: number;
  readonly replayPath?: string;
}
const findings: Finding[] = [];
/** Answers per procedure by status, to see how deep the inputs got. */
const statuses = new Map<string, Map<number, number>>();
function count(path: string, status: number) {
  const byStatus = statuses.get(path) ?? new Map<number, number>();
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  statuses.set(path, byStatus);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids seen in answers, by the field they would be sent back in (`programmeId`), and all. */
const idsByField = new Map<string, Set<string>>();
const GENERIC = new Set(['items', 'rows', 'data', 'results', 'entries', 'transitions', 'page']);

function remember(field: string, id: string) {
  const ids = idsByField.get(field) ?? new Set<string>();
  if (ids.size < 200 && !ids.has(id.toLowerCase())) {
    ids.add(id.toLowerCase());
    idsVersion += 1;
  }
  idsByField.set(field, ids);
  if (knownIds.size < 2_000) knownIds.add(id.toLowerCase());
}

/** Walks an answer: `{ programmes: [{ id }] }` teaches a `programmeId`, `{ siteId }` a `siteId`. */
function harvestIds(json: unknown, owner: string) {
  if (Array.isArray(json)) for (const item of json) harvestIds(item, owner);
  else if (json && typeof json === 'object')
    for (const [key, value] of Object.entries(json)) {
      if (typeof value === 'string' && UUID.test(value))
        remember(key === 'id' ? `${owner}Id` : key.replace(/Ids$/, 'Id'), value);
      else if (value && typeof value === 'object')
        harvestIds(value, GENERIC.has(key) ? owner : key.replace(/ies$/, 'y').replace(/s$/, ''));
    }
}

const aggregateOf = (path: string) => path.split('.')[0] ?? path;

let idsVersion = 0;
const idLists = new Map<string, { version: number; ids: readonly string[] }>();
/** The ids known for a field, as a list rebuilt only when new ids were seen. */
function idsFor(name: string | undefined): readonly string[] {
  const key = name ?? '*';
  const cached = idLists.get(key);
  if (cached?.version === idsVersion) return cached.ids;
  const named = name === undefined ? undefined : idsByField.get(name);
  const ids = [...(named?.size ? named : knownIds)];
  idLists.set(key, { version: idsVersion, ids });
  return ids;
}

/** Files as the upload procedures take them: base64 of CSV-like text or of random bytes. */
const csvCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.constantFrom('', '"a,b"', '=1+1', '2026-02-30'),
);
const fileContent = fc.oneof(
  fc
    .tuple(
      // A header the bank-confirmation parser knows, sometimes, so rows get looked at.
      fc.constantFrom('', 'reference,status,reason\r\n', 'participant_ref,date\r\n'),
      fc.array(fc.array(csvCell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
    )
    .map(([header, rows]) =>
      Buffer.from(header + rows.map((r) => r.join(',')).join('\r\n')).toString('base64'),
    ),
  fc
    .uint8Array({ minLength: 1, maxLength: 512 })
    .map((bytes) => Buffer.from(bytes).toString('base64')),
  // The start of a ZIP (an .xlsx) that goes nowhere.
  fc
    .uint8Array({ maxLength: 64 })
    .map((bytes) =>
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(bytes)]).toString('base64'),
    ),
);

function contextFor(target: FuzzTarget): ArbitraryContext {
  return {
    override: (field) => (field === 'contentBase64' ? fileContent : undefined),
    knownIds: (field) =>
      idsFor(
        field === undefined
          ? undefined
          : field === 'id'
            ? `${aggregateOf(target.path)}Id`
            : field.replace(/Ids$/, 'Id'),
      ),
  };
}

/** One demo person of the first network for each role. */
function personFor(role: Role) {
  const person = KINGSMERE.people.find((p) => p.roles.length === 1 && p.roles[0]?.role === role);
  if (!person) throw new Error(`no demo person has only the role ${role}`);
  return person;
}

async function signIn(role: Role): Promise<TestBrowser> {
  const person = personFor(role);
  const browser = new TestBrowser(server.url);
  const signedIn = await browser.signIn(person.email, server.demo.password);
  expect(signedIn.status, `${person.email} signs in`).toBe(200);
  const secret = server.demo.totpSecrets[person.email];
  if (secret) {
    // A TOTP code is refused a second time, so each such person signs in once, here.
    const verified = await browser.verifyTotp(await totpCode(secret));
    expect(verified.status, `${person.email} passes two-factor`).toBe(200);
  }
  return browser;
}

let httpMs = 0;
async function call(
  browser: TestBrowser,
  target: FuzzTarget,
  input: unknown,
): Promise<FuzzResponse> {
  const start = performance.now();
  try {
    return target.type === 'query'
      ? await browser.query(target.path, input)
      : await browser.mutate(target.path, input);
  } finally {
    httpMs += performance.now() - start;
  }
}

const show = (value: unknown) => {
  const text = JSON.stringify(value, (_k, v) =>
    typeof v === 'string' && v.length > 200 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
  );
  return text === undefined ? 'undefined' : text;
};

async function fuzz(
  target: FuzzTarget,
  as: string,
  browser: TestBrowser,
  inputs: fc.Arbitrary<{ input: unknown; label?: string }>,
  runs: number,
  seed: number,
) {
  const property = fc.asyncProperty(inputs, async ({ input }) => {
    const response = await call(browser, target, input);
    count(target.path, response.status);
    if (response.status < 300) harvestIds(response.json, aggregateOf(target.path));
    const problems = problemsWith(response, input, target.input);
    if (problems.length) throw new Error(`${problems.join('; ')} [status ${response.status}]`);
  });
  const details = await fc.check(property, {
    seed,
    numRuns: runs,
    endOnFailure: false,
    interruptAfterTimeLimit: 20_000,
    markInterruptAsFailure: false,
  });
  if (details.failed && details.counterexample) {
    const [example] = details.counterexample;
    findings.push({
      procedure: target.path,
      as,
      problem:
        details.errorInstance instanceof Error
          ? details.errorInstance.message
          : String(details.errorInstance),
      counterexample: `${example.label ? `${example.label} ` : ''}${show(example.input)}`,
      seed: details.seed,
      replayPath: details.counterexample ? (details.counterexamplePath ?? undefined) : undefined,
    });
  }
}

const targets = fuzzTargets().sort(
  (a, b) =>
    Number(LAST.has(a.path)) - Number(LAST.has(b.path)) ||
    (a.type === b.type ? 0 : a.type === 'query' ? -1 : 1),
);
const started = Date.now();
let setupMs = 0;

describe('fuzzing every procedure', () => {
  beforeAll(async () => {
    server = await startServer({
      logLevel: 'error',
      logStream: {
        write(line: string) {
          // One line per fault: which procedure, and the first words of what failed.
          try {
            const entry = JSON.parse(line) as { procedure?: string; err?: { message?: string } };
            const fault = `${entry.procedure ?? '?'}: ${(entry.err?.message ?? line).slice(0, 240)}`;
            if (serverErrors.length < 50 && !serverErrors.includes(fault)) serverErrors.push(fault);
          } catch {
            if (serverErrors.length < 50) serverErrors.push(line.slice(0, 240));
          }
        },
      },
    });
    setupMs = Date.now() - started;
    signedOut = new TestBrowser(server.url);
    const roles = new Set(targets.map(roleFor));
    for (const role of roles) {
      if (role === 'public') browsers.set(role, signedOut);
      else if (role === 'signed-in') browsers.set(role, await signIn('hub_coordinator'));
      else browsers.set(role, await signIn(role));
    }
    // Real ids, so valid inputs get past "not found" and into the services.
    for (const target of targets.filter((t) => t.type === 'query')) {
      const browser = browsers.get(roleFor(target));
      if (!browser) continue;
      for (const input of [undefined, {}]) {
        const response = await call(browser, target, input);
        if (response.status < 300) harvestIds(response.json, aggregateOf(target.path));
      }
    }
  });

  afterAll(async () => {
    const seconds = ((Date.now() - started) / 1_000).toFixed(1);
    const byProcedure = new Map<string, Finding[]>();
    for (const f of findings)
      byProcedure.set(f.procedure, [...(byProcedure.get(f.procedure) ?? []), f]);
    const lines = [
      `fuzz: ${targets.length} procedures, seed ${SEED}, ${RUNS} valid + ${RUNS * 2} near-miss + ${SIGNED_OUT_RUNS} signed-out inputs each, ${seconds} s, loadavg ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`,
      `fuzz: ${findings.length} findings in ${byProcedure.size} procedures (reproduce with FUZZ_SEED=${SEED})`,
    ];
    if (process.env.FUZZ_VERBOSE)
      for (const [path, byStatus] of statuses)
        lines.push(
          `  ${path}: ${[...byStatus]
            .sort()
            .map(([k, v]) => `${k}×${v}`)
            .join(' ')}`,
        );
    const calls = [...statuses.values()].flatMap((m) => [...m]);
    const total = calls.reduce((sum, [, n]) => sum + n, 0);
    const ok = calls.filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0);
    lines.push(
      `fuzz: ${total} calls, ${ok} answered 2xx, ${knownIds.size} known ids, ${(httpMs / 1_000).toFixed(1)} s waiting on HTTP, ${(setupMs / 1_000).toFixed(1)} s starting the server`,
    );
    if (process.env.FUZZ_VERBOSE)
      lines.push(`  id fields: ${[...idsByField].map(([k, v]) => `${k}×${v.size}`).join(' ')}`);
    for (const [procedure, list] of byProcedure) {
      lines.push(`  ${procedure}`);
      for (const f of list)
        lines.push(
          `    as ${f.as}: ${f.problem}\n      input ${f.counterexample}\n      seed ${f.seed} path ${f.replayPath}`,
        );
    }
    if (findings.length && serverErrors.length)
      lines.push('server errors logged:', ...serverErrors.slice(0, 20));
    console.log(lines.join('\n'));
    await server?.close();
  });

  it('knows how to generate input for every procedure of the router', () => {
    const unsupported: string[] = [];
    for (const target of targets) {
      if (!target.access) unsupported.push(`${target.path}: not in the policy table`);
      try {
        if (target.input) arbitraryFor(target.input, contextFor(target));
      } catch (error) {
        unsupported.push(`${target.path}: ${(error as Error).message}`);
      }
    }
    expect(unsupported).toEqual([]);
    expect(targets.length).toBeGreaterThan(50);
  });

  it.each(targets.map((t, i) => [t.path, t, i] as const))(
    'fuzzes %s',
    async (_path, target, index) => {
      const role = roleFor(target);
      const browser = browsers.get(role);
      if (!browser) throw new Error(`no browser for ${role}`);
      const valid = target.input
        ? arbitraryFor(target.input, contextFor(target))
        : fc.constant(undefined);
      const seed = SEED + index * 7;
      await fuzz(
        target,
        role,
        browser,
        valid.map((input) => ({ input })),
        RUNS,
        seed,
      );
      await fuzz(
        target,
        role,
        browser,
        nearMissArbitrary(valid).map((miss: NearMiss) => ({
          input: miss.input,
          label: `(${miss.mutation} at ${miss.path.join('.') || 'root'})`,
        })),
        RUNS * 2,
        seed + 1,
      );
      if (role !== 'public')
        await fuzz(
          target,
          'signed out',
          signedOut,
          valid.map((input) => ({ input })),
          SIGNED_OUT_RUNS,
          seed + 2,
        );
    },
  );

  it('sends malformed requests to every procedure and is refused in words', async () => {
    const browser = browsers.get('hub_coordinator') ?? signedOut;
    const problems: string[] = [];
    for (const target of targets) {
      const raw = [
        `/trpc/${target.path}?input=${encodeURIComponent('{"not json')}`,
        `/trpc/${target.path}?input=%E0%A4%A`,
      ];
      for (const url of raw) {
        const response = await browser.request(url);
        for (const p of problemsWith(response, 'malformed', undefined))
          problems.push(`${target.path} GET ${url}: ${p}`);
      }
      const post = await browser.request(`/trpc/${target.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: undefined,
      });
      for (const p of problemsWith(post, 'malformed', undefined))
        problems.push(`${target.path} empty POST: ${p}`);
    }
    expect(problems).toEqual([]);
  });

  it('finds no 5xx, no leaked internals and no unnamed field errors', () => {
    const unfuzzed = targets.filter((t) => !statuses.has(t.path)).map((t) => t.path);
    expect(unfuzzed, 'procedures never called').toEqual([]);
    expect(
      findings.map((f) => `${f.procedure} as ${f.as}: ${f.problem} — ${f.counterexample}`),
    ).toEqual([]);
  });
});
