import { ZPayBasis } from '@coproduce/domain';
import { z } from 'zod';
import { myWork } from '../../services/work-log-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZIsoDate } from '../workflow-schemas.ts';
import { ZWorkLog } from './schemas.ts';

/** A practitioner's paid roles and rates, the sessions they could log, and their logs. */
export const listMyWorkProcedure = memberProcedure
  .input(z.object({}).default({}))
  .output(
    z.object({
      roles: z.array(
        z.object({
          paidRoleId: z.uuid(),
          title: z.string(),
          programmeId: z.uuid(),
          programmeName: z.string(),
          siteId: z.uuid(),
          siteName: z.string(),
          state: z.string(),
          payBasis: ZPayBasis.nullable(),
          payRatePence: z.number().int().nullable(),
          canLog: z.boolean(),
        }),
      ),
      sessions: z.array(
        z.object({
          paidRoleId: z.uuid(),
          sessionId: z.uuid(),
          heldOn: ZIsoDate,
          kind: z.string(),
          title: z.string(),
          durationMinutes: z.number().int(),
          amountPence: z.number().int().nullable(),
        }),
      ),
      logs: z.array(ZWorkLog),
    }),
  )
  .use(authorize(ownNetwork))
  .query(({ ctx }) => myWork(ctx.db, ctx.actor));
