import { z } from 'zod';
import { needsMe } from '../../services/work-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';

export const listNeedsMeProcedure = memberProcedure
  .input(z.object({}).optional())
  .output(
    z.object({
      items: z.array(
        z.object({
          kind: z.string(),
          title: z.string(),
          detail: z.string(),
          path: z.string(),
          dueOn: z.iso.date().nullable(),
        }),
      ),
    }),
  )
  .use(authorize(ownNetwork))
  .query(({ ctx }) => needsMe(ctx.db, ctx.actor));
