import { z } from 'zod';
import { pendingBankDetails } from '../../services/bank-details/bank-details-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';

/** Bank-detail changes waiting for a second person; `canDecide` is false for the caller's own. */
export const listPendingBankDetailsProcedure = memberProcedure
  .input(z.object({}).default({}))
  .output(
    z.object({
      changes: z.array(
        z.object({
          bankDetailsId: z.uuid(),
          payeeId: z.uuid(),
          payeeName: z.string(),
          accountEnding: z.string(),
          currentAccountEnding: z.string().nullable(),
          requestedByName: z.string(),
          requestedAt: z.iso.datetime(),
          canDecide: z.boolean(),
        }),
      ),
    }),
  )
  .use(authorize(ownNetwork))
  .query(({ ctx }) => pendingBankDetails(ctx.db, ctx.actor));
