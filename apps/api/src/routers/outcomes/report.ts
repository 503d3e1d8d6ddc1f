import { outcomesReport } from '../../services/outcomes-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZOutcomesReport, ZOutcomesReportInput } from './schemas.ts';
import { programmeReportTarget } from './target.ts';

/**
 * Outcomes and data quality of a programme, optionally one site and one reporting period. Read
 * from the replica when DATABASE_READ_URL is set: it may be a few seconds behind the primary.
 */
export const outcomesReportProcedure = memberProcedure
  .input(ZOutcomesReportInput)
  .output(ZOutcomesReport)
  .use(authorize(programmeReportTarget))
  .query(({ ctx, input }) => outcomesReport(ctx.readDb, ctx.actor, input));
