import { z } from 'zod';
import { recordConfirmation } from '../../services/payment-run/payment-run-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZConfirmationResults, ZIdempotencyKey, ZRunId } from './schemas.ts';
import { paymentRunById } from './target.ts';

/** The bank's confirmation typed in: each line paid (with the bank's reference) or failed. */
export const recordConfirmationProcedure = memberProcedure
  .input(
    z.object({
      runId: ZRunId,
      idempotencyKey: ZIdempotencyKey,
      lines: z
        .array(
          z.discriminatedUnion('outcome', [
            z.object({
              lineId: z.uuid(),
              outcome: z.literal('paid'),
              bankReference: z
                .string()
                .trim()
                .min(1, 'Enter the bank’s reference')
                .max(100, 'The bank’s reference must be 100 characters or fewer'),
            }),
            z.object({
              lineId: z.uuid(),
              outcome: z.literal('failed'),
              reason: z
                .string()
                .trim()
                .min(1, 'Say why the bank did not pay it')
                .max(500, 'Keep the reason to 500 characters'),
            }),
          ]),
        )
        .min(1, 'Choose at least one payment')
        .max(20_000),
    }),
  )
  .output(ZConfirmationResults)
  .use(authorize(paymentRunById))
  .mutation(({ ctx, input }) => recordConfirmation(ctx.db, ctx.actor, input));
