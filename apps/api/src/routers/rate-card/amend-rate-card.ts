import { ZIdempotencyKey } from '@coproduce/domain';
import { z } from 'zod';
import { amendRateCard } from '../../services/rate-card-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';
import { ZIsoDate } from '../workflow-schemas.ts';
import { ZProgrammeRef, ZRateCardDraft } from './schemas.ts';

/**
 * A new dated version of the rate card (the first one too). Refused when it would start on or
 * before the end of a claim period already computed: past claims never change.
 */
export const amendRateCardProcedure = memberProcedure
  .input(
    ZProgrammeRef.extend({
      effectiveFrom: ZIsoDate,
      reason: z.string().trim().max(2000, 'Keep the reason to 2,000 characters').default(''),
      card: ZRateCardDraft,
      idempotencyKey: ZIdempotencyKey.optional(),
    }),
  )
  .output(z.object({ versionId: z.uuid(), effectiveFrom: ZIsoDate }))
  .use(authorize(programmeById))
  .mutation(({ ctx, input }) => amendRateCard(ctx.db, ctx.actor, input));
