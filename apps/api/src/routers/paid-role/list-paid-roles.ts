import { z } from 'zod';
import { listPaidRoleSummaries } from '../../services/paid-role-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZPaidRoleSummary } from './schemas.ts';

export const listPaidRolesProcedure = memberProcedure
  .input(z.object({ programmeId: z.uuid({ error: 'Choose a programme' }).optional() }).default({}))
  .output(z.object({ paidRoles: z.array(ZPaidRoleSummary) }))
  .use(authorize(ownNetwork))
  .query(({ ctx, input }) => listPaidRoleSummaries(ctx.db, ctx.actor, input));
