import { z } from 'zod';
import { importChoices } from '../../services/evidence-import/import-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZImportChoices } from './schemas.ts';
import { programmeSite } from './target.ts';

export const listImportChoicesProcedure = memberProcedure
  .input(z.object({ programmeId: z.uuid(), siteId: z.uuid() }))
  .output(ZImportChoices)
  .use(authorize(programmeSite))
  .query(({ ctx, input }) => importChoices(ctx.db, ctx.actor, input));
