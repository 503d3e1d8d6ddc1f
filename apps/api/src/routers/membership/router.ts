import { router } from '../../trpc/init.ts';
import { grantMembershipProcedure } from './grant-membership.ts';
import { revokeMembershipProcedure } from './revoke-membership.ts';

export const membershipRouter = router({
  grant: grantMembershipProcedure,
  revoke: revokeMembershipProcedure,
});
