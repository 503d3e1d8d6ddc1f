import { router } from '../../trpc/init.ts';
import { listMembersProcedure } from './list-members.ts';

export const peopleRouter = router({ listMembers: listMembersProcedure });
