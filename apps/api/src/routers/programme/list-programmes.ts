import { PROGRAMME_STAGES } from '@coproduce/workflow';
import { z } from 'zod';
import { listProgrammeSummaries } from '../../services/programme-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZProgrammeSummary } from './schemas.ts';

export const listProgrammesProcedure = memberProcedure
  .input(
    z
      .object({
        stage: z.enum(PROGRAMME_STAGES, { error: 'Choose a stage from the list' }).optional(),
        siteId: z.uuid({ error: 'Choose a site' }).optional(),
        commissionerId: z.uuid({ error: 'Choose a commissioner' }).optional(),
        overdue: z.boolean().optional(),
      })
      .default({}),
  )
  .output(z.object({ programmes: z.array(ZProgrammeSummary) }))
  .use(authorize(ownNetwork))
  .query(({ ctx, input }) => listProgrammeSummaries(ctx.db, ctx.actor, input));
