import { auditRouter } from './routers/audit/router.ts';
import { invitationRouter } from './routers/invitation/router.ts';
import { membershipRouter } from './routers/membership/router.ts';
import { organisationRouter } from './routers/organisation/router.ts';
import { peopleRouter } from './routers/people/router.ts';
import { sessionRouter } from './routers/session/router.ts';
import { createCallerFactory, router } from './trpc/init.ts';

export const appRouter = router({
  session: sessionRouter,
  organisation: organisationRouter,
  people: peopleRouter,
  membership: membershipRouter,
  invitation: invitationRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
