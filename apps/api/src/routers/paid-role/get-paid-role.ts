import { z } from 'zod';
import { getPaidRoleView } from '../../services/paid-role-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { paidRoleById } from '../../trpc/targets.ts';
import { ZPaidRoleSummary } from './schemas.ts';

export const getPaidRoleProcedure = memberProcedure
  .input(z.object({ paidRoleId: z.uuid({ error: 'That paid role link is not valid' }) }))
  .output(ZPaidRoleSummary)
  .use(authorize(paidRoleById))
  .query(({ ctx, input }) => getPaidRoleView(ctx.db, ctx.actor, input.paidRoleId));
