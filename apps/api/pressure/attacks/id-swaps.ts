import type { Database } from '@coproduce/db';
import { POLICY, type Role, rolesForOrganisationKind } from '@coproduce/domain';
import { idFieldPaths, type ProcedureDef, sample, validInput, withIdAt } from './id-fields.ts';
import {
  type Actor,
  findId,
  type IdKind,
  idKind,
  isSiteScopedKind,
  rowText,
  secretsOf,
  tableCounts,
  type World,
} from './world.ts';

/** An id no object has: a foreign id must be refused exactly as this one is. */
export const MISSING_ID = '0badf00d-0000-4000-8000-00000000dead';
/** Stands for an own object the attacker's network lacks (Millbrook has no claims, runs…). */
const OWN_PLACEHOLDER = '0badf00d-0000-4000-8000-0000000000a1';

/** Read attacks run this many at a time. */
const QUERY_CONCURRENCY = 4;

export type Scenario = 'other network' | 'other site';

export interface Attack {
  readonly procedure: string;
  readonly scenario: Scenario;
  readonly role: Role;
  readonly field: string;
  readonly kind: IdKind;
  readonly status: number;
  readonly missingStatus: number;
}

export interface AttackReport {
  readonly attacks: Attack[];
  readonly problems: string[];
  /** Procedure/field pairs that could not be attacked, with the reason (not failures). */
  readonly gaps: string[];
  /** Procedures with an id input that were attacked at least once. */
  readonly covered: Set<string>;
}

const SITE_ROLES = new Set<Role>(rolesForOrganisationKind('site'));

/** Inputs the schema-driven sample gets wrong (cross-field rules the JSON Schema cannot say). */
const INPUT_FIXES: Record<string, (input: Record<string, unknown>) => Record<string, unknown>> = {
  'invitation.create': (input) => ({ ...input, email: 'attack.invitee@example.org' }),
  'programme.create': (input) => fixFunders(input),
  'programme.updateDraft': (input) => ({
    ...input,
    draft: fixFunders(input.draft as Record<string, unknown>),
  }),
  'rateCard.amend': (input) => ({
    ...input,
    card: fixFunders(input.card as Record<string, unknown>),
  }),
  'rateCard.preview': (input) => ({
    ...input,
    card: fixFunders(input.card as Record<string, unknown>),
  }),
};

/** Alternative ids (give one or the other): each is attacked alone, the others left out. */
const ALTERNATIVE_IDS: Record<string, readonly string[]> = {
  'bankDetails.request': ['personId', 'organisationId'],
};

function alone(path: string, base: Record<string, unknown>, field: string) {
  const others = (ALTERNATIVE_IDS[path] ?? []).filter((f) => f !== field);
  return Object.fromEntries(Object.entries(base).filter(([key]) => !others.includes(key)));
}

/** Transitions: an event no subject accepts in its sample state, so nothing moves either way. */
const transitionFix = (input: Record<string, unknown>) => ({
  ...input,
  event: 'PROPOSE_CANDIDATE',
});

function fixFunders(input: Record<string, unknown>) {
  const funders = input.funders as Array<Record<string, unknown>> | undefined;
  if (!funders) return input;
  return {
    ...input,
    funders: funders.map((f) => ({ ...f, shareBasisPoints: 10_000, sharePercent: 100 })),
  };
}

/** The first allowed role of each kind of organisation: hub, site, commissioner. */
function onePerOrganisationKind(roles: readonly Role[]): Role[] {
  const kinds = ['hub', 'site', 'commissioner'] as const;
  return kinds.flatMap((kind) => {
    const role = roles.find((r) => rolesForOrganisationKind(kind).includes(r));
    return role ? [role] : [];
  });
}

function message(json: unknown): string {
  const error = (json as { error?: { message?: string } } | null)?.error;
  return error?.message ?? '';
}

async function call(actor: Actor, def: ProcedureDef, input: unknown) {
  return def.type === 'query'
    ? actor.browser.query(def.path, input)
    : actor.browser.mutate(def.path, input);
}

/**
 * Every procedure with an id input, for every role the policy allows (across networks) and every
 * site-scoped role it allows (across sites): swaps one id at a time for another tenant's real
 * id, and compares the answer with the answer for an id nobody has.
 */
export async function runIdSwaps(
  db: Database,
  world: World,
  defs: readonly ProcedureDef[],
  /** Every allowed role, not one per kind of organisation (slower; ATTACK_ALL_ROLES=1). */
  allRoles = false,
): Promise<AttackReport> {
  const report: AttackReport = { attacks: [], problems: [], gaps: [], covered: new Set() };
  const cache = new Map<string, Promise<string | undefined>>();
  const find = (kind: IdKind, where: Parameters<typeof findId>[2]) => {
    const key = `${kind}:${JSON.stringify(where)}`;
    if (!cache.has(key)) cache.set(key, findId(db, kind, where));
    return cache.get(key) as Promise<string | undefined>;
  };

  const tasks: Array<{ def: ProcedureDef; run: () => Promise<void> }> = [];
  for (const def of defs) {
    const fields = idFieldPaths(def.schema);
    if (fields.length === 0) continue;
    const access = POLICY[def.path as keyof typeof POLICY];
    if (access?.kind !== 'roles') {
      // Signed-in procedures: the only one with an id is choosing a membership.
      const actor = world.away.hub_coordinator as Actor;
      tasks.push({ def, run: () => attackAll(def, fields, 'other network', actor) });
      continue;
    }
    const allowed = Object.keys(access.roles) as Role[];
    for (const role of allRoles ? allowed : onePerOrganisationKind(allowed)) {
      const away = world.away[role];
      if (away) tasks.push({ def, run: () => attackAll(def, fields, 'other network', away) });
    }
    const siteRoles = allowed.filter((role) => SITE_ROLES.has(role) && world.siteStaff[role]);
    for (const role of allRoles ? siteRoles : siteRoles.slice(0, 1)) {
      const staff = world.siteStaff[role] as Actor;
      tasks.push({ def, run: () => attackAll(def, fields, 'other site', staff) });
    }
  }
  // Reads side by side (they write nothing), then writes one at a time, so each write's check
  // that nothing changed sees only its own effect.
  const reads = tasks.filter((t) => t.def.type !== 'mutation');
  const workers = Array.from({ length: QUERY_CONCURRENCY }, async () => {
    for (let task = reads.shift(); task; task = reads.shift()) await task.run();
  });
  await Promise.all(workers);
  for (const task of tasks.filter((t) => t.def.type === 'mutation')) await task.run();
  return report;

  async function ownId(kind: IdKind, scenario: Scenario, actor: Actor): Promise<string> {
    if (kind === 'actorOrganisation') return actor.organisationId;
    if (scenario === 'other network') {
      if (kind === 'site') return world.org['millbrook:gurdwara'] as string;
      if (kind === 'commissioner') return world.org['millbrook:council'] as string;
      return (await find(kind, { networkId: world.millbrook })) ?? OWN_PLACEHOLDER;
    }
    if (kind === 'site') return actor.organisationId;
    const siteId = isSiteScopedKind(kind) ? actor.organisationId : undefined;
    return (await find(kind, { networkId: world.kingsmere, siteId })) ?? OWN_PLACEHOLDER;
  }

  async function foreignId(kind: IdKind, scenario: Scenario, actor: Actor) {
    if (scenario === 'other network') {
      return find(kind, { networkId: world.kingsmere, sameKindAs: actor.organisationId });
    }
    const other = world.otherSite[actor.organisationId] as string;
    if (kind === 'site' || kind === 'actorOrganisation') return other;
    if (kind === 'programme') {
      return find(kind, { networkId: world.kingsmere, notSiteId: actor.organisationId });
    }
    return find(kind, { networkId: world.kingsmere, siteId: other });
  }

  async function attackAll(def: ProcedureDef, fields: string[], scenario: Scenario, actor: Actor) {
    const own = new Map<string, string>();
    for (const field of fields) {
      const kind = idKind(def.path, field);
      if (kind) own.set(field, await ownId(kind, scenario, actor));
    }
    const fix =
      INPUT_FIXES[def.path] ??
      (def.path.endsWith('.transition')
        ? transitionFix
        : (input: Record<string, unknown>) => input);
    const base = fix(
      sample(def.schema, (path) => own.get(path) ?? OWN_PLACEHOLDER) as Record<string, unknown>,
    );
    for (const field of fields) {
      const where = `${def.path} ${field} (${actor.role}, ${scenario})`;
      const kind = idKind(def.path, field);
      if (!kind) {
        report.problems.push(`${where}: no object kind known for this id field`);
        continue;
      }
      if (scenario === 'other site' && !isSiteScopedKind(kind)) continue;
      const foreign = await foreignId(kind, scenario, actor);
      if (!foreign) {
        report.gaps.push(`${where}: no ${kind} to borrow`);
        continue;
      }
      const attackInput = withIdAt(alone(def.path, base, field), field, foreign);
      const missingInput = withIdAt(alone(def.path, base, field), field, MISSING_ID);
      const invalid = validInput(def, attackInput);
      if (invalid) {
        report.problems.push(
          `${where}: the sample input is not valid (${invalid}); fix INPUT_FIXES`,
        );
        continue;
      }
      const before = def.type === 'mutation' ? await state(kind, foreign) : '';
      const attacked = await call(actor, def, attackInput);
      const after = def.type === 'mutation' ? await state(kind, foreign) : '';
      const missing = await call(actor, def, missingInput);
      report.covered.add(def.path);
      report.attacks.push({
        procedure: def.path,
        scenario,
        role: actor.role,
        field,
        kind,
        status: attacked.status,
        missingStatus: missing.status,
      });

      const body = JSON.stringify(attacked.json);
      const missingBody = JSON.stringify(missing.json);
      if (attacked.status >= 500 || missing.status >= 500) {
        report.problems.push(`${where}: server error ${attacked.status}/${missing.status}`);
      }
      const accepted = attacked.status < 300;
      if (accepted && (missing.status >= 300 || def.type === 'mutation')) {
        report.problems.push(
          `${where}: a ${kind} of another ${scenario.slice(6)} was accepted (${attacked.status}; a missing id gets ${missing.status})`,
        );
      }
      if (!accepted) {
        const sameAsMissing =
          attacked.status === missing.status &&
          message(attacked.json).replaceAll(foreign, MISSING_ID) === message(missing.json);
        const plainRefusal =
          attacked.status === 403 || (attacked.status === 404 && missing.status !== 404);
        if (!sameAsMissing && !plainRefusal) {
          report.problems.push(
            `${where}: refused unlike a missing ${kind}: ${attacked.status} "${message(attacked.json)}" vs ${missing.status} "${message(missing.json)}"`,
          );
        }
      }
      // Organisations' names are listed to everyone in their network (organisation.list).
      const networkVisible =
        scenario === 'other site' && ['site', 'actorOrganisation', 'commissioner'].includes(kind);
      const secrets = networkVisible ? [] : await secretsOf(db, kind, foreign);
      const leaked = secrets.filter((secret) => body.includes(JSON.stringify(secret).slice(1, -1)));
      if (leaked.length > 0) {
        report.problems.push(
          `${where}: the answer carries ${leaked.length} value(s) of the foreign ${kind}`,
        );
      }
      if (!networkVisible && body.includes(foreign) && !missingBody.includes(MISSING_ID)) {
        report.problems.push(`${where}: the answer names the foreign ${kind}'s id`);
      }
      if (before !== after) {
        report.problems.push(`${where}: the refused write changed data (${diff(before, after)})`);
      }
    }
  }

  async function state(kind: IdKind, id: string) {
    return JSON.stringify({ counts: await tableCounts(db), row: await rowText(db, kind, id) });
  }
}

function diff(before: string, after: string): string {
  const a = JSON.parse(before) as { counts: Record<string, number>; row: string };
  const b = JSON.parse(after) as { counts: Record<string, number>; row: string };
  const tables = Object.keys(b.counts).filter((t) => a.counts[t] !== b.counts[t]);
  return [
    ...tables.map((t) => `${t} ${a.counts[t]}→${b.counts[t]}`),
    ...(a.row !== b.row ? ['the object itself'] : []),
  ].join(', ');
}
