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
import { NotFoundPage, RouteErrorPage } from './NotFoundPage.tsx';
import { PEOPLE_ROLES } from './navigation.ts';
import { SiteLayout } from './SiteLayout.tsx';

// Each feature is its own chunk, fetched when its route is first visited.
const HomePage = lazy(() =>
  import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })),
);
const PeoplePage = lazy(() =>
  import('../features/people/PeoplePage.tsx').then((m) => ({ default: m.PeoplePage })),
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
