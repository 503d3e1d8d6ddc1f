import { z } from 'zod';
import { signOffShare } from '../../services/programme-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';

export const signOffShareProcedure = memberProcedure
  .input(z.object({ programmeId: z.uuid() }))
  .output(z.object({ signedOff: z.literal(true) }))
  .use(authorize(programmeById))
  .mutation(({ ctx, input }) => signOffShare(ctx.db, ctx.actor, input.programmeId));
