import { auditRouter } from './routers/audit/router.ts';
import { deliverySessionRouter } from './routers/delivery-session/router.ts';
import { evidenceImportRouter } from './routers/evidence-import/router.ts';
import { invitationRouter } from './routers/invitation/router.ts';
import { membershipRouter } from './routers/membership/router.ts';
import { milestoneRouter } from './routers/milestone/router.ts';
import { organisationRouter } from './routers/organisation/router.ts';
import { outcomesRouter } from './routers/outcomes/router.ts';
import { paidRoleRouter } from './routers/paid-role/router.ts';
import { participantRouter } from './routers/participant/router.ts';
import { peopleRouter } from './routers/people/router.ts';
import { programmeRouter } from './routers/programme/router.ts';
import { questionnaireRouter } from './routers/questionnaire/router.ts';
import { sessionRouter } from './routers/session/router.ts';
import { workRouter } from './routers/work/router.ts';
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
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
