import { ZPayBasis, ZPence } from '@coproduce/domain';
import { z } from 'zod';
import { setPay } from '../../services/work-log-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { paidRoleById } from '../../trpc/targets.ts';

/** The hub coordinator sets how a paid role is paid: basis and rate in pence (audited). */
export const setPayProcedure = memberProcedure
  .input(
    z.object({
      paidRoleId: z.uuid({ error: 'That paid role link is not valid' }),
      basis: ZPayBasis,
      ratePence: ZPence.min(1, 'Enter a rate above £0'),
    }),
  )
  .output(z.object({ paidRoleId: z.uuid(), basis: ZPayBasis, ratePence: z.number().int() }))
  .use(authorize(paidRoleById))
  .mutation(({ ctx, input }) => setPay(ctx.db, ctx.actor, input));
