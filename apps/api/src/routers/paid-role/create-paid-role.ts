import { z } from 'zod';
import { createPaidRole } from '../../services/paid-role-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';
import { ZRoleTitle } from './schemas.ts';

export const createPaidRoleProcedure = memberProcedure
  .input(
    z.object({
      programmeId: z.uuid(),
      siteId: z.uuid({ error: 'Choose a site' }),
      title: ZRoleTitle,
    }),
  )
  .output(z.object({ id: z.uuid(), version: z.number().int() }))
  .use(authorize(programmeById))
  .mutation(({ ctx, input }) => createPaidRole(ctx.db, ctx.actor, input));
