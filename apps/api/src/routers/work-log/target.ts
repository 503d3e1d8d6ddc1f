import { findPaidRoleById, findWorkLogById } from '@coproduce/db';
import type { TargetResolver } from '../../trpc/init.ts';

/** A work log belongs to its role's site: site leads reach their own site's, the hub all. */
export const workLogById: TargetResolver = async (db, input) => {
  const id = (input as { workLogId?: unknown }).workLogId;
  const log = typeof id === 'string' ? await findWorkLogById(db, id) : undefined;
  const role = log && (await findPaidRoleById(db, log.paidRoleId));
  return log && role
    ? { networkId: log.networkId, organisationIds: [role.siteOrganisationId] }
    : null;
};
