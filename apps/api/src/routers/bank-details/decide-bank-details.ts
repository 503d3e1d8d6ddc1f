import { z } from 'zod';
import { decideBankDetails } from '../../services/bank-details/bank-details-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { bankDetailsById } from './target.ts';

/** A second person confirms or rejects a change: never the person who asked for it. */
export const decideBankDetailsProcedure = memberProcedure
  .input(
    z.object({
      bankDetailsId: z.uuid({ error: 'That change link is not valid' }),
      decision: z.enum(['confirm', 'reject'], { error: 'Choose confirm or reject' }),
    }),
  )
  .output(
    z.object({
      bankDetailsId: z.uuid(),
      payeeId: z.uuid(),
      status: z.enum(['confirmed', 'rejected']),
    }),
  )
  .use(authorize(bankDetailsById))
  .mutation(({ ctx, input }) => decideBankDetails(ctx.db, ctx.actor, input));
