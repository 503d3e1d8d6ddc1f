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
import { HubLayout } from './HubLayout.tsx';
import {
  APPROVAL_ROLES,
  AUDIT_ROLES,
  MILESTONE_EDITOR_ROLES,
  OUTCOMES_ROLES,
  PEOPLE_ROLES,
  PROGRAMME_EDITOR_ROLES,
  PROGRAMME_ROLES,
  RISK_ROLES,
} from './navigation.ts';

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
const ProgrammesPage = lazy(() =>
  import('../features/programmes/ProgrammesPage.tsx').then((m) => ({
    default: m.ProgrammesPage,
  })),
);
const ProgrammePage = lazy(() =>
  import('../features/programmes/ProgrammePage.tsx').then((m) => ({ default: m.ProgrammePage })),
);
const ProposalEditorPage = lazy(() =>
  import('../features/programmes/ProposalEditorPage.tsx').then((m) => ({
    default: m.ProposalEditorPage,
  })),
);
const MilestoneFormPage = lazy(() =>
  import('../features/programmes/MilestoneFormPage.tsx').then((m) => ({
    default: m.MilestoneFormPage,
  })),
);
const MilestonePage = lazy(() =>
  import('../features/milestones/MilestonePage.tsx').then((m) => ({ default: m.MilestonePage })),
);
const PaidRolePage = lazy(() =>
  import('../features/paid-roles/PaidRolePage.tsx').then((m) => ({ default: m.PaidRolePage })),
);
const ApprovalsPage = lazy(() =>
  import('../features/approvals/ApprovalsPage.tsx').then((m) => ({ default: m.ApprovalsPage })),
);
const OutcomesPage = lazy(() =>
  import('../features/outcomes/OutcomesPage.tsx').then((m) => ({ default: m.OutcomesPage })),
);
const RisksPage = lazy(() =>
  import('../features/risks/RisksPage.tsx').then((m) => ({ default: m.RisksPage })),
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
                {
                  path: 'programmes',
                  element: <RequireRole roles={PROGRAMME_ROLES} />,
                  children: [
                    { index: true, element: <ProgrammesPage /> },
                    { path: ':programmeId', element: <ProgrammePage /> },
                    {
                      element: <RequireRole roles={PROGRAMME_EDITOR_ROLES} />,
                      children: [
                        { path: 'new', element: <ProposalEditorPage /> },
                        { path: ':programmeId/edit', element: <ProposalEditorPage /> },
                      ],
                    },
                    {
                      element: <RequireRole roles={OUTCOMES_ROLES} />,
                      children: [{ path: ':programmeId/outcomes', element: <OutcomesPage /> }],
                    },
                    {
                      element: <RequireRole roles={MILESTONE_EDITOR_ROLES} />,
                      children: [
                        { path: ':programmeId/milestones/new', element: <MilestoneFormPage /> },
                        {
                          path: ':programmeId/milestones/:milestoneId/edit',
                          element: <MilestoneFormPage />,
                        },
                      ],
                    },
                  ],
                },
                {
                  path: 'milestones/:milestoneId',
                  element: <RequireRole roles={PROGRAMME_ROLES} />,
                  children: [{ index: true, element: <MilestonePage /> }],
                },
                {
                  path: 'paid-roles/:paidRoleId',
                  element: <RequireRole roles={PROGRAMME_ROLES} />,
                  children: [{ index: true, element: <PaidRolePage /> }],
                },
                {
                  path: 'approvals',
                  element: <RequireRole roles={APPROVAL_ROLES} />,
                  children: [{ index: true, element: <ApprovalsPage /> }],
                },
                {
                  path: 'risks',
                  element: <RequireRole roles={RISK_ROLES} />,
                  children: [{ index: true, element: <RisksPage /> }],
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
