import { z } from 'zod';
import { updateMilestone } from '../../services/milestone-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { milestoneById } from '../../trpc/targets.ts';
import { ZMilestoneFields } from './schemas.ts';

export const updateMilestoneProcedure = memberProcedure
  .input(
    ZMilestoneFields.extend({
      milestoneId: z.uuid(),
      expectedVersion: z.number().int().positive(),
    }),
  )
  .output(z.object({ id: z.uuid(), version: z.number().int() }))
  .use(authorize(milestoneById))
  .mutation(({ ctx, input }) =>
    updateMilestone(ctx.db, ctx.actor, { ...input, id: input.milestoneId }),
  );
