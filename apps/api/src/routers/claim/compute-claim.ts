import { ZIdempotencyKey } from '@coproduce/domain';
import { z } from 'zod';
import { computeProgrammeClaim } from '../../services/claims/compute.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';
import { ZIsoDate } from '../workflow-schemas.ts';

/**
 * Computes a programme's outcomes claim for a period from the evidence and the rate card, with a
 * recorded verification sample; the claim starts in verification. Exactly once per key.
 */
export const computeClaimProcedure = memberProcedure
  .input(
    z
      .object({
        programmeId: z.uuid({ error: 'That programme link is not valid' }),
        periodStart: ZIsoDate,
        periodEnd: ZIsoDate,
        idempotencyKey: ZIdempotencyKey,
        samplePercent: z
          .number({ error: 'Enter a percentage' })
          .int('Enter a whole percentage')
          .min(1, 'Sample at least 1%')
          .max(100, 'Sample at most 100%')
          .optional(),
        sampleMinimum: z
          .number({ error: 'Enter a number of participants' })
          .int('Enter a whole number of participants')
          .min(1, 'Sample at least 1 participant')
          .max(10_000, 'Sample at most 10,000 participants')
          .optional(),
      })
      .refine((p) => p.periodStart <= p.periodEnd, {
        path: ['periodEnd'],
        message: 'The period must end on or after the day it starts',
      }),
  )
  .output(
    z.object({
      claimId: z.uuid(),
      state: z.string(),
      version: z.number().int(),
      totalPence: z.number().int(),
      lineCount: z.number().int(),
      clawbackCount: z.number().int(),
      sampledParticipants: z.number().int(),
    }),
  )
  .use(authorize(programmeById))
  .mutation(({ ctx, input }) => computeProgrammeClaim(ctx.db, ctx.actor, input));
