import { z } from 'zod';
import { revokeInvitationOf } from '../../services/invitation-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { invitationById } from '../../trpc/targets.ts';

export const revokeInvitationProcedure = memberProcedure
  .input(z.object({ invitationId: z.uuid({ error: 'Choose an invitation' }) }))
  .output(z.object({ revoked: z.literal(true) }))
  .use(authorize(invitationById))
  .mutation(({ ctx, input }) => revokeInvitationOf(ctx.db, ctx.actor, input.invitationId));
