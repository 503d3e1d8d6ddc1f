import { z } from 'zod';
import { getMilestoneView } from '../../services/milestone-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { milestoneById } from '../../trpc/targets.ts';
import { ZMilestoneSummary } from './schemas.ts';

export const getMilestoneProcedure = memberProcedure
  .input(z.object({ milestoneId: z.uuid({ error: 'That milestone link is not valid' }) }))
  .output(
    ZMilestoneSummary.extend({
      evidenceRequired: z.string(),
      delegationLimitPence: z.number().int(),
      aboveDelegationLimit: z.boolean(),
      countersigners: z.array(z.string()),
    }),
  )
  .use(authorize(milestoneById))
  .query(({ ctx, input }) => getMilestoneView(ctx.db, ctx.actor, input.milestoneId));
