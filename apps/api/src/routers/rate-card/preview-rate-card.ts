import { z } from 'zod';
import { previewRateCard } from '../../services/rate-card-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';
import { ZCostPreview, ZProgrammeRef, ZRateCardDraft } from './schemas.ts';

const ZCount = z
  .number({ error: 'Enter a number of participants' })
  .int('Enter a whole number of participants')
  .min(0, 'Enter 0 or more participants');

/**
 * "What would this cost": the card (saved or not) priced on example numbers of participants
 * achieving each outcome, keyed by outcome code, with the contract cap applied and the split
 * between funders. A mutation only because a whole card can be too long for a URL: it changes
 * nothing and is not audited.
 */
export const previewRateCardProcedure = memberProcedure
  .input(
    ZProgrammeRef.extend({
      card: ZRateCardDraft,
      example: z.record(z.string(), ZCount),
      participants: ZCount.optional(),
    }),
  )
  .output(ZCostPreview)
  .use(authorize(programmeById))
  .mutation(({ ctx, input }) => previewRateCard(ctx.db, ctx.actor, input));
