import { PROGRAMME_STAGES } from '@coproduce/workflow';
import { z } from 'zod';
import { ZPageLimit, zCursor } from '../../services/keyset-page.ts';
import { listProgrammeSummaries } from '../../services/programme-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZProgrammeSummary } from './schemas.ts';

/** The programmes this person may see, by name then id, a page at a time. */
export const listProgrammesProcedure = memberProcedure
  .input(
    z
      .object({
        stage: z.enum(PROGRAMME_STAGES, { error: 'Choose a stage from the list' }).optional(),
        siteId: z.uuid({ error: 'Choose a site' }).optional(),
        commissionerId: z.uuid({ error: 'Choose a commissioner' }).optional(),
        overdue: z.boolean().optional(),
        /** The previous page's `nextCursor`. */
        cursor: zCursor(z.tuple([z.string(), z.uuid()])).optional(),
        limit: ZPageLimit,
      })
      .default({ limit: 50 }),
  )
  .output(z.object({ programmes: z.array(ZProgrammeSummary), nextCursor: z.string().nullable() }))
  .use(authorize(ownNetwork))
  .query(({ ctx, input }) =>
    listProgrammeSummaries(ctx.db, ctx.actor, { ...input, after: input.cursor }),
  );
