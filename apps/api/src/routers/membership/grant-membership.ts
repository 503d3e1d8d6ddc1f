import { ZRole } from '@coproduce/domain';
import { z } from 'zod';
import { grantMembership } from '../../services/membership-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { organisationById } from '../../trpc/targets.ts';

export const grantMembershipProcedure = memberProcedure
  .input(
    z.object({
      organisationId: z.uuid({ error: 'Choose an organisation' }),
      personId: z.uuid({ error: 'Choose a person' }),
      role: ZRole,
    }),
  )
  .output(z.object({ membershipId: z.uuid() }))
  .use(authorize(organisationById))
  .mutation(({ ctx, input }) => grantMembership(ctx.db, ctx.actor, input));
