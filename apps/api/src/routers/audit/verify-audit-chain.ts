import { z } from 'zod';
import { verifyNetworkChain } from '../../services/audit-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';

export const verifyAuditChainProcedure = memberProcedure
  .input(z.object({}).optional())
  .output(
    z.object({
      intact: z.boolean(),
      entriesChecked: z.number().int(),
      firstBroken: z
        .object({
          seq: z.number().int(),
          at: z.iso.datetime(),
          action: z.string(),
          reason: z.string(),
        })
        .nullable(),
    }),
  )
  .use(authorize(ownNetwork))
  .mutation(({ ctx }) => verifyNetworkChain(ctx.db, ctx.actor));
