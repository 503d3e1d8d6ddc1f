import {
  type Database,
  getMilestone,
  insertMilestone,
  listMilestones,
  listProgrammeFunders,
  listProgrammeSites,
  listProgrammes,
  updateMilestoneFields,
} from '@coproduce/db';
import { DomainError, isAboveDelegationLimit } from '@coproduce/domain';
import { initialSnapshot, stateOf, WORKFLOWS } from '@coproduce/workflow';
import type { ActingMember } from '../trpc/context.ts';
import { auditDecision } from './audit-service.ts';
import { requireProgramme } from './programme-service.ts';

export interface MilestoneFields {
  readonly title: string;
  readonly evidenceRequired: string;
  readonly dueOn: string | null;
  readonly valuePence: number;
  readonly siteId: string | null;
}

const CLOSED_PROGRAMME = /^(closed|rejected|withdrawn|terminated)$/;

async function requireSiteOfProgramme(db: Database, programmeId: string, siteId: string | null) {
  if (siteId === null) return;
  const sites = await listProgrammeSites(db, programmeId);
  if (!sites.some((s) => s.organisationId === siteId)) {
    throw new DomainError('invalid', 'Choose one of the programme’s sites.', 'siteId');
  }
}

export async function createMilestone(
  db: Database,
  actor: ActingMember,
  input: MilestoneFields & { programmeId: string },
) {
  const programme = await requireProgramme(db, actor, input.programmeId);
  if (CLOSED_PROGRAMME.test(programme.state))
    throw new DomainError(
      'conflict',
      'This programme is finished: it takes no new milestones.',
      'programmeId',
    );
  await requireSiteOfProgramme(db, programme.id, input.siteId);
  const snapshot = initialSnapshot('milestone');
  return db.transaction(async (tx) => {
    const milestone = await insertMilestone(tx, {
      networkId: actor.networkId,
      programmeId: programme.id,
      siteOrganisationId: input.siteId,
      title: input.title,
      evidenceRequired: input.evidenceRequired,
      dueOn: input.dueOn,
      valuePence: input.valuePence,
      state: stateOf('milestone', snapshot),
      snapshot,
      machineVersion: WORKFLOWS.milestone.version,
    });
    await auditDecision(tx, actor, {
      action: 'milestone.created',
      objectType: 'milestone',
      objectId: milestone.id,
      detail: { programmeId: programme.id, valuePence: input.valuePence },
    });
    return { id: milestone.id, version: milestone.version };
  });
}

export async function updateMilestone(
  db: Database,
  actor: ActingMember,
  input: MilestoneFields & { id: string; expectedVersion: number },
) {
  const milestone = await getMilestone(db, { networkId: actor.networkId, id: input.id });
  if (!milestone) throw new DomainError('not-found', 'That milestone was not found.', 'id');
  if (milestone.state !== 'planned')
    throw new DomainError('conflict', 'Only a planned milestone can be changed.', 'id');
  await requireSiteOfProgramme(db, milestone.programmeId, input.siteId);
  return db.transaction(async (tx) => {
    const updated = await updateMilestoneFields(tx, {
      networkId: actor.networkId,
      id: milestone.id,
      expectedVersion: input.expectedVersion,
      values: {
        title: input.title,
        evidenceRequired: input.evidenceRequired,
        dueOn: input.dueOn,
        valuePence: input.valuePence,
        siteOrganisationId: input.siteId,
      },
    });
    if (!updated)
      throw new DomainError(
        'conflict',
        'Someone else changed this milestone. Reload to see the latest, then try again.',
        'expectedVersion',
      );
    await auditDecision(tx, actor, {
      action: 'milestone.updated',
      objectType: 'milestone',
      objectId: milestone.id,
      detail: { valuePence: input.valuePence },
    });
    return { id: milestone.id, version: input.expectedVersion + 1 };
  });
}

/** Programmes a commissioner's organisation funds, or a site takes part in: what they may see. */
async function visibleProgrammeIds(
  db: Database,
  actor: ActingMember,
): Promise<string[] | undefined> {
  if (!['commissioner', 'site_lead', 'practitioner', 'community_researcher'].includes(actor.role))
    return undefined;
  const programmes = await listProgrammes(db, {
    networkId: actor.networkId,
    involvingOrganisationId: actor.organisationId,
  });
  return programmes.map((p) => p.id);
}

export { visibleProgrammeIds };

export async function listMilestoneSummaries(
  db: Database,
  actor: ActingMember,
  filter: { programmeId?: string | undefined; states?: string[] | undefined },
) {
  const programmeIds = await visibleProgrammeIds(db, actor);
  const isSite = ['site_lead', 'practitioner', 'community_researcher'].includes(actor.role);
  const rows = await listMilestones(db, {
    networkId: actor.networkId,
    programmeId: filter.programmeId,
    states: filter.states,
    programmeIds,
    siteOrganisationId: isSite ? actor.organisationId : undefined,
  });
  return {
    milestones: rows.map(({ milestone, programmeName, siteName }) =>
      summarise(milestone, programmeName, siteName),
    ),
  };
}

function summarise(
  milestone: Awaited<ReturnType<typeof listMilestones>>[number]['milestone'],
  programmeName: string,
  siteName: string | null,
) {
  return {
    id: milestone.id,
    programmeId: milestone.programmeId,
    programmeName,
    title: milestone.title,
    siteId: milestone.siteOrganisationId,
    siteName,
    dueOn: milestone.dueOn,
    valuePence: milestone.valuePence,
    state: milestone.state,
    version: milestone.version,
  };
}

export async function getMilestoneView(db: Database, actor: ActingMember, id: string) {
  const milestone = await getMilestone(db, { networkId: actor.networkId, id });
  if (!milestone) throw new DomainError('not-found', 'That milestone was not found.', 'id');
  const programme = await requireProgramme(db, actor, milestone.programmeId);
  const [row] = await listMilestones(db, {
    networkId: actor.networkId,
    programmeId: programme.id,
  }).then((rows) => rows.filter((r) => r.milestone.id === milestone.id));
  const funders = await listProgrammeFunders(db, programme.id);
  return {
    ...summarise(milestone, programme.name, row?.siteName ?? null),
    evidenceRequired: milestone.evidenceRequired,
    delegationLimitPence: programme.delegationLimitPence,
    aboveDelegationLimit: isAboveDelegationLimit(
      milestone.valuePence,
      programme.delegationLimitPence,
    ),
    countersigners: funders.map((f) => f.name),
  };
}
