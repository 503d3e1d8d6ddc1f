import {
  AcceptInvitationPage,
  ChooseOrganisationPage,
  ForgotPasswordPage,
  RequireMembership,
  RequireRole,
  RequireSession,
  ResetPasswordPage,
  SignInPage,
  TwoFactorPage,
  TwoFactorSetUpPage,
} from '@coproduce/ui';
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { HubLayout } from './HubLayout.tsx';
import { NotFoundPage, RouteErrorPage } from './NotFoundPage.tsx';
import { AUDIT_ROLES, PEOPLE_ROLES } from './navigation.ts';

// Each feature is its own chunk, fetched when its route is first visited.
const HomePage = lazy(() =>
  import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
const PeoplePage = lazy(() =>
  import('../features/people/PeoplePage.tsx').then((m) => ({ default: m.PeoplePage })),
);

export const router = createBrowserRouter(
  [
    {
      element: <HubLayout />,
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
                  path: 'audit',
                  element: <RequireRole roles={AUDIT_ROLES} />,
                  children: [{ index: true, element: <AuditPage /> }],
                },
                {
                  path: 'people',
                  element: <RequireRole roles={PEOPLE_ROLES} />,
                  children: [{ index: true, element: <PeoplePage /> }],
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
