import {
  type Database,
  ensurePayee,
  findDeliverySessionById,
  findPaidRoleById,
  findWorkLogById,
  findWorkLogFor,
  insertWorkLog,
  listLoggableSessions,
  listPaidRoleChecks,
  listPaidRoles,
  listWorkLogs,
  moveWorkLog,
  type PaidRole,
  paidRoleStateHistory,
  setPaidRolePay,
  type WorkLog,
} from '@coproduce/db';
import {
  DomainError,
  type PaidWork,
  type PayBasis,
  type PayEligibility,
  payEligibility,
  payForWork,
} from '@coproduce/domain';
import { addDays, addMonths, today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';
import { auditDecision } from './audit-service.ts';
import { withIdempotency } from './idempotency.ts';
import { raisePayable } from './payables-service.ts';
import { isUniqueViolation } from './payment-run/db-errors.ts';

/** States a role has been active in: work can be logged under it (eligibility is checked later). */
const ONCE_ACTIVE = new Set(['active', 'suspended', 'ended']);

async function requireRole(db: Database, actor: ActingMember, id: string): Promise<PaidRole> {
  const role = await findPaidRoleById(db, id);
  if (!role || role.networkId !== actor.networkId)
    throw new DomainError('not-found', 'That paid role was not found.', 'paidRoleId');
  return role;
}

async function requireWorkLog(db: Database, actor: ActingMember, id: string): Promise<WorkLog> {
  const log = await findWorkLogById(db, id);
  if (!log || log.networkId !== actor.networkId)
    throw new DomainError('not-found', 'That work log was not found.', 'workLogId');
  return log;
}

/** The hub sets how a paid role is paid: per session, per hour or monthly, and the rate. */
export async function setPay(
  db: Database,
  actor: ActingMember,
  input: { paidRoleId: string; basis: PayBasis; ratePence: number },
) {
  const role = await requireRole(db, actor, input.paidRoleId);
  if (role.state === 'ended')
    throw new DomainError('conflict', 'This role has ended: its pay cannot change.', 'paidRoleId');
  return db.transaction(async (tx) => {
    await setPaidRolePay(tx, {
      networkId: actor.networkId,
      id: role.id,
      basis: input.basis,
      ratePence: input.ratePence,
    });
    await auditDecision(tx, actor, {
      action: 'paid-role.pay-set',
      objectType: 'paidRole',
      objectId: role.id,
      detail: {
        basis: input.basis,
        ratePence: input.ratePence,
        previousBasis: role.payBasis,
        previousRatePence: role.payRatePence,
      },
    });
    return { paidRoleId: role.id, basis: input.basis, ratePence: input.ratePence };
  });
}

/** The state a role was in at the end of `date`, from its workflow history. */
export function stateOnDate(
  history: readonly { toState: string; at: Date }[],
  date: string,
): string {
  let state = 'drafted';
  for (const step of history) if (today(step.at) <= date) state = step.toState;
  return state;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Each role's checks (as the domain reads them) and workflow history, for many roles at once. */
export async function roleFacts(db: Database, networkId: string, paidRoleIds: readonly string[]) {
  const ids = [...new Set(paidRoleIds)];
  const checks = groupBy(await listPaidRoleChecks(db, ids), (c) => c.paidRoleId);
  const history = groupBy(
    await paidRoleStateHistory(db, { networkId, paidRoleIds: ids }),
    (h) => h.paidRoleId,
  );
  return new Map(
    ids.map((id) => [
      id,
      {
        checks: (checks.get(id) ?? []).map((c) => ({ kind: c.kind, expiresOn: c.expiresOn })),
        history: history.get(id) ?? [],
      },
    ]),
  );
}

/** Whether work on its date can become a payable, for many logs at once. */
export async function eligibilityOf(
  db: Database,
  networkId: string,
  work: readonly { paidRoleId: string; workedOn: string }[],
) {
  const facts = await roleFacts(
    db,
    networkId,
    work.map((w) => w.paidRoleId),
  );
  const memo = new Map<string, PayEligibility>();
  return work.map((w) => {
    const key = `${w.paidRoleId} ${w.workedOn}`;
    const known = memo.get(key);
    if (known) return known;
    const role = facts.get(w.paidRoleId);
    const result = payEligibility(
      role?.checks ?? [],
      stateOnDate(role?.history ?? [], w.workedOn),
      w.workedOn,
    );
    memo.set(key, result);
    return result;
  });
}

function workOf(log: Pick<WorkLog, 'kind' | 'minutes'>): PaidWork {
  return log.kind === 'month' ? { kind: 'month' } : { kind: 'session', minutes: log.minutes ?? 0 };
}

/** What a log earns at the role's rate, or null while the rate is not set. */
function amountFor(
  basis: PayBasis | null,
  ratePence: number | null,
  log: Pick<WorkLog, 'kind' | 'minutes'>,
): number | null {
  if (!basis || !ratePence) return null;
  try {
    return payForWork(basis, ratePence, workOf(log));
  } catch {
    return null;
  }
}

type WorkLogRow = Awaited<ReturnType<typeof listWorkLogs>>[number];

function view(row: WorkLogRow) {
  const log = row.workLog;
  return {
    id: log.id,
    paidRoleId: log.paidRoleId,
    roleTitle: row.roleTitle,
    programmeId: row.programmeId,
    programmeName: row.programmeName,
    siteId: row.siteOrganisationId,
    siteName: row.siteName,
    personId: log.personId,
    personName: row.personName,
    kind: log.kind,
    sessionId: log.deliverySessionId,
    session: log.deliverySessionId && row.session?.heldOn ? row.session : null,
    month: log.month,
    minutes: log.minutes,
    workedOn: log.workedOn,
    state: log.state,
    payBasis: row.payBasis,
    amountPence: row.payableAmountPence ?? amountFor(row.payBasis, row.payRatePence, log),
    payableId: row.payableId,
    confirmedByName: row.confirmedByName,
    rejectedReason: log.rejectedReason,
    loggedAt: log.createdAt.toISOString(),
  };
}

/** A practitioner's roles and rates, sessions they could still log, and their logs. */
export async function myWork(db: Database, actor: ActingMember) {
  const roles = (await listPaidRoles(db, { networkId: actor.networkId })).filter(
    (r) => r.paidRole.holderPersonId === actor.personId,
  );
  const sessions = await listLoggableSessions(db, {
    networkId: actor.networkId,
    personId: actor.personId,
    since: addDays(today(), -365),
  });
  const rateOf = new Map(roles.map((r) => [r.paidRole.id, r.paidRole]));
  const logs = await listWorkLogs(db, {
    networkId: actor.networkId,
    personId: actor.personId,
    limit: 200,
  });
  return {
    roles: roles.map(({ paidRole, programmeName, siteName }) => ({
      paidRoleId: paidRole.id,
      title: paidRole.title,
      programmeId: paidRole.programmeId,
      programmeName,
      siteId: paidRole.siteOrganisationId,
      siteName,
      state: paidRole.state,
      payBasis: paidRole.payBasis,
      payRatePence: paidRole.payRatePence,
      canLog: ONCE_ACTIVE.has(paidRole.state) && paidRole.payBasis !== null,
    })),
    sessions: sessions
      .filter((s) => ONCE_ACTIVE.has(rateOf.get(s.paidRoleId)?.state ?? ''))
      .map((s) => {
        const role = rateOf.get(s.paidRoleId);
        return {
          ...s,
          amountPence: amountFor(role?.payBasis ?? null, role?.payRatePence ?? null, {
            kind: 'session',
            minutes: s.durationMinutes,
          }),
        };
      }),
    logs: logs.map(view),
  };
}

export type LoggedWork = { kind: 'session'; sessionId: string } | { kind: 'month'; month: string };

/** A practitioner logs a session they delivered (or a month worked) under a role they hold. */
export async function logWork(
  db: Database,
  actor: ActingMember,
  input: { paidRoleId: string; work: LoggedWork; idempotencyKey: string },
) {
  const { idempotencyKey, ...request } = input;
  return db.transaction((tx) =>
    withIdempotency(tx, actor, { key: idempotencyKey, procedure: 'workLog.log', request }, () =>
      logWorkNow(tx, actor, request),
    ),
  );
}

async function logWorkNow(
  tx: Database,
  actor: ActingMember,
  input: { paidRoleId: string; work: LoggedWork },
) {
  const role = await requireRole(tx, actor, input.paidRoleId);
  if (role.holderPersonId !== actor.personId)
    throw new DomainError('forbidden', 'You can log work only for a role you hold.', 'paidRoleId');
  if (!role.payBasis || !role.payRatePence)
    throw new DomainError(
      'precondition-failed',
      'The hub has not set the pay for this role yet.',
      'paidRoleId',
    );
  if (!ONCE_ACTIVE.has(role.state))
    throw new DomainError('precondition-failed', 'This role is not active yet.', 'paidRoleId');
  const monthly = role.payBasis === 'monthly';
  let values: Pick<WorkLog, 'kind' | 'deliverySessionId' | 'month' | 'minutes' | 'workedOn'>;
  if (input.work.kind === 'session') {
    if (monthly)
      throw new DomainError('invalid', 'This role is paid monthly: log the month instead.', 'work');
    const session = await findDeliverySessionById(tx, input.work.sessionId);
    // Another site's session is as unknown here as a missing one (no hint that it exists).
    if (
      !session ||
      session.networkId !== actor.networkId ||
      session.siteOrganisationId !== role.siteOrganisationId
    )
      throw new DomainError('not-found', 'That session was not found.', 'work.sessionId');
    if (session.practitionerId !== actor.personId)
      throw new DomainError(
        'invalid',
        'You can log only sessions you delivered.',
        'work.sessionId',
      );
    if (
      session.siteOrganisationId !== role.siteOrganisationId ||
      session.programmeId !== role.programmeId
    )
      throw new DomainError(
        'invalid',
        'That session was not delivered at this role’s site and programme.',
        'work.sessionId',
      );
    if (await findWorkLogFor(tx, { paidRoleId: role.id, deliverySessionId: session.id }))
      throw new DomainError('conflict', 'You have already logged this session.', 'work.sessionId');
    values = {
      kind: 'session',
      deliverySessionId: session.id,
      month: null,
      minutes: session.durationMinutes,
      workedOn: session.heldOn,
    };
  } else {
    if (!monthly)
      throw new DomainError('invalid', 'This role is paid for sessions: log a session.', 'work');
    const month = `${input.work.month}-01`;
    const lastDay = addDays(addMonths(month, 1), -1);
    if (lastDay >= today())
      throw new DomainError('invalid', 'You can log a month once it has ended.', 'work.month');
    if (await findWorkLogFor(tx, { paidRoleId: role.id, month }))
      throw new DomainError('conflict', 'You have already logged this month.', 'work.month');
    values = { kind: 'month', deliverySessionId: null, month, minutes: null, workedOn: lastDay };
  }
  let log: WorkLog;
  try {
    log = await insertWorkLog(tx, {
      networkId: actor.networkId,
      paidRoleId: role.id,
      personId: actor.personId,
      ...values,
      state: 'logged',
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('conflict', 'You have already logged this work.', 'work');
    throw error;
  }
  await auditDecision(tx, actor, {
    action: 'work-log.logged',
    objectType: 'workLog',
    objectId: log.id,
    detail: { paidRoleId: role.id, kind: log.kind, workedOn: log.workedOn },
  });
  return { workLogId: log.id, state: log.state };
}

/** Logs waiting for a site lead of the role's site; the lead's own are shown but cannot be confirmed. */
export async function workToConfirm(db: Database, actor: ActingMember) {
  const rows = await listWorkLogs(db, {
    networkId: actor.networkId,
    states: ['logged'],
    siteOrganisationId: actor.organisationId,
  });
  return {
    workLogs: rows.map((row) => ({
      ...view(row),
      isYours: row.workLog.personId === actor.personId,
    })),
  };
}

/** A site lead confirms (or rejects, with the reason) work logged at their site. */
export async function confirmWork(
  db: Database,
  actor: ActingMember,
  input: { workLogId: string; decision: 'confirm' | 'reject'; reason?: string | undefined },
) {
  const log = await requireWorkLog(db, actor, input.workLogId);
  const role = await requireRole(db, actor, log.paidRoleId);
  if (role.siteOrganisationId !== actor.organisationId)
    throw new DomainError(
      'forbidden',
      'Only a site lead of this role’s site can confirm its work.',
      'workLogId',
    );
  if (log.personId === actor.personId)
    throw new DomainError(
      'forbidden',
      log.kind === 'month'
        ? 'You logged this month, so someone else must confirm it.'
        : 'You logged this session, so someone else must confirm it.',
      'workLogId',
    );
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && !reason)
    throw new DomainError('invalid', 'Say why you are rejecting this work.', 'reason');
  if (log.state !== 'logged') throw alreadyDecided(log);
  return db.transaction(async (tx) => {
    const at = new Date();
    const moved = await moveWorkLog(tx, {
      id: log.id,
      from: 'logged',
      values:
        input.decision === 'confirm'
          ? { state: 'confirmed', confirmedBy: actor.personId, confirmedAt: at }
          : { state: 'rejected', rejectedReason: reason },
    });
    if (!moved) throw alreadyDecided(log);
    await auditDecision(tx, actor, {
      action: input.decision === 'confirm' ? 'work-log.confirmed' : 'work-log.rejected',
      objectType: 'workLog',
      objectId: log.id,
      detail: { stage: 'confirmation', ...(reason ? { reason } : {}) },
    });
    return {
      workLogId: log.id,
      state: input.decision === 'confirm' ? ('confirmed' as const) : ('rejected' as const),
    };
  });
}

function alreadyDecided(log: WorkLog) {
  return new DomainError(
    'conflict',
    `This work has already been ${log.state === 'logged' ? 'decided' : log.state}. Reload to see the latest.`,
    'workLogId',
  );
}

/** Confirmed work waiting for the hub, each with whether it can be paid on its date. */
export async function workToApprove(db: Database, actor: ActingMember) {
  const rows = await listWorkLogs(db, { networkId: actor.networkId, states: ['confirmed'] });
  const eligibility = await eligibilityOf(
    db,
    actor.networkId,
    rows.map((r) => r.workLog),
  );
  return {
    workLogs: rows.map((row, index) => {
      const e = eligibility[index];
      return {
        ...view(row),
        payable: e?.ok ?? false,
        notPayableBecause: e && !e.ok ? e.reason : null,
      };
    }),
  };
}

/**
 * The hub approves confirmed work (or rejects it, with the reason). Approval makes the payable
 * and charges the programme's budget in the ledger, in one transaction, and only when the role
 * was active with every check in date on the day of the work.
 */
export async function approveWork(
  db: Database,
  actor: ActingMember,
  input: {
    workLogId: string;
    decision: 'approve' | 'reject';
    reason?: string | undefined;
    idempotencyKey: string;
  },
) {
  const { idempotencyKey, ...request } = input;
  return db.transaction((tx) =>
    withIdempotency(tx, actor, { key: idempotencyKey, procedure: 'workLog.approve', request }, () =>
      approveWorkNow(tx, actor, request),
    ),
  );
}

async function approveWorkNow(
  tx: Database,
  actor: ActingMember,
  input: { workLogId: string; decision: 'approve' | 'reject'; reason?: string | undefined },
) {
  const log = await requireWorkLog(tx, actor, input.workLogId);
  if (log.personId === actor.personId)
    throw new DomainError(
      'forbidden',
      'You did this work, so someone else must approve it.',
      'workLogId',
    );
  if (log.confirmedBy === actor.personId)
    throw new DomainError(
      'forbidden',
      'You confirmed this work, so someone else must approve it.',
      'workLogId',
    );
  if (log.state !== 'confirmed') throw alreadyDecided(log);
  const reason = input.reason?.trim() ?? '';
  const at = new Date();
  if (input.decision === 'reject') {
    if (!reason) throw new DomainError('invalid', 'Say why you are rejecting this work.', 'reason');
    if (
      !(await moveWorkLog(tx, {
        id: log.id,
        from: 'confirmed',
        values: { state: 'rejected', rejectedReason: reason },
      }))
    )
      throw alreadyDecided(log);
    await auditDecision(tx, actor, {
      action: 'work-log.rejected',
      objectType: 'workLog',
      objectId: log.id,
      detail: { stage: 'approval', reason },
    });
    return { workLogId: log.id, state: 'rejected' as const, payableId: null, amountPence: null };
  }
  const role = await requireRole(tx, actor, log.paidRoleId);
  const [eligible] = await eligibilityOf(tx, actor.networkId, [log]);
  if (eligible && !eligible.ok)
    throw new DomainError(
      'precondition-failed',
      `This work cannot be paid: ${eligible.reason}.`,
      'workLogId',
      { reason: eligible.reason },
    );
  if (!role.payBasis || !role.payRatePence)
    throw new DomainError(
      'precondition-failed',
      'Set the pay for this role before approving its work.',
      'workLogId',
    );
  const amountPence = payForWork(role.payBasis, role.payRatePence, workOf(log));
  if (
    !(await moveWorkLog(tx, {
      id: log.id,
      from: 'confirmed',
      values: { state: 'approved', approvedBy: actor.personId, approvedAt: at },
    }))
  )
    throw alreadyDecided(log);
  const payee = await ensurePayee(tx, { networkId: actor.networkId, personId: log.personId });
  const payable = await raisePayable(tx, actor, {
    networkId: actor.networkId,
    programmeId: role.programmeId,
    payeeId: payee.id,
    amountPence,
    source: { workLogId: log.id },
    description:
      log.kind === 'month'
        ? `${role.title}: month of ${(log.month ?? '').slice(0, 7)}`
        : `${role.title}: session on ${log.workedOn}`,
    dueOn: today(at),
  });
  await auditDecision(tx, actor, {
    action: 'work-log.approved',
    objectType: 'workLog',
    objectId: log.id,
    detail: { payableId: payable.id, amountPence },
  });
  return { workLogId: log.id, state: 'approved' as const, payableId: payable.id, amountPence };
}
