import { z } from 'zod';
import { updatePaidRole } from '../../services/paid-role-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { paidRoleById } from '../../trpc/targets.ts';
import { ZRoleTitle } from './schemas.ts';

export const updatePaidRoleProcedure = memberProcedure
  .input(
    z.object({
      paidRoleId: z.uuid(),
      expectedVersion: z.number().int().positive(),
      title: ZRoleTitle,
    }),
  )
  .output(z.object({ id: z.uuid(), version: z.number().int() }))
  .use(authorize(paidRoleById))
  .mutation(({ ctx, input }) =>
    updatePaidRole(ctx.db, ctx.actor, { ...input, id: input.paidRoleId }),
  );
