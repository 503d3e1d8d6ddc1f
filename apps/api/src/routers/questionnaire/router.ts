import { router } from '../../trpc/init.ts';
import { acknowledgeRiskProcedure } from './acknowledge-risk.ts';
import { openRisksProcedure } from './open-risks.ts';
import { recordQuestionnaireProcedure } from './record-questionnaire.ts';

export const questionnaireRouter = router({
  record: recordQuestionnaireProcedure,
  openRisks: openRisksProcedure,
  acknowledgeRisk: acknowledgeRiskProcedure,
});
