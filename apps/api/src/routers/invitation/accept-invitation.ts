import { ZPassword, ZPersonName } from '@coproduce/domain';
import { z } from 'zod';
import { acceptInvitation } from '../../services/invitation-service.ts';
import { publicProcedure } from '../../trpc/init.ts';
import { ZInvitationToken } from './preview-invitation.ts';

export const acceptInvitationProcedure = publicProcedure
  .input(z.object({ token: ZInvitationToken, name: ZPersonName.optional(), password: ZPassword }))
  .output(z.object({ email: z.string() }))
  .mutation(({ ctx, input }) => acceptInvitation(ctx, input));
