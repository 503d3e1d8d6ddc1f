import { ZRole } from '@coproduce/domain';
import { z } from 'zod';
import { previewInvitation } from '../../services/invitation-service.ts';
import { publicProcedure } from '../../trpc/init.ts';

export const ZInvitationToken = z
  .string()
  .trim()
  .min(20, 'The invitation link is incomplete')
  .max(200, 'The invitation link is not valid');

export const previewInvitationProcedure = publicProcedure
  .input(z.object({ token: ZInvitationToken }))
  .output(
    z.object({
      email: z.string(),
      role: ZRole,
      organisationName: z.string(),
      networkName: z.string(),
      status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
      accountExists: z.boolean(),
    }),
  )
  .query(({ ctx, input }) => previewInvitation(ctx.db, input.token));
