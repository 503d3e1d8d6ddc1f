import { z } from 'zod';
import { createMilestone } from '../../services/milestone-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';
import { ZMilestoneFields } from './schemas.ts';

export const createMilestoneProcedure = memberProcedure
  .input(ZMilestoneFields.extend({ programmeId: z.uuid() }))
  .output(z.object({ id: z.uuid(), version: z.number().int() }))
  .use(authorize(programmeById))
  .mutation(({ ctx, input }) => createMilestone(ctx.db, ctx.actor, input));
