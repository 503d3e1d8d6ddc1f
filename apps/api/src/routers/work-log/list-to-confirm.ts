import { z } from 'zod';
import { workToConfirm } from '../../services/work-log-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZWorkLog } from './schemas.ts';

/** Work logged at the site lead's own site, waiting for confirmation. */
export const listToConfirmProcedure = memberProcedure
  .input(z.object({}).default({}))
  .output(z.object({ workLogs: z.array(ZWorkLog.extend({ isYours: z.boolean() })) }))
  .use(authorize(ownNetwork))
  .query(({ ctx }) => workToConfirm(ctx.db, ctx.actor));
