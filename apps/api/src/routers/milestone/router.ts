import { router } from '../../trpc/init.ts';
import { milestoneById } from '../../trpc/targets.ts';
import { workflowProcedures } from '../workflow-procedures.ts';
import { createMilestoneProcedure } from './create-milestone.ts';
import { getMilestoneProcedure } from './get-milestone.ts';
import { listMilestonesProcedure } from './list-milestones.ts';
import { updateMilestoneProcedure } from './update-milestone.ts';

export const milestoneRouter = router({
  create: createMilestoneProcedure,
  update: updateMilestoneProcedure,
  get: getMilestoneProcedure,
  list: listMilestonesProcedure,
  ...workflowProcedures('milestone', 'milestoneId', milestoneById, 'milestone'),
});
