import { z } from 'zod';
import { DEFAULT_LINES_PAGE, getClaimView } from '../../services/claims/claim-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZClaimRef, ZClaimView } from './schemas.ts';
import { claimById } from './target.ts';

/**
 * One claim: a page of its lines with every reduction's reason (500 by default, in claim order),
 * the whole sample as a checklist, statements and history.
 */
export const getClaimProcedure = memberProcedure
  .input(
    ZClaimRef.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(DEFAULT_LINES_PAGE),
    }),
  )
  .output(ZClaimView)
  .use(authorize(claimById))
  .query(({ ctx, input }) =>
    getClaimView(ctx.db, ctx.actor, input.claimId, { offset: input.offset, limit: input.limit }),
  );
