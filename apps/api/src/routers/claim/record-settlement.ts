import { ZIdempotencyKey } from '@coproduce/domain';
import { z } from 'zod';
import { recordClaimSettlement } from '../../services/claims/claim-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZClaimRef } from './schemas.ts';
import { claimById } from './target.ts';

/**
 * A funder has paid its statement: the finance officer records the bank reference. When every
 * funder has paid, the claim is settled. Exactly once per idempotency key.
 */
export const recordSettlementProcedure = memberProcedure
  .input(
    ZClaimRef.extend({
      funderOrganisationId: z.uuid({ error: 'Choose a funder' }),
      reference: z
        .string()
        .trim()
        .min(1, 'Enter the payment reference')
        .max(200, 'Keep the reference to 200 characters'),
      idempotencyKey: ZIdempotencyKey,
    }),
  )
  .output(
    z.object({
      state: z.string(),
      version: z.number().int(),
      outstandingStatements: z.number().int(),
    }),
  )
  .use(authorize(claimById))
  .mutation(({ ctx, input }) => recordClaimSettlement(ctx.db, ctx.actor, input));
