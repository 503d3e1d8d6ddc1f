import { z } from 'zod';
import { programmeMoney } from '../../services/ledger-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';

const ZFigures = z.object({
  budgetPence: z.number().int(),
  committedPence: z.number().int(),
  paidPence: z.number().int(),
  availablePence: z.number().int(),
  outstandingPence: z.number().int(),
  claimedPence: z.number().int(),
  receivedPence: z.number().int(),
});

/**
 * Budget vs committed vs paid for a programme, in total and per co-funder, from the ledger:
 * budget = the funders' commitments; committed = payables raised; paid = payments confirmed;
 * claimed/received = outcome claims approved and settled.
 */
export const programmeMoneyProcedure = memberProcedure
  .input(z.object({ programmeId: z.uuid({ error: 'That programme link is not valid' }) }))
  .output(
    z.object({
      programmeId: z.uuid(),
      plannedBudgetPence: z.number().int(),
      totals: ZFigures,
      funders: z.array(
        ZFigures.extend({
          organisationId: z.uuid(),
          name: z.string(),
          shareBasisPoints: z.number().int(),
          plannedBudgetPence: z.number().int(),
        }),
      ),
    }),
  )
  .use(authorize(programmeById))
  .query(({ ctx, input }) => programmeMoney(ctx.db, input.programmeId));
