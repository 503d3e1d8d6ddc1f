import { z } from 'zod';
import { listPayables } from '../../services/payables-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZIsoDate } from '../workflow-schemas.ts';

const ZCursor = z.object({ dueOn: ZIsoDate, id: z.uuid() });

/**
 * What the hub owes, by due date then id, a page at a time (`after` is the previous page's
 * `next`). `open`: not yet paid (in a run or not); `paid`: paid; `all`: both.
 */
export const listPayablesProcedure = memberProcedure
  .input(
    z
      .object({
        status: z.enum(['open', 'paid', 'all']).default('open'),
        after: ZCursor.optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .default({ status: 'open' }),
  )
  .output(
    z.object({
      payables: z.array(
        z.object({
          id: z.uuid(),
          programmeId: z.uuid(),
          programmeName: z.string(),
          payeeId: z.uuid(),
          payeeName: z.string(),
          amountPence: z.number().int(),
          dueOn: ZIsoDate,
          description: z.string(),
          source: z.object({ kind: z.enum(['milestone', 'workLog']), id: z.uuid() }),
          /** `inRun`: in a live payment run, not yet confirmed paid. */
          status: z.enum(['open', 'inRun', 'paid']),
          paidOn: ZIsoDate.nullable(),
          runId: z.uuid().nullable(),
          runState: z.string().nullable(),
          raisedAt: z.iso.datetime(),
        }),
      ),
      next: ZCursor.nullable(),
    }),
  )
  .use(authorize(ownNetwork))
  .query(({ ctx, input }) => listPayables(ctx.db, ctx.actor, input));
