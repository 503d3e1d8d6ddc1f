import { router } from '../../trpc/init.ts';
import { getMe } from './get-me.ts';
import { selectMembershipProcedure } from './select-membership.ts';

export const sessionRouter = router({
  me: getMe,
  selectMembership: selectMembershipProcedure,
});
