import { uploadEvidence } from '../../services/evidence-import/import-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZUploadInput, ZUploadResult } from './schemas.ts';
import { programmeSite } from './target.ts';

export const uploadEvidenceProcedure = memberProcedure
  .input(ZUploadInput)
  .output(ZUploadResult)
  .use(authorize(programmeSite))
  .mutation(({ ctx, input }) => uploadEvidence(ctx.db, ctx.actor, input));
