import {
  AcceptInvitationPage,
  ChooseOrganisationPage,
  ForgotPasswordPage,
  NotFoundPage,
  RequireMembership,
  RequireRole,
  RequireSession,
  ResetPasswordPage,
  RouteErrorPage,
  SignInPage,
  TwoFactorPage,
  TwoFactorSetUpPage,
} from '@coproduce/ui';
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { MILESTONE_ROLES, PAID_ROLE_ROLES, PEOPLE_ROLES, PROGRAMME_ROLES } from './navigation.ts';
import { SiteLayout } from './SiteLayout.tsx';

// Each feature is its own chunk, fetched when its route is first visited.
const HomePage = lazy(() =>
  import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })),
);
const PeoplePage = lazy(() =>
  import('../features/people/PeoplePage.tsx').then((m) => ({ default: m.PeoplePage })),
);
const ProgrammesPage = lazy(() =>
  import('../features/programmes/ProgrammesPage.tsx').then((m) => ({
    default: m.ProgrammesPage,
  })),
);
const ProgrammePage = lazy(() =>
  import('../features/programmes/ProgrammePage.tsx').then((m) => ({ default: m.ProgrammePage })),
);
const MilestonesPage = lazy(() =>
  import('../features/milestones/MilestonesPage.tsx').then((m) => ({
    default: m.MilestonesPage,
  })),
);
const MilestonePage = lazy(() =>
  import('../features/milestones/MilestonePage.tsx').then((m) => ({ default: m.MilestonePage })),
);
const ChecksPage = lazy(() =>
  import('../features/checks/ChecksPage.tsx').then((m) => ({ default: m.ChecksPage })),
);
const PaidRolePage = lazy(() =>
  import('../features/checks/PaidRolePage.tsx').then((m) => ({ default: m.PaidRolePage })),
);

export const router = createBrowserRouter(
  [
    {
      element: <SiteLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'two-factor', element: <TwoFactorPage /> },
        { path: 'forgot-password', element: <ForgotPasswordPage /> },
        { path: 'reset-password', element: <ResetPasswordPage /> },
        { path: 'invitations/accept', element: <AcceptInvitationPage /> },
        {
          element: <RequireSession />,
          children: [
            { path: 'two-factor/set-up', element: <TwoFactorSetUpPage /> },
            { path: 'choose-organisation', element: <ChooseOrganisationPage /> },
            {
              element: <RequireMembership />,
              children: [
                { index: true, element: <HomePage /> },
                {
                  path: 'people',
                  element: <RequireRole roles={PEOPLE_ROLES} />,
                  children: [{ index: true, element: <PeoplePage /> }],
                },
                {
                  path: 'programmes',
                  element: <RequireRole roles={PROGRAMME_ROLES} />,
                  children: [
                    { index: true, element: <ProgrammesPage /> },
                    { path: ':programmeId', element: <ProgrammePage /> },
                  ],
                },
                {
                  path: 'milestones',
                  element: <RequireRole roles={MILESTONE_ROLES} />,
                  children: [
                    { index: true, element: <MilestonesPage /> },
                    { path: ':milestoneId', element: <MilestonePage /> },
                  ],
                },
                {
                  path: 'paid-roles',
                  element: <RequireRole roles={PAID_ROLE_ROLES} />,
                  children: [
                    { index: true, element: <ChecksPage /> },
                    { path: ':paidRoleId', element: <PaidRolePage /> },
                  ],
                },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: import.meta.env.BASE_URL },
);
