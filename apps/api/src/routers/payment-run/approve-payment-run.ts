import { z } from 'zod';
import { approvePaymentRun } from '../../services/payment-run/payment-run-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZIdempotencyKey, ZRunId, ZRunStep } from './schemas.ts';
import { paymentRunById } from './target.ts';

/** A finance officer or hub approver who did not create the run approves it with a fresh code. */
export const approvePaymentRunProcedure = memberProcedure
  .input(
    z.object({
      runId: ZRunId,
      expectedVersion: z.number().int().positive().optional(),
      totpCode: z
        .string({ error: 'Enter the code from your authenticator app' })
        .trim()
        .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app'),
      idempotencyKey: ZIdempotencyKey,
    }),
  )
  .output(ZRunStep)
  .use(authorize(paymentRunById))
  .mutation(({ ctx, input }) => approvePaymentRun(ctx.db, ctx.auth, ctx.actor, input));
