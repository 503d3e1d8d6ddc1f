import { z } from 'zod';
import { describeSession, selectMembership } from '../../services/session-service.ts';
import { signedInProcedure } from '../../trpc/init.ts';
import { ZSessionView } from './schemas.ts';

export const selectMembershipProcedure = signedInProcedure
  .input(z.object({ membershipId: z.uuid({ error: 'Choose an organisation' }) }))
  .output(ZSessionView)
  .mutation(async ({ ctx, input }) => {
    const session = await selectMembership(ctx.db, ctx.session, input.membershipId);
    return describeSession(ctx.db, session);
  });
