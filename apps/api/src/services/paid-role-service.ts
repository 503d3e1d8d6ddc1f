import {
  type Database,
  findPaidRoleById,
  insertPaidRole,
  insertPaidRoleCheck,
  listPaidRoleChecks,
  listPaidRoles,
  listProgrammeSites,
  updatePaidRoleTitle,
} from '@coproduce/db';
import {
  CHECK_LAPSE_WARNING_DAYS,
  DomainError,
  PAID_ROLE_CHECK_KINDS,
  PAID_ROLE_CHECK_LABELS,
  type PaidRoleCheckKind,
} from '@coproduce/domain';
import { initialSnapshot, stateOf, WORKFLOWS } from '@coproduce/workflow';
import { addDays, today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';
import { auditDecision } from './audit-service.ts';
import { visibleProgrammeIds } from './milestone-service.ts';
import { requireProgramme } from './programme-service.ts';

export type CheckStatus = 'valid' | 'lapsing' | 'expired' | 'missing';

/** Each required check's latest record and whether it holds today. */
export function checkStatuses(checks: Awaited<ReturnType<typeof listPaidRoleChecks>>, on: string) {
  const warnFrom = addDays(on, CHECK_LAPSE_WARNING_DAYS);
  return PAID_ROLE_CHECK_KINDS.map((kind) => {
    const latest = checks
      .filter((c) => c.kind === kind)
      .sort((a, b) => b.recordedAt.getTime() - a.recordedAt.getTime())[0];
    const status: CheckStatus = !latest
      ? 'missing'
      : latest.expiresOn !== null && latest.expiresOn < on
        ? 'expired'
        : latest.expiresOn !== null && latest.expiresOn <= warnFrom
          ? 'lapsing'
          : 'valid';
    return {
      kind,
      label: PAID_ROLE_CHECK_LABELS[kind],
      status,
      reference: latest?.reference ?? null,
      expiresOn: latest?.expiresOn ?? null,
      recordedAt: latest?.recordedAt.toISOString() ?? null,
    };
  });
}

async function requirePaidRole(db: Database, actor: ActingMember, id: string) {
  const role = await findPaidRoleById(db, id);
  if (!role || role.networkId !== actor.networkId)
    throw new DomainError('not-found', 'That paid role was not found.', 'id');
  return role;
}

export async function createPaidRole(
  db: Database,
  actor: ActingMember,
  input: { programmeId: string; siteId: string; title: string },
) {
  const programme = await requireProgramme(db, actor, input.programmeId);
  const sites = await listProgrammeSites(db, programme.id);
  if (!sites.some((s) => s.organisationId === input.siteId))
    throw new DomainError('invalid', 'Choose one of the programme’s sites.', 'siteId');
  const snapshot = initialSnapshot('paidRole');
  return db.transaction(async (tx) => {
    const role = await insertPaidRole(tx, {
      networkId: actor.networkId,
      programmeId: programme.id,
      siteOrganisationId: input.siteId,
      title: input.title,
      state: stateOf('paidRole', snapshot),
      snapshot,
      machineVersion: WORKFLOWS.paidRole.version,
    });
    await auditDecision(tx, actor, {
      action: 'paid-role.created',
      objectType: 'paidRole',
      objectId: role.id,
      detail: { programmeId: programme.id, siteId: input.siteId },
    });
    return { id: role.id, version: role.version };
  });
}

export async function updatePaidRole(
  db: Database,
  actor: ActingMember,
  input: { id: string; expectedVersion: number; title: string },
) {
  const role = await requirePaidRole(db, actor, input.id);
  if (role.state !== 'drafted')
    throw new DomainError('conflict', 'Only a drafted role can be renamed.', 'id');
  return db.transaction(async (tx) => {
    const updated = await updatePaidRoleTitle(tx, {
      networkId: actor.networkId,
      id: role.id,
      expectedVersion: input.expectedVersion,
      title: input.title,
    });
    if (!updated)
      throw new DomainError(
        'conflict',
        'Someone else changed this role. Reload to see the latest, then try again.',
        'expectedVersion',
      );
    await auditDecision(tx, actor, {
      action: 'paid-role.updated',
      objectType: 'paidRole',
      objectId: role.id,
      detail: {},
    });
    return { id: role.id, version: input.expectedVersion + 1 };
  });
}

export async function listPaidRoleSummaries(
  db: Database,
  actor: ActingMember,
  filter: { programmeId?: string | undefined },
) {
  const programmeIds = await visibleProgrammeIds(db, actor);
  const isSite = ['site_lead', 'practitioner', 'community_researcher'].includes(actor.role);
  const rows = await listPaidRoles(db, {
    networkId: actor.networkId,
    programmeId: filter.programmeId,
    programmeIds,
    siteOrganisationId: isSite ? actor.organisationId : undefined,
  });
  const checks = await listPaidRoleChecks(
    db,
    rows.map((r) => r.paidRole.id),
  );
  const on = today();
  return {
    paidRoles: rows.map(({ paidRole, programmeName, siteName, holderName }) => ({
      id: paidRole.id,
      title: paidRole.title,
      programmeId: paidRole.programmeId,
      programmeName,
      siteId: paidRole.siteOrganisationId,
      siteName,
      holderName,
      state: paidRole.state,
      version: paidRole.version,
      checks: checkStatuses(
        checks.filter((c) => c.paidRoleId === paidRole.id),
        on,
      ),
    })),
  };
}

export async function getPaidRoleView(db: Database, actor: ActingMember, id: string) {
  const role = await requirePaidRole(db, actor, id);
  const { paidRoles } = await listPaidRoleSummaries(db, actor, { programmeId: role.programmeId });
  const view = paidRoles.find((r) => r.id === role.id);
  if (!view) throw new DomainError('not-found', 'That paid role was not found.', 'id');
  return view;
}

export async function recordCheck(
  db: Database,
  actor: ActingMember,
  input: {
    paidRoleId: string;
    kind: PaidRoleCheckKind;
    reference: string;
    expiresOn: string | null;
  },
) {
  const role = await requirePaidRole(db, actor, input.paidRoleId);
  if (actor.role === 'site_lead' && role.siteOrganisationId !== actor.organisationId) {
    throw new DomainError(
      'forbidden',
      'You can record checks for your own site’s roles only.',
      'paidRoleId',
    );
  }
  if (role.state === 'ended')
    throw new DomainError('conflict', 'This role has ended.', 'paidRoleId');
  if (input.expiresOn !== null && input.expiresOn < today()) {
    throw new DomainError(
      'invalid',
      'That check has already expired: record a current one.',
      'expiresOn',
    );
  }
  return db.transaction(async (tx) => {
    const check = await insertPaidRoleCheck(tx, {
      networkId: actor.networkId,
      ...input,
      recordedBy: actor.personId,
    });
    await auditDecision(tx, actor, {
      action: 'paid-role.check-recorded',
      objectType: 'paidRole',
      objectId: role.id,
      detail: { kind: input.kind, expiresOn: input.expiresOn },
    });
    return { checkId: check.id };
  });
}
