import { ZProgrammeDraft } from '@coproduce/domain';
import { z } from 'zod';
import { updateDraftProgramme } from '../../services/programme-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';

export const updateDraftProgrammeProcedure = memberProcedure
  .input(
    z.object({
      programmeId: z.uuid(),
      expectedVersion: z.number().int().positive(),
      draft: ZProgrammeDraft,
    }),
  )
  .output(z.object({ id: z.uuid(), version: z.number().int() }))
  .use(authorize(programmeById))
  .mutation(({ ctx, input }) =>
    updateDraftProgramme(ctx.db, ctx.actor, {
      id: input.programmeId,
      expectedVersion: input.expectedVersion,
      draft: input.draft,
    }),
  );
