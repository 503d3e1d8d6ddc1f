import { z } from 'zod';
import { uploadConfirmation } from '../../services/payment-run/payment-run-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZConfirmationResults, ZIdempotencyKey, ZRunId } from './schemas.ts';
import { paymentRunById } from './target.ts';

/**
 * The bank's confirmation as a CSV file: a header `reference,status,reason` (optionally
 * `bank_reference`), one row per payment, status `paid` or `failed`. Problems name row and column.
 */
export const uploadConfirmationProcedure = memberProcedure
  .input(
    z.object({
      runId: ZRunId,
      idempotencyKey: ZIdempotencyKey,
      fileName: z.string().trim().max(255).optional(),
      contentBase64: z
        .string({ error: 'Choose a file' })
        .min(1, 'Choose a file')
        .max(1_000_000, 'The selected file must be smaller than 700 KB')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file could not be read: upload it again'),
    }),
  )
  .output(ZConfirmationResults)
  .use(authorize(paymentRunById))
  .mutation(({ ctx, input }) => uploadConfirmation(ctx.db, ctx.actor, input));
