import { z } from 'zod';
import { listMilestoneSummaries } from '../../services/milestone-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZMilestoneSummary } from './schemas.ts';

export const listMilestonesProcedure = memberProcedure
  .input(
    z
      .object({
        programmeId: z.uuid({ error: 'Choose a programme' }).optional(),
        states: z
          .array(z.string().regex(/^[a-zA-Z]{2,30}$/, 'Choose a state from the list'))
          .max(10)
          .optional(),
      })
      .default({}),
  )
  .output(z.object({ milestones: z.array(ZMilestoneSummary) }))
  .use(authorize(ownNetwork))
  .query(({ ctx, input }) => listMilestoneSummaries(ctx.db, ctx.actor, input));
