import { z } from 'zod';
import { cancelPaymentRun } from '../../services/payment-run/payment-run-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZRunId, ZRunStep } from './schemas.ts';
import { paymentRunById } from './target.ts';

/** Cancels a run before release; its payables can join a later run. */
export const cancelPaymentRunProcedure = memberProcedure
  .input(
    z.object({
      runId: ZRunId,
      reason: z
        .string({ error: 'Say why you are cancelling this run' })
        .trim()
        .min(1, 'Say why you are cancelling this run')
        .max(2000, 'Keep the reason to 2,000 characters'),
    }),
  )
  .output(ZRunStep)
  .use(authorize(paymentRunById))
  .mutation(({ ctx, input }) => cancelPaymentRun(ctx.db, ctx.actor, input));
