import type { Database } from '@coproduce/db';
import { sql } from 'drizzle-orm';

/**
 * Many rows for the busiest list views (participants of a site, programmes of a network,
 * payables of a network), written straight into the tables with `generate_series` so a
 * million take a minute, not an hour. Used by the paging integration tests (hundreds) and
 * the list-views bench (up to a million). Rows respect every constraint and foreign key.
 */

/** Where the rows go: the demo networks, found by their seeded names. */
export interface ListScope {
  readonly networkId: string;
  readonly hubId: string;
  /** The site whose participants are listed, and a sibling site in the same network. */
  readonly siteId: string;
  readonly otherSiteId: string;
  /** A programme taking participants at both sites. */
  readonly programmeId: string;
  readonly personId: string;
  /** The second network, for rows that must never show. */
  readonly otherNetworkId: string;
  readonly otherHubId: string;
  readonly otherSiteId2: string;
  readonly otherPersonId: string;
}

async function one<T>(db: Database, query: ReturnType<typeof sql>): Promise<T> {
  // PGlite answers `{ rows }`, postgres.js an array of rows.
  const result = (await db.execute(query)) as unknown as { rows: T[] } | T[];
  const rows = Array.isArray(result) ? result : result.rows;
  const row = rows[0];
  if (row === undefined) throw new Error('list-view rows: the demo seed is missing a row');
  return row;
}

const idOf = async (db: Database, query: ReturnType<typeof sql>) =>
  (await one<{ id: string }>(db, query)).id;

/** The demo networks' ids: Kingsmere (St Brigid's, Al-Noor, family therapy) and Millbrook. */
export async function demoListScope(db: Database): Promise<ListScope> {
  const networkId = await idOf(db, sql`select id from networks where slug = 'kingsmere'`);
  const otherNetworkId = await idOf(db, sql`select id from networks where slug = 'millbrook'`);
  const org = (network: string, like: string) =>
    idOf(
      db,
      sql`select id from organisations where network_id = ${network} and name like ${like} order by name limit 1`,
    );
  const person = (email: string) => idOf(db, sql`select id from people where email = ${email}`);
  return {
    networkId,
    hubId: await org(networkId, 'Kingsmere Community Health Hub'),
    siteId: await org(networkId, 'St Brigid%'),
    otherSiteId: await org(networkId, 'Al-Noor%'),
    programmeId: await idOf(
      db,
      sql`select id from programmes where network_id = ${networkId} and name like 'Family therapy clinics%' limit 1`,
    ),
    personId: await person('samuel.adeyemi@stbrigids.example.org'),
    otherNetworkId,
    otherHubId: await org(otherNetworkId, 'Millbrook Wellbeing Hub'),
    otherSiteId2: await org(otherNetworkId, 'Millbrook Gurdwara'),
    otherPersonId: await person('harjit.gill@millbrook-gurdwara.example.org'),
  };
}

/**
 * `count` programmes in the network, names drawn from half as many so every name comes twice
 * (the list's order must break ties by id), stages spread over the live ones; `tag` keeps
 * batches apart.
 */
export async function insertProgrammes(
  db: Database,
  to: { networkId: string; hubId: string; personId: string },
  count: number,
  tag: string,
) {
  const names = Math.max(1, Math.floor(count / 2));
  await db.execute(sql`
    insert into programmes (network_id, hub_organisation_id, name, delegation_limit_pence,
      stage, state, snapshot, machine_version, created_by)
    select ${to.networkId}::uuid, ${to.hubId}::uuid,
      'Programme ' || upper(substr(md5(${tag} || (i % ${names})::text), 1, 8)),
      500000,
      (array['proposal', 'baseline', 'delivery', 'monitoring'])[1 + i % 4],
      (array['proposal.draft', 'baseline', 'delivery', 'monitoring'])[1 + i % 4],
      '{}'::jsonb, 'list-view-rows', ${to.personId}::uuid
    from generate_series(1, ${count}::int) as i`);
}

/** `count` participants of one site in one programme, codes in no particular order. */
export async function insertParticipants(
  db: Database,
  to: { networkId: string; siteId: string; programmeId: string; personId: string },
  count: number,
  tag: string,
) {
  await db.execute(sql`
    insert into participants (network_id, site_organisation_id, programme_id, code,
      enrolled_on, enrolled_by)
    select ${to.networkId}::uuid, ${to.siteId}::uuid, ${to.programmeId}::uuid,
      upper(substr(md5(${tag} || i::text), 1, 3)) || '-' || ${tag} || i::text,
      date '2026-01-01' + (i % 300),
      ${to.personId}::uuid
    from generate_series(1, ${count}::int) as i`);
}

/**
 * `count` payables owed to the site (one milestone each, as the product raises them), due on
 * one of `dueDays` days so many share a due date (the order must break ties by id).
 */
export async function insertPayables(
  db: Database,
  to: { networkId: string; programmeId: string; siteId: string },
  count: number,
  dueDays: number,
) {
  await db.execute(sql`
    insert into payees (network_id, organisation_id) values (${to.networkId}::uuid, ${to.siteId}::uuid)
    on conflict do nothing`);
  const payeeId = await idOf(
    db,
    sql`select id from payees where network_id = ${to.networkId} and organisation_id = ${to.siteId}`,
  );
  await db.execute(sql`
    with m as (
      insert into milestones (network_id, programme_id, site_organisation_id, title, value_pence,
        state, snapshot, machine_version)
      select ${to.networkId}::uuid, ${to.programmeId}::uuid, ${to.siteId}::uuid,
        'Sessions delivered, batch ' || i, 1000 + i % 5000, 'payable', '{}'::jsonb, 'list-view-rows'
      from generate_series(1, ${count}::int) as i
      returning id, title, value_pence
    )
    insert into payables (network_id, programme_id, payee_id, amount_pence, milestone_id,
      description, due_on)
    select ${to.networkId}::uuid, ${to.programmeId}::uuid, ${payeeId}::uuid, m.value_pence, m.id,
      m.title, date '2026-01-01' + (abs(hashtext(m.id::text)) % ${dueDays}::int)
    from m`);
}

/** A programme of the other network, for its participants and payables. */
export async function someProgrammeOf(db: Database, networkId: string): Promise<string> {
  return idOf(db, sql`select id from programmes where network_id = ${networkId} limit 1`);
}
