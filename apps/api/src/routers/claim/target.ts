import { findClaimById, findProgrammeById, listProgrammeFunders } from '@coproduce/db';
import type { TargetResolver } from '../../trpc/init.ts';

/** A claim involves its programme's hub and co-funders (never its sites). */
export const claimById: TargetResolver = async (db, input) => {
  const id = (input as Record<string, unknown>).claimId;
  const claim = typeof id === 'string' ? await findClaimById(db, id) : undefined;
  const programme = claim && (await findProgrammeById(db, claim.programmeId));
  if (!claim || !programme) return null;
  const funders = await listProgrammeFunders(db, programme.id);
  return {
    networkId: claim.networkId,
    organisationIds: [programme.hubOrganisationId, ...funders.map((f) => f.organisationId)],
  };
};

/**
 * One funder's statement involves the hub and that funder only, so a co-funder never reads
 * another's. A funder that does not fund the claim's programme reads as not found.
 */
export const claimStatementTarget: TargetResolver = async (db, input) => {
  const { claimId, funderOrganisationId } = input as Record<string, unknown>;
  if (typeof claimId !== 'string' || typeof funderOrganisationId !== 'string') return null;
  const claim = await findClaimById(db, claimId);
  const programme = claim && (await findProgrammeById(db, claim.programmeId));
  if (!claim || !programme) return null;
  const funders = await listProgrammeFunders(db, programme.id);
  if (!funders.some((f) => f.organisationId === funderOrganisationId)) return null;
  return {
    networkId: claim.networkId,
    organisationIds: [programme.hubOrganisationId, funderOrganisationId],
  };
};
