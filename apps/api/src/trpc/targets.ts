import {
  type Database,
  findInvitationById,
  findMembershipById,
  findOrganisationById,
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
