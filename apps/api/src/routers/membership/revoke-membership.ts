import { z } from 'zod';
import { revokeMembershipOf } from '../../services/membership-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { membershipById } from '../../trpc/targets.ts';

export const revokeMembershipProcedure = memberProcedure
  .input(z.object({ membershipId: z.uuid({ error: 'Choose a membership' }) }))
  .output(z.object({ revoked: z.literal(true) }))
  .use(authorize(membershipById))
  .mutation(({ ctx, input }) => revokeMembershipOf(ctx.db, ctx.actor, input.membershipId));
