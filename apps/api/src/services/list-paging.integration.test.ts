import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, callerAs, refusal } from '../test-support/callers.ts';
import {
  demoListScope,
  insertParticipants,
  insertPayables,
  insertProgrammes,
  type ListScope,
  someProgrammeOf,
} from '../test-support/list-view-rows.ts';
import { type RunningServer, startServer } from '../testing.ts';
import { encodeCursor } from './keyset-page.ts';

let server: RunningServer;
let scope: ListScope;
let grace: Caller; // hub coordinator, Kingsmere
let samuel: Caller; // site lead, St Brigid's
let yusuf: Caller; // site lead, Al-Noor
let fatima: Caller; // finance officer, Kingsmere
let nadia: Caller; // hub coordinator, Millbrook

beforeAll(async () => {
  server = await startServer();
  const db = server.database.db;
  scope = await demoListScope(db);
  // More rows than a page, with siblings in another site and another network.
  await insertProgrammes(
    db,
    { networkId: scope.networkId, hubId: scope.hubId, personId: scope.personId },
    70,
    'k',
  );
  await insertProgrammes(
    db,
    { networkId: scope.otherNetworkId, hubId: scope.otherHubId, personId: scope.otherPersonId },
    30,
    'm',
  );
  const site = { networkId: scope.networkId, programmeId: scope.programmeId };
  await insertParticipants(
    db,
    { ...site, siteId: scope.siteId, personId: scope.personId },
    90,
    'S',
  );
  await insertParticipants(
    db,
    { ...site, siteId: scope.otherSiteId, personId: scope.personId },
    40,
    'A',
  );
  const millbrookProgramme = await someProgrammeOf(db, scope.otherNetworkId);
  await insertParticipants(
    db,
    {
      networkId: scope.otherNetworkId,
      siteId: scope.otherSiteId2,
      programmeId: millbrookProgramme,
      personId: scope.otherPersonId,
    },
    40,
    'M',
  );
  await insertPayables(db, { ...site, siteId: scope.siteId }, 80, 5);
  await insertPayables(
    db,
    {
      networkId: scope.otherNetworkId,
      programmeId: millbrookProgramme,
      siteId: scope.otherSiteId2,
    },
    30,
    5,
  );
  grace = await callerAs(server, 'grace.mensah@hub.example.org');
  samuel = await callerAs(server, 'samuel.adeyemi@stbrigids.example.org');
  yusuf = await callerAs(server, 'yusuf.karim@alnoor.example.org');
  fatima = await callerAs(server, 'fatima.begum@hub.example.org', 'finance_officer', true);
  nadia = await callerAs(server, 'nadia.rahman@millbrook-hub.example.org');
}, 120_000);
afterAll(async () => {
  await server?.close();
});

interface Page<Row> {
  readonly rows: readonly Row[];
  readonly nextCursor: string | null;
}

/** Every page from the first, following `nextCursor` until it is null. */
async function walk<Row>(
  fetch: (cursor: string | undefined) => Promise<Page<Row>>,
): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages < 1000; pages++) {
    const page = await fetch(cursor);
    rows.push(...page.rows);
    if (page.nextCursor === null) return { rows, pages };
    cursor = page.nextCursor;
  }
  throw new Error('the pages never ended');
}

async function column(query: ReturnType<typeof sql>): Promise<string[]> {
  const result = (await server.database.db.execute(query)) as unknown as
    | { rows: { v: string }[] }
    | { v: string }[];
  return (Array.isArray(result) ? result : result.rows).map((r) => r.v);
}

/** Where a validation refusal points: the input paths of its issues. */
const issuePaths = (error: unknown) =>
  ((error as { cause?: { issues?: { path: PropertyKey[] }[] } }).cause?.issues ?? []).map((issue) =>
    issue.path.join('.'),
  );

const BAD_CURSORS = [
  'not a cursor',
  '%%%',
  Buffer.from('{"a":1}').toString('base64url'),
  encodeCursor([1, 2]),
  encodeCursor(['x']).slice(0, -2),
  'A'.repeat(600),
];

describe('participant.list paging', () => {
  const codesAt = (siteId: string) =>
    column(
      sql`select code as v from participants where network_id = ${scope.networkId} and site_organisation_id = ${siteId} order by code`,
    );

  it('walks every participant of the site exactly once, in code order', async () => {
    const expected = await codesAt(scope.siteId);
    expect(expected.length).toBeGreaterThan(90);
    for (const caller of [grace, samuel]) {
      const { rows, pages } = await walk(async (cursor) => {
        const page = await caller.participant.list({ siteId: scope.siteId, limit: 7, cursor });
        expect(page.participants.length).toBeLessThanOrEqual(7);
        return { rows: page.participants.map((p) => p.code), nextCursor: page.nextCursor };
      });
      expect(rows).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / 7));
    }
    // A page that ends exactly at the last row says so: no empty page after it.
    const exact = [...Array(200).keys()].reverse().find((d) => expected.length % (d + 1) === 0);
    const size = (exact ?? 0) + 1;
    const { pages } = await walk(async (cursor) => {
      const page = await grace.participant.list({ siteId: scope.siteId, limit: size, cursor });
      return { rows: page.participants, nextCursor: page.nextCursor };
    });
    expect(pages).toBe(expected.length / size);
  });

  it('keeps the programme filter on every page', async () => {
    const { rows } = await walk(async (cursor) => {
      const page = await grace.participant.list({
        siteId: scope.siteId,
        programmeId: scope.programmeId,
        limit: 11,
        cursor,
      });
      return { rows: page.participants, nextCursor: page.nextCursor };
    });
    expect(rows.every((p) => p.programmeId === scope.programmeId)).toBe(true);
    expect(new Set(rows.map((p) => p.participantId)).size).toBe(rows.length);
  });

  it('gives another site’s cursor nothing from that site', async () => {
    const theirs = await yusuf.participant.list({ siteId: scope.otherSiteId, limit: 5 });
    expect(theirs.nextCursor).not.toBeNull();
    const ours = new Set(await codesAt(scope.siteId));
    const page = await samuel.participant.list({
      siteId: scope.siteId,
      limit: 200,
      cursor: theirs.nextCursor ?? undefined,
    });
    expect(page.participants.every((p) => ours.has(p.code))).toBe(true);
    // And a site lead still cannot list another site, cursor or not.
    const refused = await refusal(
      samuel.participant.list({
        siteId: scope.otherSiteId,
        cursor: theirs.nextCursor ?? undefined,
      }),
    );
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refused.code);
  });

  it('refuses a bad cursor, naming the field', async () => {
    for (const cursor of BAD_CURSORS) {
      const error = await refusal(grace.participant.list({ siteId: scope.siteId, cursor }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(issuePaths(error)).toEqual(['cursor']);
    }
  });
});

describe('programme.list paging', () => {
  it('walks every programme of the network exactly once, by name then id', async () => {
    const expected = await column(
      sql`select id::text as v from programmes where network_id = ${scope.networkId} order by name, id`,
    );
    expect(expected.length).toBeGreaterThan(70);
    const { rows } = await walk(async (cursor) => {
      const page = await grace.programme.list({ limit: 9, cursor });
      return { rows: page.programmes.map((p) => p.id), nextCursor: page.nextCursor };
    });
    expect(rows).toEqual(expected);
  });

  it('pages each filter and a site’s own view the same as one big page', async () => {
    const filters = [{ stage: 'delivery' as const }, { overdue: true }, { siteId: scope.siteId }];
    for (const [caller, filter] of [
      ...filters.map((f) => [grace, f] as const),
      [samuel, {}] as const,
      [yusuf, { stage: 'proposal' as const }] as const,
    ]) {
      const whole = await caller.programme.list({ ...filter, limit: 200 });
      expect(whole.nextCursor).toBeNull();
      const { rows } = await walk(async (cursor) => {
        const page = await caller.programme.list({ ...filter, limit: 3, cursor });
        return { rows: page.programmes, nextCursor: page.nextCursor };
      });
      expect(rows).toEqual(whole.programmes);
    }
  });

  it('gives another network’s cursor nothing from that network', async () => {
    const theirs = await nadia.programme.list({ limit: 2 });
    expect(theirs.nextCursor).not.toBeNull();
    const mine = new Set(
      await column(sql`select id::text as v from programmes where network_id = ${scope.networkId}`),
    );
    const page = await grace.programme.list({ limit: 200, cursor: theirs.nextCursor ?? undefined });
    expect(page.programmes.length).toBeGreaterThan(0);
    expect(page.programmes.every((p) => mine.has(p.id))).toBe(true);
  });

  it('refuses a bad cursor, naming the field', async () => {
    for (const cursor of [...BAD_CURSORS, encodeCursor(['name', 'not-a-uuid'])]) {
      const error = await refusal(grace.programme.list({ cursor }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(issuePaths(error)).toEqual(['cursor']);
    }
  });
});

describe('payable.list paging', () => {
  it('walks every payable of the network exactly once, by due date then id', async () => {
    const expected = await column(
      sql`select id::text as v from payables where network_id = ${scope.networkId} order by due_on, id`,
    );
    expect(expected.length).toBeGreaterThanOrEqual(80);
    const { rows } = await walk(async (cursor) => {
      const page = await fatima.payable.list({ status: 'all', limit: 7, cursor });
      return { rows: page.payables.map((p) => p.id), nextCursor: page.nextCursor };
    });
    expect(rows).toEqual(expected);
  });

  it('keeps the status filter on every page', async () => {
    for (const status of ['open', 'paid'] as const) {
      const whole = await fatima.payable.list({ status, limit: 200 });
      const { rows } = await walk(async (cursor) => {
        const page = await fatima.payable.list({ status, limit: 6, cursor });
        return { rows: page.payables, nextCursor: page.nextCursor };
      });
      expect(rows).toEqual(whole.payables);
      expect(rows.every((p) => (status === 'paid') === (p.status === 'paid'))).toBe(true);
    }
  });

  it('gives a cursor from another network nothing from that network', async () => {
    const theirs = await column(
      sql`select id::text as v from payables where network_id = ${scope.otherNetworkId} order by due_on, id limit 1`,
    );
    const [first] = await column(
      sql`select due_on::text || ' ' || id::text as v from payables where network_id = ${scope.otherNetworkId} order by due_on, id limit 1`,
    );
    const [dueOn = '', id = ''] = (first ?? '').split(' ');
    expect(theirs).toHaveLength(1);
    const page = await fatima.payable.list({
      status: 'all',
      limit: 200,
      cursor: encodeCursor([dueOn, id]),
    });
    const mine = new Set(
      await column(sql`select id::text as v from payables where network_id = ${scope.networkId}`),
    );
    expect(page.payables.every((p) => mine.has(p.id))).toBe(true);
  });

  it('refuses a bad cursor and an oversized page, naming the field', async () => {
    for (const cursor of [...BAD_CURSORS, encodeCursor(['2026-02-30', crypto.randomUUID()])]) {
      const error = await refusal(fatima.payable.list({ status: 'all', cursor }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(issuePaths(error)).toEqual(['cursor']);
    }
    const tooMany = await refusal(fatima.payable.list({ status: 'all', limit: 201 }));
    expect(issuePaths(tooMany)).toEqual(['limit']);
  });
});
