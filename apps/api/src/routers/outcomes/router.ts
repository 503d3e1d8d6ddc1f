import { router } from '../../trpc/init.ts';
import { monitoringReportProcedure } from './monitoring-report.ts';
import { outcomesReportProcedure } from './report.ts';

export const outcomesRouter = router({
  report: outcomesReportProcedure,
  monitoringReport: monitoringReportProcedure,
});
