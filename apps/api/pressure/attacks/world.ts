import {
  createPersonWithPassword,
  type Database,
  enableTwoFactor,
  insertInvitation,
  insertMembership,
  insertProgramme,
  replaceProgrammeParties,
} from '@coproduce/db';
import { isTwoFactorRequired, ROLES, type Role, rolesForOrganisationKind } from '@coproduce/domain';
import { initialSnapshot, WORKFLOWS } from '@coproduce/workflow';
import { symmetricEncrypt } from 'better-auth/crypto';
import { type SQL, sql } from 'drizzle-orm';
import { KINGSMERE, MILLBROOK } from '../../src/seed/demo-network.ts';
import { TestBrowser, totpCode } from '../../src/test-support/http-client.ts';
import { PROGRAMME_TERMS } from '../../src/test-support/programme-terms.ts';
import type { RunningServer } from '../../src/testing.ts';

/**
 * The attack world, on the seeded demo data. Kingsmere is rich (programmes, participants,
 * claims, payment runs); Millbrook has only organisations and two people. So:
 * - across networks, people of every role in Millbrook (made here) call with Kingsmere's ids;
 * - across sites, Kingsmere's own site staff call with another Kingsmere site's ids.
 */

export type IdKind =
  | 'actorOrganisation'
  | 'site'
  | 'commissioner'
  | 'person'
  | 'membership'
  | 'invitation'
  | 'programme'
  | 'milestone'
  | 'paidRole'
  | 'participant'
  | 'deliverySession'
  | 'response'
  | 'workLog'
  | 'payee'
  | 'bankDetails'
  | 'paymentRun'
  | 'paymentRunLine'
  | 'claim'
  | 'claimLine'
  | 'payable';

/** The kind of object an id field names, from its name (and procedure where names are shared). */
export function idKind(procedure: string, path: string): IdKind | undefined {
  const name = (path.split('.').pop() ?? '').replace(/\[\]$/, '');
  if (path === 'cursor.id') return 'deliverySession';
  if (path === 'after.id') return 'payable';
  if (name === 'lineId') return procedure.startsWith('claim.') ? 'claimLine' : 'paymentRunLine';
  if (name === 'organisationId') {
    if (path.includes('funders')) return 'commissioner';
    if (procedure === 'bankDetails.request') return 'site';
    return 'actorOrganisation';
  }
  const byName: Record<string, IdKind> = {
    siteId: 'site',
    siteIds: 'site',
    commissionerId: 'commissioner',
    funderOrganisationId: 'commissioner',
    personId: 'person',
    practitionerId: 'person',
    actorPersonId: 'person',
    membershipId: 'membership',
    invitationId: 'invitation',
    programmeId: 'programme',
    objectId: 'programme',
    milestoneId: 'milestone',
    paidRoleId: 'paidRole',
    participantId: 'participant',
    sessionId: 'deliverySession',
    responseId: 'response',
    workLogId: 'workLog',
    payeeId: 'payee',
    bankDetailsId: 'bankDetails',
    runId: 'paymentRun',
    claimId: 'claim',
  };
  return byName[name];
}

/** Table and, where the object belongs to one site, the SQL for that site. */
const KIND_TABLES: Record<IdKind, { table: string; site?: string }> = {
  actorOrganisation: { table: 'organisations', site: 't.id' },
  site: { table: 'organisations', site: 't.id' },
  commissioner: { table: 'organisations' },
  person: {
    table: 'people',
    site: '(select organisation_id from memberships m where m.person_id = t.id limit 1)',
  },
  membership: { table: 'memberships', site: 't.organisation_id' },
  invitation: { table: 'invitations', site: 't.organisation_id' },
  programme: { table: 'programmes' },
  milestone: { table: 'milestones', site: 't.site_organisation_id' },
  paidRole: { table: 'paid_roles', site: 't.site_organisation_id' },
  participant: { table: 'participants', site: 't.site_organisation_id' },
  deliverySession: { table: 'delivery_sessions', site: 't.site_organisation_id' },
  response: { table: 'questionnaire_responses', site: 't.site_organisation_id' },
  workLog: {
    table: 'work_logs',
    site: '(select site_organisation_id from paid_roles p where p.id = t.paid_role_id)',
  },
  payee: { table: 'payees' },
  bankDetails: { table: 'bank_details' },
  paymentRun: { table: 'payment_runs' },
  paymentRunLine: { table: 'payment_run_lines' },
  claim: { table: 'claims' },
  claimLine: { table: 'claim_lines' },
  payable: { table: 'payables' },
};

export async function rows<T = Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] } | T[];
  return Array.isArray(result) ? result : result.rows;
}

export interface Actor {
  readonly email: string;
  readonly role: Role;
  readonly organisationId: string;
  readonly networkId: string;
  readonly browser: TestBrowser;
}

export interface World {
  readonly kingsmere: string;
  readonly millbrook: string;
  readonly org: Record<string, string>;
  /** Millbrook people of every role (cross-network attackers). */
  readonly away: Partial<Record<Role, Actor>>;
  /** Kingsmere site staff (cross-site attackers), by role. */
  readonly siteStaff: Partial<Record<Role, Actor>>;
  /** For a site-scoped attacker: the Kingsmere site whose objects are foreign to it. */
  readonly otherSite: Record<string, string>;
}

async function orgIds(db: Database): Promise<Record<string, string>> {
  const list = await rows<{ slug: string; name: string; id: string }>(
    db,
    sql`select n.slug, o.name, o.id from organisations o join networks n on n.id = o.network_id`,
  );
  const out: Record<string, string> = {};
  for (const network of [KINGSMERE, MILLBROOK]) {
    for (const organisation of network.organisations) {
      const row = list.find((r) => r.slug === network.slug && r.name === organisation.name);
      if (row) out[`${network.slug}:${organisation.key}`] = row.id;
    }
  }
  return out;
}

const ATTACK_TOTP_SECRET = 'JBSWY3DPEHPK3PXPATTACKSUITEDEMO2';

async function signedIn(server: RunningServer, email: string, secret?: string) {
  const browser = new TestBrowser(server.url);
  const response = await browser.signIn(email, server.demo.password);
  if (response.status !== 200)
    throw new Error(`sign-in refused for an attacker: ${response.status}`);
  if (secret) {
    const verified = await browser.verifyTotp(await totpCode(secret));
    if (verified.status !== 200)
      throw new Error(`TOTP refused for an attacker: ${verified.status}`);
  }
  return browser;
}

export async function buildWorld(server: RunningServer): Promise<World> {
  const db = server.database.db;
  const [kingsmere, millbrook] = (await Promise.all(
    [KINGSMERE.slug, MILLBROOK.slug].map(async (slug) => {
      const [row] = await rows<{ id: string }>(
        db,
        sql`select id from networks where slug = ${slug}`,
      );
      if (!row) throw new Error(`demo network ${slug} is missing`);
      return row.id;
    }),
  )) as [string, string];
  const org = await orgIds(db);
  const context = await server.deps.auth.$context;
  const passwordHash = await context.password.hash(server.demo.password);
  const encrypt = (data: string) => symmetricEncrypt({ key: context.secretConfig, data });
  const millbrookOrg = (role: Role) =>
    rolesForOrganisationKind('site').includes(role)
      ? (org['millbrook:gurdwara'] as string)
      : rolesForOrganisationKind('hub').includes(role)
        ? (org['millbrook:hub'] as string)
        : (org['millbrook:council'] as string);

  const away: Partial<Record<Role, Actor>> = {};
  for (const role of ROLES) {
    const email = `attacker.${role}@millbrook.example.org`;
    const person = await createPersonWithPassword(db, {
      name: `Attacker ${role}`,
      email,
      passwordHash,
      emailVerified: true,
    });
    const twoFactor = isTwoFactorRequired(role);
    if (twoFactor) {
      await enableTwoFactor(db, {
        personId: person.id,
        encryptedSecret: await encrypt(`base32:${ATTACK_TOTP_SECRET}`),
        encryptedBackupCodes: await encrypt('[]'),
      });
    }
    const organisationId = millbrookOrg(role);
    await insertMembership(db, {
      networkId: millbrook,
      organisationId,
      personId: person.id,
      role,
      grantedBy: null,
    });
    away[role] = {
      email,
      role,
      organisationId,
      networkId: millbrook,
      browser: await signedIn(server, email, twoFactor ? ATTACK_TOTP_SECRET : undefined),
    };
  }

  // Own objects in Millbrook for inputs that need more than the one id under attack.
  const nadia = await personId(db, 'nadia.rahman@millbrook-hub.example.org');
  const programme = await insertProgramme(db, {
    name: 'Millbrook own programme',
    ...PROGRAMME_TERMS,
    networkId: millbrook,
    hubOrganisationId: org['millbrook:hub'] as string,
    state: 'proposal.draft',
    stage: 'proposal',
    snapshot: initialSnapshot('programme'),
    machineVersion: WORKFLOWS.programme.version,
    createdBy: nadia,
  });
  await replaceProgrammeParties(db, {
    networkId: millbrook,
    programmeId: programme.id,
    siteIds: [org['millbrook:gurdwara'] as string],
    funders: [{ organisationId: org['millbrook:council'] as string, shareBasisPoints: 10_000 }],
  });
  // Invitations exist in neither seed: one pending at each site that matters.
  for (const key of [
    'kingsmere:st-brigids',
    'kingsmere:al-noor',
    'kingsmere:hub',
    'millbrook:hub',
  ]) {
    const organisationId = org[key] as string;
    await insertInvitation(db, {
      networkId: key.startsWith('kingsmere') ? kingsmere : millbrook,
      organisationId,
      email: `invitee.${key.replace(/\W/g, '-')}@example.org`,
      role: key.endsWith('hub') ? 'auditor' : 'practitioner',
      tokenHash: crypto.randomUUID(),
      invitedBy: nadia,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
  }

  const staff: Array<[Role, string, string, string]> = [
    [
      'site_lead',
      'samuel.adeyemi@stbrigids.example.org',
      'kingsmere:st-brigids',
      'kingsmere:al-noor',
    ],
    [
      'practitioner',
      'ruth.campbell@stbrigids.example.org',
      'kingsmere:st-brigids',
      'kingsmere:al-noor',
    ],
    [
      'community_researcher',
      'imran.hussain@alnoor.example.org',
      'kingsmere:al-noor',
      'kingsmere:st-brigids',
    ],
  ];
  const siteStaff: Partial<Record<Role, Actor>> = {};
  const otherSite: Record<string, string> = {};
  for (const [role, email, own, other] of staff) {
    const organisationId = org[own] as string;
    siteStaff[role] = {
      email,
      role,
      organisationId,
      networkId: kingsmere,
      browser: await signedIn(server, email),
    };
    otherSite[organisationId] = org[other] as string;
  }
  return { kingsmere, millbrook, org, away, siteStaff, otherSite };
}

async function personId(db: Database, email: string): Promise<string> {
  const [row] = await rows<{ id: string }>(db, sql`select id from people where email = ${email}`);
  if (!row) throw new Error(`demo person ${email} is missing`);
  return row.id;
}

/**
 * A real id of `kind`: in `networkId`, and (for objects that belong to one site) at `siteId`
 * when given, or anywhere but `notSiteId`. Programmes: involving / not involving the site.
 * Organisations of the actor's own kind: `sameKindAs`.
 */
export async function findId(
  db: Database,
  kind: IdKind,
  where: { networkId: string; siteId?: string; notSiteId?: string; sameKindAs?: string },
): Promise<string | undefined> {
  const { table, site } = KIND_TABLES[kind];
  const conditions = [`t.network_id = '${where.networkId}'`];
  if (table === 'people') {
    conditions[0] = `exists (select 1 from memberships m where m.person_id = t.id and m.network_id = '${where.networkId}' and m.revoked_at is null)`;
    conditions.push(
      `not exists (select 1 from memberships m where m.person_id = t.id and m.network_id <> '${where.networkId}')`,
    );
  }
  if (kind === 'site') conditions.push(`t.kind = 'site'`);
  if (kind === 'commissioner') conditions.push(`t.kind = 'commissioner'`);
  if (kind === 'actorOrganisation' && where.sameKindAs)
    conditions.push(`t.kind = (select kind from organisations where id = '${where.sameKindAs}')`);
  const siteOf =
    kind === 'programme'
      ? '(select organisation_id from programme_sites s where s.programme_id = t.id and s.organisation_id = $site limit 1)'
      : site;
  if (where.siteId && siteOf)
    conditions.push(`${siteOf.replace('$site', `'${where.siteId}'`)} = '${where.siteId}'`);
  if (where.notSiteId && siteOf) {
    const expression = siteOf.replace('$site', `'${where.notSiteId}'`);
    conditions.push(`(${expression} is null or ${expression} <> '${where.notSiteId}')`);
  }
  const [row] = await rows<{ id: string }>(
    db,
    sql.raw(`select t.id from ${table} t where ${conditions.join(' and ')} order by t.id limit 1`),
  );
  return row?.id;
}

/** Whether the object kind belongs to one site (so a cross-site swap means something). */
export function isSiteScopedKind(kind: IdKind): boolean {
  return !!KIND_TABLES[kind].site || kind === 'programme';
}

/** Words and amounts of one object that must never appear in a refusal. */
export async function secretsOf(db: Database, kind: IdKind, id: string): Promise<string[]> {
  const { table } = KIND_TABLES[kind];
  const [row] = await rows(db, sql.raw(`select * from ${table} t where t.id = '${id}'`));
  const values: unknown[] = Object.entries(row ?? {}).flatMap(([column, value]) =>
    column === 'snapshot' || column === 'id' ? [] : [value],
  );
  if (kind === 'participant') {
    const [identity] = await rows(
      db,
      sql`select given_name, family_name, email, phone, postcode, nhs_number, date_of_birth::text as dob from participant_identities where participant_id = ${id}`,
    );
    values.push(...Object.values(identity ?? {}));
  }
  const out = new Set<string>();
  for (const [column, value] of Object.entries(row ?? {})) {
    if (/_pence$/.test(column) && Number(value) >= 1000) out.add(String(value));
  }
  for (const value of values) {
    if (typeof value !== 'string') continue;
    if (value.length < 6) continue;
    if (/^[a-z0-9_.:-]+$/.test(value)) continue; // states, kinds, codes shared by many objects
    if (/^[0-9a-f-]{36}$/i.test(value)) continue;
    if (/^\d{4}-\d{2}-\d{2}/.test(value)) continue;
    out.add(value);
  }
  return [...out];
}

/** Row counts of every table a refused call must leave alone (auth bookkeeping excluded). */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const tables = await rows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public'
        and table_type = 'BASE TABLE' and table_name not in
        ('sessions', 'verifications', 'rate_limits', 'sign_in_failures', 'used_totp_codes',
         'accounts', 'two_factors', '__drizzle_migrations')
        order by 1`,
  );
  const query = tables
    .map((t) => `select '${t.table_name}' as t, count(*)::int as c from ${t.table_name}`)
    .join(' union all ');
  const counts = await rows<{ t: string; c: number }>(db, sql.raw(query));
  return Object.fromEntries(counts.map((r) => [r.t, Number(r.c)]));
}

/** The object's row as text, to tell whether a refused write changed it. */
export async function rowText(db: Database, kind: IdKind, id: string): Promise<string> {
  const { table } = KIND_TABLES[kind];
  const found = await rows(db, sql.raw(`select * from ${table} t where t.id = '${id}'`));
  return JSON.stringify(found);
}
