import { z } from 'zod';
import { enrolParticipant } from '../../services/participant-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { siteById } from '../../trpc/targets.ts';
import { ZEnrolment } from './schemas.ts';

export const enrolParticipantProcedure = memberProcedure
  .input(
    z.object({
      programmeId: z.uuid({ error: 'Choose a programme' }),
      siteId: z.uuid({ error: 'Choose a site' }),
      enrolment: ZEnrolment,
    }),
  )
  .output(z.object({ participantId: z.uuid(), code: z.string() }))
  .use(authorize(siteById))
  .mutation(({ ctx, input }) => enrolParticipant(ctx.db, ctx.actor, input));
