import { z } from 'zod';
import { evidenceTemplate } from '../../services/evidence-import/import-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZSiteProgramme, ZTemplateFile } from './schemas.ts';
import { programmeSite } from './target.ts';

export const getTemplateProcedure = memberProcedure
  .input(
    ZSiteProgramme.extend({ format: z.enum(['csv', 'xlsx'], { error: 'Choose CSV or Excel' }) }),
  )
  .output(ZTemplateFile)
  .use(authorize(programmeSite))
  .query(({ ctx, input }) => evidenceTemplate(ctx.db, ctx.actor, input));
