import { z } from 'zod';
import { exportSubjectAccess } from '../../services/participant-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { participantById } from '../../trpc/targets.ts';

/** Everything held about one participant, as one machine-readable document. */
export const exportSubjectAccessProcedure = memberProcedure
  .input(z.object({ participantId: z.uuid() }))
  .use(authorize(participantById))
  .mutation(({ ctx, input }) => exportSubjectAccess(ctx.db, ctx.actor, input.participantId));
