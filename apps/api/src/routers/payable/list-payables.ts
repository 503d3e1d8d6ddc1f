import { z } from 'zod';
import { ZPageLimit, zCursor } from '../../services/keyset-page.ts';
import { listPayables } from '../../services/payables-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZIsoDate } from '../workflow-schemas.ts';

/**
 * What the hub owes, by due date then id, a page at a time (`cursor` is the previous page's
 * `nextCursor`). `open`: not yet paid (in a run or not); `paid`: paid; `all`: both.
 */
export const listPayablesProcedure = memberProcedure
  .input(
    z
      .object({
        status: z.enum(['open', 'paid', 'all']).default('open'),
        cursor: zCursor(z.tuple([ZIsoDate, z.uuid()])).optional(),
        limit: ZPageLimit,
      })
      .default({ status: 'open', limit: 50 }),
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
      nextCursor: z.string().nullable(),
    }),
  )
  .use(authorize(ownNetwork))
  .query(({ ctx, input }) =>
    listPayables(ctx.db, ctx.actor, {
      status: input.status,
      after: input.cursor ? { dueOn: input.cursor[0], id: input.cursor[1] } : undefined,
      limit: input.limit,
    }),
  );
