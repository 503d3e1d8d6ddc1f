import { ZRole } from '@coproduce/domain';
import { z } from 'zod';
import { listOrganisationInvitations } from '../../services/invitation-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { organisationById } from '../../trpc/targets.ts';

export const listInvitationsProcedure = memberProcedure
  .input(z.object({ organisationId: z.uuid({ error: 'Choose an organisation' }) }))
  .output(
    z.object({
      invitations: z.array(
        z.object({
          id: z.uuid(),
          email: z.string(),
          role: ZRole,
          invitedByName: z.string(),
          createdAt: z.iso.datetime(),
          expiresAt: z.iso.datetime(),
          status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
        }),
      ),
    }),
  )
  .use(authorize(organisationById))
  .query(({ ctx, input }) => listOrganisationInvitations(ctx.db, ctx.actor, input.organisationId));
