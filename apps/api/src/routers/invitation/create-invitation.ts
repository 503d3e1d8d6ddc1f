import { ZEmail, ZRole } from '@coproduce/domain';
import { z } from 'zod';
import { createInvitation } from '../../services/invitation-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { organisationById } from '../../trpc/targets.ts';

export const createInvitationProcedure = memberProcedure
  .input(
    z.object({
      organisationId: z.uuid({ error: 'Choose an organisation' }),
      email: ZEmail,
      role: ZRole,
    }),
  )
  .output(z.object({ invitationId: z.uuid(), expiresAt: z.iso.datetime() }))
  .use(authorize(organisationById))
  .mutation(({ ctx, input }) => createInvitation(ctx, ctx.actor, input));
