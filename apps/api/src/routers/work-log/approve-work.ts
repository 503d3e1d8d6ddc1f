import { z } from 'zod';
import { approveWork } from '../../services/work-log-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZIdempotencyKey, ZReason, ZWorkLogState } from './schemas.ts';
import { workLogById } from './target.ts';

/**
 * The hub approves confirmed work (making its payable and charging the budget) or rejects it
 * with the reason. Refused, naming the check, unless the role was active with every check in
 * date on the day of the work.
 */
export const approveWorkProcedure = memberProcedure
  .input(
    z.object({
      workLogId: z.uuid({ error: 'That work log link is not valid' }),
      decision: z.enum(['approve', 'reject'], { error: 'Choose approve or reject' }),
      reason: ZReason.optional(),
      idempotencyKey: ZIdempotencyKey,
    }),
  )
  .output(
    z.object({
      workLogId: z.uuid(),
      state: ZWorkLogState,
      payableId: z.uuid().nullable(),
      amountPence: z.number().int().nullable(),
    }),
  )
  .use(authorize(workLogById))
  .mutation(({ ctx, input }) => approveWork(ctx.db, ctx.actor, input));
