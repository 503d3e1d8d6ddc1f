import { z } from 'zod';
import { reportBaselineCounts } from '../../services/programme-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';

const ZCount = z
  .number({ error: 'Enter a number' })
  .int('Enter a whole number')
  .min(0, 'Enter 0 or more')
  .max(1_000_000);

export const reportBaselineCountsProcedure = memberProcedure
  .input(
    z.object({
      programmeId: z.uuid(),
      siteId: z.uuid({ error: 'Choose a site' }),
      enrolled: ZCount,
      baselineRecorded: ZCount,
    }),
  )
  .output(z.object({ reported: z.literal(true) }))
  .use(authorize(programmeById))
  .mutation(({ ctx, input }) => reportBaselineCounts(ctx.db, ctx.actor, input));
