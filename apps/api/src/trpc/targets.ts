import {
  type Database,
  findDeliverySessionById,
  findInvitationById,
  findMembershipById,
  findMilestoneById,
  findOrganisationById,
  findPaidRoleById,
  findParticipantById,
  findProgrammeById,
  findResponseById,
  listProgrammeFunders,
  programmeOrganisationIds,
} from '@coproduce/db';
import type { Target } from '@coproduce/domain';
import type { TargetResolver } from './init.ts';

/** Reads `field` of the parsed input as the id of an object that `find` locates. */
function byInputId(
  field: string,
  find: (
    db: Database,
    id: string,
  ) => Promise<{ networkId: string; organisationId: string; id: string } | undefined>,
): TargetResolver {
  return async (db, input) => {
    const id = (input as Record<string, unknown>)[field];
    if (typeof id !== 'string') return null;
    const found = await find(db, id);
    return found ? { networkId: found.networkId, organisationIds: [found.organisationId] } : null;
  };
}

/** The caller's own network as a whole (lists and reports across it). */
export const ownNetwork: TargetResolver = async (_db, _input, actor): Promise<Target> => ({
  networkId: actor.networkId,
  organisationIds: [],
});

export const organisationById = byInputId('organisationId', async (db, id) => {
  const organisation = await findOrganisationById(db, id);
  return organisation && { ...organisation, organisationId: organisation.id };
});

export const membershipById = byInputId('membershipId', findMembershipById);

export const invitationById = byInputId('invitationId', findInvitationById);

/** A programme involves its hub, its sites and its co-funders. */
export const programmeById: TargetResolver = async (db, input) => {
  const id = (input as Record<string, unknown>).programmeId;
  if (typeof id !== 'string') return null;
  const programme = await findProgrammeById(db, id);
  return programme
    ? {
        networkId: programme.networkId,
        organisationIds: await programmeOrganisationIds(db, programme),
      }
    : null;
};

/** A milestone or paid role involves the hub, its own site (not the programme's other sites) and the co-funders. */
async function siteWorkTarget(
  db: Database,
  row: { networkId: string; programmeId: string; siteOrganisationId: string | null },
): Promise<Target | null> {
  const programme = await findProgrammeById(db, row.programmeId);
  if (!programme) return null;
  const funders = await listProgrammeFunders(db, programme.id);
  return {
    networkId: row.networkId,
    organisationIds: [
      programme.hubOrganisationId,
      ...(row.siteOrganisationId ? [row.siteOrganisationId] : []),
      ...funders.map((f) => f.organisationId),
    ],
  };
}

export const milestoneById: TargetResolver = async (db, input) => {
  const id = (input as Record<string, unknown>).milestoneId;
  const milestone = typeof id === 'string' ? await findMilestoneById(db, id) : undefined;
  return milestone ? siteWorkTarget(db, milestone) : null;
};

export const paidRoleById: TargetResolver = async (db, input) => {
  const id = (input as Record<string, unknown>).paidRoleId;
  const role = typeof id === 'string' ? await findPaidRoleById(db, id) : undefined;
  return role ? siteWorkTarget(db, role) : null;
};

/** A site's own records (participants, sessions, questionnaires): only that site is involved. */
export const siteById = byInputId('siteId', async (db, id) => {
  const organisation = await findOrganisationById(db, id);
  return organisation?.kind === 'site'
    ? { ...organisation, organisationId: organisation.id }
    : undefined;
});

const siteRecord =
  (
    find: (
      db: Database,
      id: string,
    ) => Promise<{ networkId: string; siteOrganisationId: string; id: string } | undefined>,
  ) =>
  (db: Database, id: string) =>
    find(db, id).then((row) => row && { ...row, organisationId: row.siteOrganisationId });

export const participantById = byInputId('participantId', siteRecord(findParticipantById));

export const deliverySessionById = byInputId('sessionId', siteRecord(findDeliverySessionById));

export const questionnaireById = byInputId('responseId', siteRecord(findResponseById));
