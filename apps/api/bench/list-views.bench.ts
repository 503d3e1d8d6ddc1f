import { loadavg } from 'node:os';
import {
  createDatabase,
  type Database,
  listParticipants,
  listPayablesPage,
  listProgrammesPage,
} from '@coproduce/db';
import { sql } from 'drizzle-orm';
import { writeSection } from '../../../scripts/bench-report.mjs';
import { DEMO_PASSWORD, demoTotpSecrets } from '../src/seed/demo-network.ts';
import { encodeCursor } from '../src/services/keyset-page.ts';
import { startApiProcess } from '../src/test-support/api-process.ts';
import { TestBrowser, totpCode } from '../src/test-support/http-client.ts';
import {
  demoListScope,
  insertParticipants,
  insertPayables,
  insertProgrammes,
  type ListScope,
  someProgrammeOf,
} from '../src/test-support/list-view-rows.ts';
import { startLocalPostgres } from '../src/test-support/local-postgres.ts';

/**
 * Issue 6, "Flat as data grows": the busiest list views — a site's participants, a network's
 * programmes, a network's payables — answer at 1,000,000 rows with a p95 within 1.5× of their
 * p95 at 10,000 rows. The real API (child process) on PostgreSQL 15, over HTTP, as a signed-in
 * person who may see the list; rows written with generate_series, with siblings in another site
 * and another network (a tenth as many each). Each list is timed on its first page and on a
 * page reached by cursor 90% of the way through. LIST_BENCH_SIZES (e.g. "2000,20000") and
 * LIST_BENCH_REQUESTS shorten a trial run.
 */
const SIZES = (process.env.LIST_BENCH_SIZES ?? '10000,1000000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0)
  .sort((a, b) => a - b);
const REQUESTS = Number(process.env.LIST_BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const TARGET_RATIO = 1.5;
const SIBLING_SHARE = 0.1;

type ListName = 'participant.list' | 'programme.list' | 'payable.list';
type PageKind = 'first page' | 'deep page';

interface Timing {
  readonly list: ListName;
  readonly page: PageKind;
  readonly rows: number;
  readonly p50: number;
  readonly p95: number;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

async function rowsOf<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] } | T[];
  return Array.isArray(result) ? result : result.rows;
}

async function signIn(url: string, email: string): Promise<TestBrowser> {
  const browser = new TestBrowser(url);
  const first = await browser.signIn(email, DEMO_PASSWORD);
  if (first.status !== 200) throw new Error(`sign-in of ${email}: ${first.status}`);
  const secret = demoTotpSecrets()[email];
  if (secret) {
    const verified = await browser.verifyTotp(await totpCode(secret));
    if (verified.status !== 200) throw new Error(`TOTP of ${email}: ${verified.status}`);
  }
  return browser;
}

/** Brings each list (and its siblings) up to `size` rows. */
async function fillTo(db: Database, scope: ListScope, have: number, size: number, tag: string) {
  const add = size - have;
  const siblings = Math.max(1, Math.round(add * SIBLING_SHARE));
  const kingsmere = { networkId: scope.networkId, programmeId: scope.programmeId };
  // Millbrook's seed has no programme: its participants and payables join one filled below.
  const millbrook = async () => ({
    networkId: scope.otherNetworkId,
    programmeId: await someProgrammeOf(db, scope.otherNetworkId),
    siteId: scope.otherSiteId2,
  });
  const steps: [string, () => Promise<void>][] = [
    [
      'programmes',
      async () => {
        await insertProgrammes(
          db,
          { networkId: scope.networkId, hubId: scope.hubId, personId: scope.personId },
          add,
          `k${tag}`,
        );
        await insertProgrammes(
          db,
          {
            networkId: scope.otherNetworkId,
            hubId: scope.otherHubId,
            personId: scope.otherPersonId,
          },
          siblings,
          `m${tag}`,
        );
      },
    ],
    [
      'participants',
      async () => {
        const by = { personId: scope.personId };
        await insertParticipants(db, { ...kingsmere, ...by, siteId: scope.siteId }, add, `S${tag}`);
        await insertParticipants(
          db,
          { ...kingsmere, ...by, siteId: scope.otherSiteId },
          siblings,
          `A${tag}`,
        );
        await insertParticipants(
          db,
          { ...(await millbrook()), personId: scope.otherPersonId },
          siblings,
          `M${tag}`,
        );
      },
    ],
    [
      'payables',
      async () => {
        await insertPayables(db, { ...kingsmere, siteId: scope.siteId }, add, 730);
        await insertPayables(db, await millbrook(), siblings, 730);
      },
    ],
  ];
  const seconds: Record<string, number> = {};
  for (const [name, step] of steps) {
    const started = performance.now();
    await step();
    seconds[name] = (performance.now() - started) / 1000;
  }
  await db.execute(sql`analyze participants, programmes, payables, milestones, payees`);
  return seconds;
}

/** The sort key 90% of the way through each list, as the cursor the API would hand out. */
async function deepCursors(db: Database, scope: ListScope) {
  const nth = async <T>(
    count: ReturnType<typeof sql>,
    pick: (offset: number) => ReturnType<typeof sql>,
  ) => {
    const [{ n } = { n: 0 }] = await rowsOf<{ n: number }>(db, count);
    const [row] = await rowsOf<T>(db, pick(Math.floor(Number(n) * 0.9)));
    if (row === undefined) throw new Error('no deep row');
    return row;
  };
  const participant = await nth<{ code: string }>(
    sql`select count(*)::int as n from participants where network_id = ${scope.networkId} and site_organisation_id = ${scope.siteId}`,
    (offset) =>
      sql`select code from participants where network_id = ${scope.networkId} and site_organisation_id = ${scope.siteId} order by code offset ${offset} limit 1`,
  );
  const programme = await nth<{ name: string; id: string }>(
    sql`select count(*)::int as n from programmes where network_id = ${scope.networkId}`,
    (offset) =>
      sql`select name, id::text as id from programmes where network_id = ${scope.networkId} order by name, id offset ${offset} limit 1`,
  );
  const payable = await nth<{ due_on: string; id: string }>(
    sql`select count(*)::int as n from payables where network_id = ${scope.networkId}`,
    (offset) =>
      sql`select due_on::text as due_on, id::text as id from payables where network_id = ${scope.networkId} order by due_on, id offset ${offset} limit 1`,
  );
  return { participant, programme, payable };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the query each list runs for its first page and its deep page. */
async function explainAll(
  db: Database,
  scope: ListScope,
  deep: Awaited<ReturnType<typeof deepCursors>>,
) {
  const client = (
    db as unknown as {
      $client: { unsafe: (q: string, p: unknown[]) => Promise<Record<string, string>[]> };
    }
  ).$client;
  const explain = async (query: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql: text, params } = query.toSQL();
    const rows = await client.unsafe(`explain (analyze, buffers) ${text}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  };
  const plans: [string, string][] = [];
  for (const page of ['first page', 'deep page'] as const) {
    const isDeep = page === 'deep page';
    plans.push([
      `participant.list ${page}`,
      await explain(
        listParticipants(db, {
          networkId: scope.networkId,
          siteId: scope.siteId,
          afterCode: isDeep ? deep.participant.code : undefined,
          limit: 51,
        }),
      ),
    ]);
    plans.push([
      `programme.list ${page}`,
      await explain(
        listProgrammesPage(db, {
          networkId: scope.networkId,
          after: isDeep ? { name: deep.programme.name, id: deep.programme.id } : undefined,
          limit: 51,
        }),
      ),
    ]);
    plans.push([
      `payable.list ${page}`,
      await explain(
        listPayablesPage(db, {
          networkId: scope.networkId,
          status: 'open',
          after: isDeep ? { dueOn: deep.payable.due_on, id: deep.payable.id } : undefined,
          limit: 51,
        }),
      ),
    ]);
  }
  return plans.sort(([a], [b]) => a.localeCompare(b));
}

/** One database of `size` rows per list, with its own API process and signed-in people. */
interface Side {
  readonly size: number;
  readonly api: Awaited<ReturnType<typeof startApiProcess>>;
  readonly handle: ReturnType<typeof createDatabase>;
  readonly scope: ListScope;
  readonly deep: Awaited<ReturnType<typeof deepCursors>>;
  readonly runs: readonly {
    readonly list: ListName;
    readonly browser: TestBrowser;
    readonly input: Record<string, unknown>;
    readonly cursor: string;
  }[];
}

async function openSide(serverUrl: string, admin: Database, size: number): Promise<Side> {
  const name = `list_views_${size}_${crypto.randomUUID().slice(0, 8)}`;
  await admin.execute(sql.raw(`create database ${name}`));
  databases.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const api = await startApiProcess({ databaseUrl: url.toString() });
  const handle = createDatabase({ url: url.toString(), maxConnections: 2 });
  const scope = await demoListScope(handle.db);
  const seconds = await fillTo(handle.db, scope, 0, size, 'b');
  fills.push({ size, seconds });
  console.log(
    `list-views: filled to ${size.toLocaleString('en-GB')} (${Object.entries(seconds)
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join(', ')})`,
  );
  const deep = await deepCursors(handle.db, scope);
  return {
    size,
    api,
    handle,
    scope,
    deep,
    runs: [
      {
        list: 'participant.list',
        browser: await signIn(api.url, 'samuel.adeyemi@stbrigids.example.org'),
        input: { siteId: scope.siteId },
        cursor: encodeCursor([deep.participant.code]),
      },
      {
        list: 'programme.list',
        browser: await signIn(api.url, 'grace.mensah@hub.example.org'),
        input: {},
        cursor: encodeCursor([deep.programme.name, deep.programme.id]),
      },
      {
        list: 'payable.list',
        browser: await signIn(api.url, 'fatima.begum@hub.example.org'),
        input: { status: 'open' },
        cursor: encodeCursor([deep.payable.due_on, deep.payable.id]),
      },
    ],
  };
}

const external = process.env.DATABASE_URL;
const pg = external ? null : await startLocalPostgres();
const serverUrl = external ?? pg?.url ?? '';
const timings: Timing[] = [];
const fills: { size: number; seconds: Record<string, number> }[] = [];
const databases: string[] = [];
let plans: [string, string][] = [];
const admin = createDatabase({ url: serverUrl, maxConnections: 1 });
const sides: Side[] = [];
try {
  for (const size of [SIZES[0] ?? 10_000, SIZES.at(-1) ?? 1_000_000]) {
    sides.push(await openSide(serverUrl, admin.db, size));
  }
  const [small, large] = sides;
  if (!small || !large) throw new Error('two sides expected');
  // Requests to the small and the large database alternate, so the load of this shared machine
  // falls on both alike and the ratio compares like with like.
  for (const [index, run] of small.runs.entries()) {
    const other = large.runs[index];
    if (!other) continue;
    for (const page of ['first page', 'deep page'] as const) {
      const samples = new Map<number, number[]>([
        [small.size, []],
        [large.size, []],
      ]);
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        const order = i % 2 === 0 ? [small, large] : [large, small];
        for (const side of order) {
          const mine = side.runs[index];
          if (!mine) continue;
          const input = page === 'first page' ? mine.input : { ...mine.input, cursor: mine.cursor };
          const started = performance.now();
          const answer = await mine.browser.query(mine.list, input);
          const took = performance.now() - started;
          if (answer.status !== 200)
            throw new Error(
              `${mine.list}: ${answer.status} ${JSON.stringify(answer.json).slice(0, 300)}`,
            );
          if (i >= WARM_UP) samples.get(side.size)?.push(took);
        }
      }
      for (const [size, list] of samples) {
        list.sort((a, b) => a - b);
        const p50 = quantile(list, 0.5);
        const p95 = quantile(list, 0.95);
        timings.push({ list: run.list, page, rows: size, p50, p95 });
        console.log(
          `list-views: ${run.list} ${page} at ${size.toLocaleString('en-GB')}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
        );
      }
    }
  }
  plans = await explainAll(large.handle.db, large.scope, large.deep);
} finally {
  for (const side of sides) {
    await side.handle.close();
    await side.api.dispose();
  }
  if (external)
    for (const name of databases)
      await admin.db.execute(sql.raw(`drop database if exists ${name}`));
  await admin.close();
  await pg?.remove();
}

const small = SIZES[0] ?? 0;
const large = SIZES.at(-1) ?? 0;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const n = (x: number) => x.toLocaleString('en-GB');
const tableRows: string[] = [];
let allMet = true;
for (const list of ['participant.list', 'programme.list', 'payable.list'] as const) {
  for (const page of ['first page', 'deep page'] as const) {
    const at = (rows: number) =>
      timings.find((t) => t.list === list && t.page === page && t.rows === rows);
    const base = at(small);
    const top = at(large);
    if (!base || !top) continue;
    const ratio = top.p95 / base.p95;
    const met = ratio <= TARGET_RATIO;
    allMet &&= met;
    tableRows.push(
      `| \`${list}\` ${page} | ${n(small)} → ${n(large)} | ${ms(base.p50)} → ${ms(top.p50)} | ${ms(base.p95)} → ${ms(top.p95)} | ${ratio.toFixed(2)}× | ≤ ${TARGET_RATIO}× | ${met ? 'met' : '**not met**'} |`,
    );
  }
}
const load = loadavg()[0] ?? 0;
const fillLines = fills
  .map(
    (f) =>
      `to ${n(f.size)}: ${Object.entries(f.seconds)
        .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
        .join(', ')}`,
  )
  .join('; ');
const planBlocks = plans
  .map(
    ([query, plan]) =>
      `\`${query}\` (the list's own query; the page's consents, sites or funders follow by id) at ${n(large)} rows:\n\n\`\`\`text\n${plan}\n\`\`\``,
  )
  .join('\n\n');
writeSection(
  'list-views',
  'npm run bench -w @coproduce/api (bench/list-views.bench.ts)',
  `## List views: flat as data grows

The busiest lists — a site's participants (\`participant.list\`, as its site lead), a network's
programmes (\`programme.list\`, as the hub coordinator), a network's open payables
(\`payable.list\`, as a finance officer after TOTP) — through the real API (child process) over
HTTP on ${external ? 'the PostgreSQL server of DATABASE_URL' : 'a throwaway PostgreSQL 15'}: one database (and API process) with ${n(small)} rows
per list, one with ${n(large)}, each seeded with the demo networks. Rows are
written with \`generate_series\` (every constraint and foreign key checked), with siblings a
tenth as many in another site and in another network; then \`ANALYZE\`. Each list is paged by
keyset (\`WHERE (k1, k2) > (…) ORDER BY k1, k2 LIMIT 51\`, an opaque \`cursor\`, never OFFSET or a
count) on its own index: participants by (network, site, code), programmes by (network, name, id),
payables by (network, due on, id) — migration \`0007_list_view_indexes\`. ${n(REQUESTS)} sequential
requests per row below after ${WARM_UP} to warm up, alternating between the two databases so
the load of this shared machine falls on both alike; the first page (50 rows) and a page reached
by cursor 90% of the way through. The plans below are for 51 rows (a page and one more, which
tells whether there is a next page).

| view | rows | p50 | p95 | ratio of p95 (${n(large)} / ${n(small)}) | target | met? |
|---|---|---|---|---|---|---|
${tableRows.join('\n')}

Target: p95 at ${n(large)} rows within ${TARGET_RATIO}× of p95 at ${n(small)}: ${allMet ? '**met** for every list' : '**not met** for every list (see the rows above)'}.
Filling took ${fillLines}. Load average (1 min) at the end: ${load.toFixed(1)} on this 2-core machine,
shared with other work${load > 2 ? ', so single figures are rough' : ''}; the ratio is what the target is about.

${planBlocks}`,
);
console.log(`list-views: ${allMet ? 'target met' : 'target NOT met'} (load ${load.toFixed(1)})`);
