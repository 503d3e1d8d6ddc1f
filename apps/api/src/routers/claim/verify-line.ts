import { z } from 'zod';
import { verifyClaimLine } from '../../services/claims/claim-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZClaimRef } from './schemas.ts';
import { claimById } from './target.ts';

/** Records the check of one sampled line against its evidence; a failed line drops out. */
export const verifyLineProcedure = memberProcedure
  .input(
    ZClaimRef.extend({
      lineId: z.uuid({ error: 'That line link is not valid' }),
      result: z.enum(['passed', 'failed'], { error: 'Choose passed or failed' }),
      note: z.string().trim().max(2000, 'Keep the note to 2,000 characters').default(''),
    }),
  )
  .output(
    z.object({
      lineId: z.uuid(),
      verification: z.enum(['passed', 'failed']),
      live: z.boolean(),
      totalPence: z.number().int(),
    }),
  )
  .use(authorize(claimById))
  .mutation(({ ctx, input }) => verifyClaimLine(ctx.db, ctx.actor, input));
