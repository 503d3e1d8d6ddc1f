import {
  baselineCoverage,
  type Database,
  listPaidRoleChecks,
  listPaidRoles,
  listProgrammeFunders,
  listProgrammeSites,
  type Programme,
} from '@coproduce/db';
import {
  type BaselineGateFacts,
  type PaidRoleCheckFact,
  proposalProblems,
} from '@coproduce/domain';
import type { EventsByKind } from '@coproduce/workflow';
import { today } from '../../time.ts';
import type { Subject } from './subjects.ts';

/** The request a person makes: an event type and, where the step needs it, a reason or a person. */
export interface RequestedEvent {
  readonly type: string;
  readonly reason?: string | undefined;
}

export async function baselineFacts(
  db: Database,
  programme: Programme,
): Promise<BaselineGateFacts> {
  const coverage = await baselineCoverage(db, { programmeId: programme.id });
  const roles = await listPaidRoles(db, {
    networkId: programme.networkId,
    programmeId: programme.id,
  });
  const live = roles.filter((r) => r.paidRole.state !== 'ended');
  return {
    enrolled: coverage.enrolled,
    baselineRecorded: coverage.withBaseline,
    threshold: programme.baselineThresholdPercent / 100,
    minimumCohort: programme.minimumCohort,
    requiredPaidRoles: live.length,
    activePaidRoles: live.filter((r) => r.paidRole.state === 'active').length,
  };
}

export async function checkFacts(db: Database, paidRoleId: string): Promise<PaidRoleCheckFact[]> {
  const checks = await listPaidRoleChecks(db, [paidRoleId]);
  return checks.map((c) => ({ kind: c.kind, expiresOn: c.expiresOn }));
}

/**
 * Turns a person's request into the machine event, with the facts its guard decides on. The
 * machines never query anything: everything they need is gathered here.
 */
export async function buildEvent(
  db: Database,
  subject: Subject,
  requested: RequestedEvent,
  at: Date = new Date(),
): Promise<EventsByKind[Subject['kind']]> {
  const reason = requested.reason ?? '';
  const type = requested.type;
  if (subject.kind === 'programme') {
    if (type === 'SUBMIT' || type === 'RESUBMIT') {
      const sites = await listProgrammeSites(db, subject.programme.id);
      const funders = await listProgrammeFunders(db, subject.programme.id);
      return {
        type,
        proposalProblems: proposalProblems({
          need: subject.programme.need,
          population: subject.programme.population,
          budgetPence: subject.programme.budgetPence,
          siteIds: sites.map((s) => s.organisationId),
          funders,
        }),
      };
    }
    if (type === 'APPROVE') {
      const funders = await listProgrammeFunders(db, subject.programme.id);
      return { type, pendingSignOffs: funders.filter((f) => !f.signedOffAt).map((f) => f.name) };
    }
    if (type === 'START_DELIVERY')
      return { type, baseline: await baselineFacts(db, subject.programme) };
  }
  if (subject.kind === 'milestone' && type === 'APPROVE') {
    return {
      type,
      valuePence: subject.row.valuePence,
      delegationLimitPence: subject.programme.delegationLimitPence,
    };
  }
  if (subject.kind === 'claim' && type === 'APPROVE') {
    return {
      type,
      totalPence: subject.row.totalPence,
      delegationLimitPence: subject.programme.delegationLimitPence,
    };
  }
  if (subject.kind === 'paidRole' && (type === 'ACTIVATE' || type === 'REINSTATE')) {
    return { type, checks: await checkFacts(db, subject.row.id), today: today(at) };
  }
  return { type, reason } as EventsByKind[Subject['kind']];
}
