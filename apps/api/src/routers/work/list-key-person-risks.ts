import { z } from 'zod';
import { keyPersonRisks } from '../../services/work-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';

export const listKeyPersonRisksProcedure = memberProcedure
  .input(z.object({}).optional())
  .output(
    z.object({
      risks: z.array(
        z.object({
          scope: z.enum(['network', 'site', 'programme']),
          name: z.string(),
          risk: z.string(),
          people: z.array(z.string()),
        }),
      ),
    }),
  )
  .use(authorize(ownNetwork))
  .query(({ ctx }) => keyPersonRisks(ctx.db, ctx.actor));
