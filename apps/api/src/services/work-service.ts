import {
  type Database,
  lastActorOf,
  listChecksExpiringBy,
  listMilestones,
  listOrganisationMembers,
  listOrganisations,
  listOverdueReturns,
  listProgrammeFunders,
  listProgrammes,
} from '@coproduce/db';
import { CHECK_LAPSE_WARNING_DAYS, formatPounds, PAID_ROLE_CHECK_LABELS } from '@coproduce/domain';
import { addDays, today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';
import { visibleProgrammeIds } from './milestone-service.ts';

export type WorkKind =
  | 'review-proposal'
  | 'sign-off-share'
  | 'revise-proposal'
  | 'approve-milestone'
  | 'countersign-milestone'
  | 'submit-milestone'
  | 'review-return'
  | 'overdue-return'
  | 'lapsing-check'
  | 'report-baseline'
  | 'pay-milestone';

export interface WorkItem {
  readonly kind: WorkKind;
  readonly title: string;
  readonly detail: string;
  /** Where to act, relative to the app's base: `programmes/<id>`, `milestones/<id>`. */
  readonly path: string;
  readonly dueOn: string | null;
}

const REVIEWABLE = ['proposal.submitted', 'proposal.inReview', 'proposal.resubmitted'];

/** What is waiting for this person, in their current role: each item links to where to act. */
export async function needsMe(db: Database, actor: ActingMember): Promise<{ items: WorkItem[] }> {
  const items: WorkItem[] = [];
  const now = today();
  const visible = await visibleProgrammeIds(db, actor);
  const programmes = await listProgrammes(db, { networkId: actor.networkId });
  const mine = programmes.filter((p) => !visible || visible.includes(p.id));
  const notMine = async (kind: 'programme' | 'milestone', subjectId: string, events: string[]) =>
    (await lastActorOf(db, { networkId: actor.networkId, kind, subjectId, events })) !==
    actor.personId;

  if (actor.role === 'hub_approver' || actor.role === 'commissioner') {
    for (const p of mine.filter((p) => REVIEWABLE.includes(p.state))) {
      if (await notMine('programme', p.id, ['SUBMIT', 'RESUBMIT'])) {
        items.push({
          kind: 'review-proposal',
          title: `Review the proposal “${p.name}”`,
          detail: 'Approve, request changes or reject.',
          path: `programmes/${p.id}`,
          dueOn: null,
        });
      }
    }
  }
  if (actor.role === 'commissioner') {
    for (const p of mine.filter((p) => REVIEWABLE.includes(p.state))) {
      const funders = await listProgrammeFunders(db, p.id);
      const own = funders.find((f) => f.organisationId === actor.organisationId);
      if (own && !own.signedOffAt) {
        items.push({
          kind: 'sign-off-share',
          title: `Sign off your share of “${p.name}”`,
          detail: `${own.name}: ${(own.shareBasisPoints / 100).toFixed(2).replace(/\.00$/, '')}% of every payment.`,
          path: `programmes/${p.id}`,
          dueOn: null,
        });
      }
    }
  }
  if (actor.role === 'hub_coordinator') {
    for (const p of mine.filter(
      (p) => p.state === 'proposal.draft' || p.state === 'proposal.changesRequested',
    )) {
      items.push({
        kind: 'revise-proposal',
        title:
          p.state === 'proposal.draft'
            ? `Finish the draft “${p.name}”`
            : `Changes requested to “${p.name}”`,
        detail: 'Edit the proposal, then submit it.',
        path: `programmes/${p.id}/edit`,
        dueOn: null,
      });
    }
  }
  if (['hub_coordinator', 'site_lead'].includes(actor.role)) {
    for (const p of mine.filter((p) => p.state === 'active.baseline')) {
      items.push({
        kind: 'report-baseline',
        title: `Baseline for “${p.name}”`,
        detail: 'Report enrolment and baseline counts so delivery can start.',
        path: `programmes/${p.id}`,
        dueOn: null,
      });
    }
  }

  const milestones = await listMilestones(db, {
    networkId: actor.networkId,
    programmeIds: visible,
  });
  for (const { milestone, programmeName } of milestones) {
    const programme = programmes.find((p) => p.id === milestone.programmeId);
    const value = formatPounds(milestone.valuePence);
    const path = `milestones/${milestone.id}`;
    if (actor.role === 'hub_approver' && ['submitted', 'resubmitted'].includes(milestone.state)) {
      if (await notMine('milestone', milestone.id, ['SUBMIT', 'RESUBMIT'])) {
        items.push({
          kind: 'approve-milestone',
          title: `Approve “${milestone.title}”`,
          detail: `${programmeName} · ${value}`,
          path,
          dueOn: milestone.dueOn,
        });
      }
    }
    if (
      actor.role === 'commissioner' &&
      milestone.state === 'approved' &&
      programme &&
      milestone.valuePence > programme.delegationLimitPence
    ) {
      const funds = (await listProgrammeFunders(db, programme.id)).some(
        (f) => f.organisationId === actor.organisationId,
      );
      if (funds && (await notMine('milestone', milestone.id, ['SUBMIT', 'RESUBMIT', 'APPROVE']))) {
        items.push({
          kind: 'countersign-milestone',
          title: `Countersign “${milestone.title}”`,
          detail: `${programmeName} · ${value}, above the ${formatPounds(programme.delegationLimitPence)} delegation limit`,
          path,
          dueOn: milestone.dueOn,
        });
      }
    }
    const ownSite =
      actor.role === 'hub_coordinator' || milestone.siteOrganisationId === actor.organisationId;
    if (actor.role === 'site_lead' || actor.role === 'hub_coordinator') {
      if (
        ownSite &&
        ['planned', 'changesRequested'].includes(milestone.state) &&
        programme?.stage !== 'proposal'
      ) {
        items.push({
          kind: 'submit-milestone',
          title:
            milestone.state === 'planned'
              ? `Submit “${milestone.title}”`
              : `Resubmit “${milestone.title}”: changes requested`,
          detail: `${programmeName} · ${value}`,
          path,
          dueOn: milestone.dueOn,
        });
      }
    }
    if (actor.role === 'finance_officer' && milestone.state === 'payable') {
      items.push({
        kind: 'pay-milestone',
        title: `Payable: “${milestone.title}”`,
        detail: `${programmeName} · ${value}`,
        path,
        dueOn: milestone.dueOn,
      });
    }
  }

  if (['hub_coordinator', 'hub_approver', 'site_lead'].includes(actor.role)) {
    for (const p of mine.filter((p) => p.state === 'active.monitoring')) {
      if (
        actor.role !== 'site_lead' &&
        (await lastActorOf(db, {
          networkId: actor.networkId,
          kind: 'programme',
          subjectId: p.id,
          events: ['SUBMIT_RETURN'],
        })) !== actor.personId
      ) {
        items.push({
          kind: 'review-return',
          title: `Review the monitoring return of “${p.name}”`,
          detail: 'Accept it or send it back with a reason.',
          path: `programmes/${p.id}`,
          dueOn: null,
        });
      }
    }
    const overdue = await listOverdueReturns(db, { networkId: actor.networkId, today: now });
    for (const o of overdue.filter((o) => mine.some((p) => p.id === o.programmeId))) {
      items.push({
        kind: 'overdue-return',
        title: `Overdue: period ${o.number} monitoring return for “${o.programmeName}”`,
        detail: o.submittedAt ? 'Submitted, not yet accepted.' : 'Not yet submitted.',
        path: `programmes/${o.programmeId}`,
        dueOn: o.returnDueOn,
      });
    }
  }

  if (['hub_coordinator', 'site_lead', 'practitioner'].includes(actor.role)) {
    const expiring = await listChecksExpiringBy(db, {
      networkId: actor.networkId,
      until: addDays(now, CHECK_LAPSE_WARNING_DAYS),
    });
    const seen = new Set<string>();
    for (const row of expiring) {
      const key = `${row.paidRoleId}:${row.check.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (actor.role !== 'hub_coordinator' && row.siteOrganisationId !== actor.organisationId)
        continue;
      const lapsed = (row.check.expiresOn ?? '') < now;
      items.push({
        kind: 'lapsing-check',
        title: `${PAID_ROLE_CHECK_LABELS[row.check.kind]} ${lapsed ? 'expired' : 'expires'} on ${row.check.expiresOn}`,
        detail: `${row.title}${row.holderName ? ` · ${row.holderName}` : ''}`,
        path: `paid-roles/${row.paidRoleId}`,
        dueOn: row.check.expiresOn,
      });
    }
  }
  return { items: items.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999')) };
}

export interface KeyPersonRisk {
  readonly scope: 'network' | 'site' | 'programme';
  readonly name: string;
  readonly risk: string;
  readonly people: string[];
}

/**
 * Where one person holds every right needed to act, or where a decision has a single approver
 * (BRIEF, problem 6: over-reliance on single individuals).
 */
export async function keyPersonRisks(
  db: Database,
  actor: ActingMember,
): Promise<{ risks: KeyPersonRisk[] }> {
  const organisations = await listOrganisations(db, { networkId: actor.networkId });
  const risks: KeyPersonRisk[] = [];
  const membersOf = new Map<string, Awaited<ReturnType<typeof listOrganisationMembers>>>();
  for (const organisation of organisations) {
    membersOf.set(
      organisation.id,
      await listOrganisationMembers(db, {
        networkId: actor.networkId,
        organisationId: organisation.id,
      }),
    );
  }
  const holders = (organisationId: string, role: string) => [
    ...new Set(
      (membersOf.get(organisationId) ?? []).filter((m) => m.role === role).map((m) => m.name),
    ),
  ];

  for (const hub of organisations.filter((o) => o.kind === 'hub')) {
    const approvers = holders(hub.id, 'hub_approver');
    if (approvers.length <= 1) {
      risks.push({
        scope: 'network',
        name: hub.name,
        risk:
          approvers.length === 0
            ? 'No hub approver: milestones and claims cannot be approved.'
            : 'A single hub approver: every milestone and claim waits on one person.',
        people: approvers,
      });
    }
    const coordinators = holders(hub.id, 'hub_coordinator');
    if (coordinators.length <= 1) {
      risks.push({
        scope: 'network',
        name: hub.name,
        risk:
          coordinators.length === 0
            ? 'No hub coordinator: no one can run the lifecycle.'
            : 'A single hub coordinator runs every programme’s lifecycle.',
        people: coordinators,
      });
    }
    const finance = holders(hub.id, 'finance_officer');
    if (finance.length + approvers.length < 2 || finance.length === 0) {
      risks.push({
        scope: 'network',
        name: hub.name,
        risk: 'Payment runs need a finance officer to create them and another person to approve them.',
        people: finance,
      });
    }
  }
  for (const site of organisations.filter((o) => o.kind === 'site')) {
    const members = membersOf.get(site.id) ?? [];
    const leads = holders(site.id, 'site_lead');
    const people = [...new Set(members.map((m) => m.name))];
    if (members.length === 0) {
      risks.push({
        scope: 'site',
        name: site.name,
        risk: 'No one at this site has an account: it cannot submit evidence or confirm sessions.',
        people: [],
      });
    } else if (people.length === 1) {
      risks.push({
        scope: 'site',
        name: site.name,
        risk: 'One person holds every right at this site.',
        people,
      });
    } else if (leads.length === 1) {
      risks.push({
        scope: 'site',
        name: site.name,
        risk: 'A single site lead: if they are away, no one can submit milestones or record baselines.',
        people: leads,
      });
    } else if (leads.length === 0) {
      risks.push({
        scope: 'site',
        name: site.name,
        risk: 'No site lead: sessions cannot be confirmed and milestones cannot be submitted.',
        people: [],
      });
    }
  }
  const live = (await listProgrammes(db, { networkId: actor.networkId })).filter(
    (p) => !/^(closed|rejected|withdrawn|terminated)$/.test(p.stage),
  );
  for (const programme of live) {
    for (const funder of await listProgrammeFunders(db, programme.id)) {
      const commissioners = holders(funder.organisationId, 'commissioner');
      if (commissioners.length <= 1) {
        risks.push({
          scope: 'programme',
          name: programme.name,
          risk: `${funder.name} has ${commissioners.length === 0 ? 'no one' : 'one person'} to sign off its share and countersign.`,
          people: commissioners,
        });
      }
    }
  }
  return { risks };
}
