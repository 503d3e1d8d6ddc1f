import { router } from '../../trpc/init.ts';
import { listKeyPersonRisksProcedure } from './list-key-person-risks.ts';
import { listNeedsMeProcedure } from './list-needs-me.ts';

export const workRouter = router({
  needsMe: listNeedsMeProcedure,
  keyPersonRisks: listKeyPersonRisksProcedure,
});
