import { z } from 'zod';
import { createPaymentRun } from '../../services/payment-run/payment-run-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZExclusion, ZIdempotencyKey, ZIsoDate } from './schemas.ts';

/** A finance officer makes a run of every payable due by `dueBy` that can be paid now. */
export const createPaymentRunProcedure = memberProcedure
  .input(z.object({ dueBy: ZIsoDate, idempotencyKey: ZIdempotencyKey }))
  .output(
    z.object({
      runId: z.uuid(),
      state: z.string(),
      version: z.number().int(),
      lineCount: z.number().int(),
      totalPence: z.number().int(),
      exclusions: z.array(ZExclusion),
    }),
  )
  .use(authorize(ownNetwork))
  .mutation(({ ctx, input }) => createPaymentRun(ctx.db, ctx.actor, input));
