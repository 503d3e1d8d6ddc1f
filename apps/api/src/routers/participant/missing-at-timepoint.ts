import { z } from 'zod';
import { missingAtTimepoint } from '../../services/participant-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { siteById } from '../../trpc/targets.ts';

/** A collection round's chase list: who is due at a timepoint and has not been seen. */
export const missingAtTimepointProcedure = memberProcedure
  .input(
    z.object({
      programmeId: z.uuid({ error: 'Choose a programme' }),
      siteId: z.uuid({ error: 'Choose a site' }),
      timepointCode: z.string({ error: 'Choose a timepoint' }).min(1).max(40),
    }),
  )
  .output(
    z.array(
      z.object({
        participantId: z.uuid(),
        code: z.string(),
        name: z.string().nullable(),
        windowOpens: z.string(),
        windowCloses: z.string().nullable(),
        overdue: z.boolean(),
      }),
    ),
  )
  .use(authorize(siteById))
  .query(({ ctx, input }) => missingAtTimepoint(ctx.db, ctx.actor, input));
