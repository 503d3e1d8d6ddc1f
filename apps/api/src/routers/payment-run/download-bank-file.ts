import { z } from 'zod';
import { downloadBankFile } from '../../services/payment-run/payment-run-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZFile, ZRunId } from './schemas.ts';
import { paymentRunById } from './target.ts';

/**
 * A released run's Bacs Standard 18 file or bulk-payment CSV, base64-encoded for the browser to
 * save (like the monitoring report). A mutation: each download is audited.
 */
export const downloadBankFileProcedure = memberProcedure
  .input(
    z.object({ runId: ZRunId, file: z.enum(['bacs', 'csv'], { error: 'Choose Bacs or CSV' }) }),
  )
  .output(ZFile.extend({ sha256: z.string().nullable() }))
  .use(authorize(paymentRunById))
  .mutation(({ ctx, input }) => downloadBankFile(ctx.db, ctx.actor, input));
