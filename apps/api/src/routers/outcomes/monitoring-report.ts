import { z } from 'zod';
import { downloadMonitoringReport } from '../../services/monitoring-report/download-monitoring-report.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZOutcomesReportInput } from './schemas.ts';
import { programmeReportTarget } from './target.ts';

/**
 * The quarterly monitoring report for a programme (optionally one site and one period) as a PDF
 * or a spreadsheet, base64-encoded for the browser to save. The same reach as `outcomes.report`,
 * since it carries the same figures. A mutation: each download is audited. The figures are read
 * from the replica (`ctx.readDb`); the audit entry is written on the primary (`ctx.db`).
 */
export const monitoringReportProcedure = memberProcedure
  .input(
    ZOutcomesReportInput.extend({
      format: z.enum(['pdf', 'xlsx'], { error: 'Choose PDF or XLSX' }),
    }),
  )
  .output(
    z.object({
      fileName: z.string(),
      mimeType: z.string(),
      contentBase64: z.string(),
    }),
  )
  .use(authorize(programmeReportTarget))
  .mutation(({ ctx, input }) => downloadMonitoringReport(ctx.db, ctx.actor, input, ctx.readDb));
