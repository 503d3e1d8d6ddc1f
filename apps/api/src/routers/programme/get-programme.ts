import { z } from 'zod';
import { getProgrammeView } from '../../services/programme-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';
import { ZProgrammeView } from './schemas.ts';

export const getProgrammeProcedure = memberProcedure
  .input(z.object({ programmeId: z.uuid({ error: 'That programme link is not valid' }) }))
  .output(ZProgrammeView)
  .use(authorize(programmeById))
  .query(({ ctx, input }) => getProgrammeView(ctx.db, ctx.actor, input.programmeId));
