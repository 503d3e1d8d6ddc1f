import { z } from 'zod';
import { listRuns } from '../../services/payment-run/payment-run-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZIsoDate } from './schemas.ts';

export const listPaymentRunsProcedure = memberProcedure
  .input(z.object({}).default({}))
  .output(
    z.object({
      runs: z.array(
        z.object({
          id: z.uuid(),
          dueBy: ZIsoDate,
          state: z.string(),
          version: z.number().int(),
          createdByName: z.string(),
          createdAt: z.iso.datetime(),
          processingDate: ZIsoDate.nullable(),
          totalPence: z.number().int(),
          lineCount: z.number().int(),
          excludedCount: z.number().int(),
        }),
      ),
    }),
  )
  .use(authorize(ownNetwork))
  .query(({ ctx }) => listRuns(ctx.db, ctx.actor));
