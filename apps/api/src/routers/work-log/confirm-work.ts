import { z } from 'zod';
import { confirmWork } from '../../services/work-log-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZReason, ZWorkLogState } from './schemas.ts';
import { workLogById } from './target.ts';

/** A site lead (never the practitioner) confirms the work, or rejects it with the reason. */
export const confirmWorkProcedure = memberProcedure
  .input(
    z.object({
      workLogId: z.uuid({ error: 'That work log link is not valid' }),
      decision: z.enum(['confirm', 'reject'], { error: 'Choose confirm or reject' }),
      reason: ZReason.optional(),
    }),
  )
  .output(z.object({ workLogId: z.uuid(), state: ZWorkLogState }))
  .use(authorize(workLogById))
  .mutation(({ ctx, input }) => confirmWork(ctx.db, ctx.actor, input));
