import { ZProgrammeDraft } from '@coproduce/domain';
import { z } from 'zod';
import { createProgramme } from '../../services/programme-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';

export const createProgrammeProcedure = memberProcedure
  .input(ZProgrammeDraft)
  .output(z.object({ id: z.uuid(), version: z.number().int() }))
  .use(authorize(ownNetwork))
  .mutation(({ ctx, input }) => createProgramme(ctx.db, ctx.actor, input));
