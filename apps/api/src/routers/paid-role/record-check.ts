import { ZPaidRoleCheckKind } from '@coproduce/domain';
import { z } from 'zod';
import { recordCheck } from '../../services/paid-role-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { paidRoleById } from '../../trpc/targets.ts';
import { ZIsoDate } from '../workflow-schemas.ts';

export const recordCheckProcedure = memberProcedure
  .input(
    z.object({
      paidRoleId: z.uuid(),
      kind: ZPaidRoleCheckKind,
      reference: z
        .string()
        .trim()
        .min(2, 'Enter what was checked, for example the certificate number')
        .max(200),
      expiresOn: ZIsoDate.nullable(),
    }),
  )
  .output(z.object({ checkId: z.uuid() }))
  .use(authorize(paidRoleById))
  .mutation(({ ctx, input }) => recordCheck(ctx.db, ctx.actor, input));
