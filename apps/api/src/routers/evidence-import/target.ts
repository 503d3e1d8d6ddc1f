import { findProgrammeById, sitesAndFundersOf } from '@coproduce/db';
import type { TargetResolver } from '../../trpc/init.ts';

/**
 * A site's evidence for one programme: only that site is involved, and only if it runs the
 * programme (anything else reads as not found).
 */
export const programmeSite: TargetResolver = async (db, input) => {
  const { programmeId, siteId } = input as { programmeId?: unknown; siteId?: unknown };
  if (typeof programmeId !== 'string' || typeof siteId !== 'string') return null;
  const programme = await findProgrammeById(db, programmeId);
  if (!programme) return null;
  const { sites } = await sitesAndFundersOf(db, [programme.id]);
  if (!sites.some((site) => site.organisationId === siteId)) return null;
  return { networkId: programme.networkId, organisationIds: [siteId] };
};
