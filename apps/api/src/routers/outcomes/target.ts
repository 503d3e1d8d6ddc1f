import { findProgrammeById, isProgrammeSite, listProgrammeFunders } from '@coproduce/db';
import type { TargetResolver } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';

/**
 * A programme's report involves the programme's organisations; limited to one site, it involves
 * the hub, that site and the co-funders, so a site sees its own figures and the programme's, not
 * a neighbour's. A site that is not the programme's reads as not found.
 */
export const programmeReportTarget: TargetResolver = async (db, input, actor) => {
  const { programmeId, siteId } = input as { programmeId?: unknown; siteId?: unknown };
  if (typeof siteId !== 'string') return programmeById(db, input, actor);
  if (typeof programmeId !== 'string') return null;
  const programme = await findProgrammeById(db, programmeId);
  if (!programme || !(await isProgrammeSite(db, { programmeId, siteId }))) return null;
  const funders = await listProgrammeFunders(db, programme.id);
  return {
    networkId: programme.networkId,
    organisationIds: [programme.hubOrganisationId, siteId, ...funders.map((f) => f.organisationId)],
  };
};
