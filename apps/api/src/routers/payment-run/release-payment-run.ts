import { z } from 'zod';
import { releasePaymentRun } from '../../services/payment-run/payment-run-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZIdempotencyKey, ZIsoDate, ZRunId, ZRunStep } from './schemas.ts';
import { paymentRunById } from './target.ts';

/** Releases an approved run: the Bacs file and CSV are made, in one transaction. */
export const releasePaymentRunProcedure = memberProcedure
  .input(z.object({ runId: ZRunId, idempotencyKey: ZIdempotencyKey }))
  .output(
    ZRunStep.extend({
      processingDate: ZIsoDate,
      fileSha256: z.string(),
      lineCount: z.number().int(),
      totalPence: z.number().int(),
      /** Lines held back at release (their payables are open again), with why. */
      held: z.array(z.object({ lineId: z.uuid(), payableId: z.uuid(), reason: z.string() })),
    }),
  )
  .use(authorize(paymentRunById))
  .mutation(({ ctx, input }) => releasePaymentRun(ctx.db, ctx.actor, input));
