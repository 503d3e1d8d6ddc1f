import {
  type Database,
  getProgramme,
  insertProgramme,
  listMilestones,
  listOrganisations,
  listPaidRoles,
  listProgrammeFunders,
  listProgrammeSites,
  listProgrammesPage,
  listReportingPeriods,
  overdueAmong,
  type Programme,
  replaceProgrammeParties,
  signOffFunderShare,
  sitesAndFundersOf,
  updateProgrammeFields,
} from '@coproduce/db';
import { DomainError, type ProgrammeDraft, suppressSmallCount } from '@coproduce/domain';
import { initialSnapshot, stateOf, WORKFLOWS } from '@coproduce/workflow';
import { today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';
import { auditDecision } from './audit-service.ts';
import { toPage } from './keyset-page.ts';
import { stageOf } from './workflow/transition.ts';

const EDITABLE_STATES = new Set(['proposal.draft', 'proposal.changesRequested']);
const SIGN_OFF_STATES = new Set([
  'proposal.submitted',
  'proposal.inReview',
  'proposal.resubmitted',
]);

/** Roles that only see the programmes their organisation takes part in. */
const involvementOnly = (actor: ActingMember) =>
  ['commissioner', 'site_lead', 'practitioner', 'community_researcher'].includes(actor.role);

async function requireParties(
  db: Database,
  actor: ActingMember,
  draft: Pick<ProgrammeDraft, 'siteIds' | 'funders'>,
) {
  const organisations = new Map(
    (await listOrganisations(db, { networkId: actor.networkId })).map((o) => [o.id, o]),
  );
  for (const id of draft.siteIds) {
    if (organisations.get(id)?.kind !== 'site')
      throw new DomainError('invalid', 'Choose sites from this network.', 'siteIds');
  }
  for (const funder of draft.funders) {
    if (organisations.get(funder.organisationId)?.kind !== 'commissioner') {
      throw new DomainError(
        'invalid',
        'Co-funders must be commissioners in this network.',
        'funders',
      );
    }
  }
  const hub = [...organisations.values()].find(
    (o) => o.kind === 'hub' && o.id === actor.organisationId,
  );
  return hub;
}

export async function createProgramme(db: Database, actor: ActingMember, draft: ProgrammeDraft) {
  const hub = await requireParties(db, actor, draft);
  if (!hub) throw new DomainError('forbidden', 'Programmes are created by the hub.');
  const snapshot = initialSnapshot('programme');
  const state = stateOf('programme', snapshot);
  return db.transaction(async (tx) => {
    const { siteIds, funders, ...fields } = draft;
    const programme = await insertProgramme(tx, {
      ...fields,
      networkId: actor.networkId,
      hubOrganisationId: hub.id,
      state,
      stage: stageOf(state),
      snapshot,
      machineVersion: WORKFLOWS.programme.version,
      createdBy: actor.personId,
    });
    await replaceProgrammeParties(tx, {
      networkId: actor.networkId,
      programmeId: programme.id,
      siteIds,
      funders,
    });
    await auditDecision(tx, actor, {
      action: 'programme.created',
      objectType: 'programme',
      objectId: programme.id,
      detail: { name: programme.name },
    });
    return { id: programme.id, version: programme.version };
  });
}

export async function updateDraftProgramme(
  db: Database,
  actor: ActingMember,
  input: { id: string; expectedVersion: number; draft: ProgrammeDraft },
) {
  const programme = await requireProgramme(db, actor, input.id);
  if (!EDITABLE_STATES.has(programme.state)) {
    throw new DomainError(
      'conflict',
      'Only a draft, or a proposal sent back for changes, can be edited.',
      'id',
    );
  }
  await requireParties(db, actor, input.draft);
  const { siteIds, funders, ...fields } = input.draft;
  return db.transaction(async (tx) => {
    const updated = await updateProgrammeFields(tx, {
      networkId: actor.networkId,
      id: programme.id,
      expectedVersion: input.expectedVersion,
      values: fields,
    });
    if (!updated) {
      throw new DomainError(
        'conflict',
        'Someone else changed this proposal while you were editing it. Reload to see the latest, then try again.',
        'expectedVersion',
      );
    }
    await replaceProgrammeParties(tx, {
      networkId: actor.networkId,
      programmeId: programme.id,
      siteIds,
      funders,
    });
    await auditDecision(tx, actor, {
      action: 'programme.updated',
      objectType: 'programme',
      objectId: programme.id,
      detail: {
        fields: Object.keys(fields),
        sites: siteIds.length,
        funders: funders.length,
        signOffsCleared: true,
      },
    });
    return { id: programme.id, version: input.expectedVersion + 1 };
  });
}

export async function requireProgramme(
  db: Database,
  actor: ActingMember,
  id: string,
): Promise<Programme> {
  const programme = await getProgramme(db, { networkId: actor.networkId, id });
  if (!programme) throw new DomainError('not-found', 'That programme was not found.', 'id');
  return programme;
}

export async function getProgrammeView(db: Database, actor: ActingMember, id: string) {
  const programme = await requireProgramme(db, actor, id);
  const [sites, funders, periods, milestoneRows, roleRows] = await Promise.all([
    listProgrammeSites(db, programme.id),
    listProgrammeFunders(db, programme.id),
    listReportingPeriods(db, programme.id),
    listMilestones(db, { networkId: actor.networkId, programmeId: programme.id }),
    listPaidRoles(db, { networkId: actor.networkId, programmeId: programme.id }),
  ]);
  const now = today();
  return {
    id: programme.id,
    name: programme.name,
    need: programme.need,
    population: programme.population,
    budgetPence: programme.budgetPence,
    delegationLimitPence: programme.delegationLimitPence,
    baselineThresholdPercent: programme.baselineThresholdPercent,
    minimumCohort: programme.minimumCohort,
    reportingPeriodMonths: programme.reportingPeriodMonths,
    returnDueDays: programme.returnDueDays,
    state: programme.state,
    stage: programme.stage,
    version: programme.version,
    editable: EDITABLE_STATES.has(programme.state),
    // Counts below 5 are shown as "<5" to everyone outside the site (BRIEF, "Personal data").
    sites: sites.map((s) => {
      const own = s.organisationId === actor.organisationId;
      const count = (n: number) => (own ? n : suppressSmallCount(n));
      return { ...s, enrolled: count(s.enrolled), withBaseline: count(s.withBaseline) };
    }),
    funders: funders.map((f) => ({
      organisationId: f.organisationId,
      name: f.name,
      shareBasisPoints: f.shareBasisPoints,
      signedOffAt: f.signedOffAt?.toISOString() ?? null,
    })),
    periods: periods.map((p) => ({
      number: p.number,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      returnDueOn: p.returnDueOn,
      returnSubmittedAt: p.returnSubmittedAt?.toISOString() ?? null,
      returnAcceptedAt: p.returnAcceptedAt?.toISOString() ?? null,
      overdue: p.returnDueOn < now && !p.returnAcceptedAt,
    })),
    milestones: milestoneRows.map(({ milestone, siteName }) => ({
      id: milestone.id,
      title: milestone.title,
      siteName,
      dueOn: milestone.dueOn,
      valuePence: milestone.valuePence,
      state: milestone.state,
      aboveDelegationLimit: milestone.valuePence > programme.delegationLimitPence,
    })),
    paidRoles: roleRows.map(({ paidRole, siteName, holderName }) => ({
      id: paidRole.id,
      title: paidRole.title,
      siteName,
      holderName,
      state: paidRole.state,
    })),
  };
}

export interface ProgrammeListFilter {
  readonly stage?: string | undefined;
  readonly siteId?: string | undefined;
  readonly commissionerId?: string | undefined;
  readonly overdue?: boolean | undefined;
  /** Keyset: programmes after this (name, id). */
  readonly after?: readonly [name: string, id: string] | undefined;
  readonly limit: number;
}

/** The programmes this person may see, by name, one page at a time. */
export async function listProgrammeSummaries(
  db: Database,
  actor: ActingMember,
  filter: ProgrammeListFilter,
) {
  const on = today();
  const rows = await listProgrammesPage(db, {
    networkId: actor.networkId,
    stage: filter.stage,
    siteId: filter.siteId,
    funderId: filter.commissionerId,
    involvingOrganisationId: involvementOnly(actor) ? actor.organisationId : undefined,
    overdueOn: filter.overdue ? on : undefined,
    after: filter.after ? { name: filter.after[0], id: filter.after[1] } : undefined,
    limit: filter.limit + 1,
  });
  const { page, nextCursor } = toPage(rows, filter.limit, (r) => [r.name, r.id]);
  const ids = page.map((r) => r.id);
  const overdue = await overdueAmong(db, { programmeIds: ids, today: on });
  const { sites, funders } = await sitesAndFundersOf(db, ids);
  return {
    programmes: page.map((r) => ({
      id: r.id,
      name: r.name,
      stage: r.stage,
      state: r.state,
      budgetPence: r.budgetPence,
      overdueReturn: overdue.has(r.id),
      sites: sites
        .filter((s) => s.programmeId === r.id)
        .map((s) => ({ id: s.organisationId, name: s.name })),
      funders: funders
        .filter((f) => f.programmeId === r.id)
        .map((f) => ({
          id: f.organisationId,
          name: f.name,
          shareBasisPoints: f.shareBasisPoints,
          signedOff: f.signedOffAt !== null,
        })),
      updatedAt: r.updatedAt.toISOString(),
    })),
    nextCursor,
  };
}

export async function signOffShare(db: Database, actor: ActingMember, programmeId: string) {
  const programme = await requireProgramme(db, actor, programmeId);
  if (!SIGN_OFF_STATES.has(programme.state)) {
    throw new DomainError(
      'conflict',
      'Shares are signed off while the proposal is submitted or in review.',
      'programmeId',
    );
  }
  const funders = await listProgrammeFunders(db, programme.id);
  const own = funders.find((f) => f.organisationId === actor.organisationId);
  if (!own)
    throw new DomainError(
      'forbidden',
      'Your organisation is not a co-funder of this programme.',
      'programmeId',
    );
  return db.transaction(async (tx) => {
    const signed = await signOffFunderShare(tx, {
      programmeId: programme.id,
      organisationId: actor.organisationId,
      personId: actor.personId,
    });
    if (!signed)
      throw new DomainError(
        'conflict',
        `${own.name} has already signed off its share.`,
        'programmeId',
      );
    await auditDecision(tx, actor, {
      action: 'programme.share-signed-off',
      objectType: 'programme',
      objectId: programme.id,
      detail: { organisationId: actor.organisationId, shareBasisPoints: own.shareBasisPoints },
    });
    return { signedOff: true as const };
  });
}
