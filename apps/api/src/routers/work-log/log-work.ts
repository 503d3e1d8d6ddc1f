import { z } from 'zod';
import { logWork } from '../../services/work-log-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { paidRoleById } from '../../trpc/targets.ts';
import { ZIdempotencyKey, ZLoggedWork, ZWorkLogState } from './schemas.ts';

/** A practitioner logs a session they delivered, or a month, under a role they hold. */
export const logWorkProcedure = memberProcedure
  .input(
    z.object({
      paidRoleId: z.uuid({ error: 'Choose your role' }),
      work: ZLoggedWork,
      idempotencyKey: ZIdempotencyKey,
    }),
  )
  .output(z.object({ workLogId: z.uuid(), state: ZWorkLogState }))
  .use(authorize(paidRoleById))
  .mutation(({ ctx, input }) => logWork(ctx.db, ctx.actor, input));
