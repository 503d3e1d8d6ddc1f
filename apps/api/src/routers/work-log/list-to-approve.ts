import { z } from 'zod';
import { workToApprove } from '../../services/work-log-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZWorkLog } from './schemas.ts';

/** Confirmed work for the hub, each with whether it can be paid and, if not, which check stops it. */
export const listToApproveProcedure = memberProcedure
  .input(z.object({}).default({}))
  .output(
    z.object({
      workLogs: z.array(
        ZWorkLog.extend({ payable: z.boolean(), notPayableBecause: z.string().nullable() }),
      ),
    }),
  )
  .use(authorize(ownNetwork))
  .query(({ ctx }) => workToApprove(ctx.db, ctx.actor));
