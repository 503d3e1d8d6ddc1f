import { auditRouter } from './routers/audit/router.ts';
import { bankDetailsRouter } from './routers/bank-details/router.ts';
import { claimRouter } from './routers/claim/router.ts';
import { deliverySessionRouter } from './routers/delivery-session/router.ts';
import { evidenceImportRouter } from './routers/evidence-import/router.ts';
import { indigoRouter } from './routers/indigo/router.ts';
import { invitationRouter } from './routers/invitation/router.ts';
import { membershipRouter } from './routers/membership/router.ts';
import { milestoneRouter } from './routers/milestone/router.ts';
import { moneyRouter } from './routers/money/router.ts';
import { organisationRouter } from './routers/organisation/router.ts';
import { outcomesRouter } from './routers/outcomes/router.ts';
import { paidRoleRouter } from './routers/paid-role/router.ts';
import { participantRouter } from './routers/participant/router.ts';
import { payableRouter } from './routers/payable/router.ts';
import { paymentRouter } from './routers/payment/router.ts';
import { paymentRunRouter } from './routers/payment-run/router.ts';
import { peopleRouter } from './routers/people/router.ts';
import { programmeRouter } from './routers/programme/router.ts';
import { questionnaireRouter } from './routers/questionnaire/router.ts';
import { rateCardRouter } from './routers/rate-card/router.ts';
import { sessionRouter } from './routers/session/router.ts';
import { workRouter } from './routers/work/router.ts';
import { workLogRouter } from './routers/work-log/router.ts';
import { createCallerFactory, router } from './trpc/init.ts';

export const appRouter = router({
  session: sessionRouter,
  organisation: organisationRouter,
  people: peopleRouter,
  membership: membershipRouter,
  invitation: invitationRouter,
  audit: auditRouter,
  programme: programmeRouter,
  milestone: milestoneRouter,
  paidRole: paidRoleRouter,
  work: workRouter,
  participant: participantRouter,
  deliverySession: deliverySessionRouter,
  questionnaire: questionnaireRouter,
  evidenceImport: evidenceImportRouter,
  outcomes: outcomesRouter,
  workLog: workLogRouter,
  bankDetails: bankDetailsRouter,
  payable: payableRouter,
  paymentRun: paymentRunRouter,
  payment: paymentRouter,
  money: moneyRouter,
  rateCard: rateCardRouter,
  claim: claimRouter,
  indigo: indigoRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
