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
  BANK_DETAILS_ROLES,
  CLAIM_ROLES,
  FINANCE_ROLES,
  MILESTONE_EDITOR_ROLES,
  OUTCOMES_ROLES,
  PAYABLE_ROLES,
  PAYMENT_RUN_APPROVER_ROLES,
  PAYMENT_RUN_CREATOR_ROLES,
  PAYMENT_RUN_RELEASER_ROLES,
  PAYMENT_RUN_ROLES,
  PEOPLE_ROLES,
  PROGRAMME_EDITOR_ROLES,
  PROGRAMME_ROLES,
  RATE_CARD_EDITOR_ROLES,
  RATE_CARD_ROLES,
  RISK_ROLES,
  WORK_LOG_APPROVER_ROLES,
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
const FinancePage = lazy(() =>
  import('../features/finance/FinancePage.tsx').then((m) => ({ default: m.FinancePage })),
);
const PayablesPage = lazy(() =>
  import('../features/finance/PayablesPage.tsx').then((m) => ({ default: m.PayablesPage })),
);
const PaymentRunsPage = lazy(() =>
  import('../features/finance/PaymentRunsPage.tsx').then((m) => ({ default: m.PaymentRunsPage })),
);
const CreatePaymentRunPage = lazy(() =>
  import('../features/finance/CreatePaymentRunPage.tsx').then((m) => ({
    default: m.CreatePaymentRunPage,
  })),
);
const PaymentRunPage = lazy(() =>
  import('../features/finance/PaymentRunPage.tsx').then((m) => ({ default: m.PaymentRunPage })),
);
const ApprovePaymentRunPage = lazy(() =>
  import('../features/finance/ApprovePaymentRunPage.tsx').then((m) => ({
    default: m.ApprovePaymentRunPage,
  })),
);
const ReleasePaymentRunPage = lazy(() =>
  import('../features/finance/ReleasePaymentRunPage.tsx').then((m) => ({
    default: m.ReleasePaymentRunPage,
  })),
);
const CancelPaymentRunPage = lazy(() =>
  import('../features/finance/CancelPaymentRunPage.tsx').then((m) => ({
    default: m.CancelPaymentRunPage,
  })),
);
const RecordConfirmationPage = lazy(() =>
  import('../features/finance/RecordConfirmationPage.tsx').then((m) => ({
    default: m.RecordConfirmationPage,
  })),
);
const BankDetailsPage = lazy(() =>
  import('../features/finance/BankDetailsPage.tsx').then((m) => ({ default: m.BankDetailsPage })),
);
const SessionsToApprovePage = lazy(() =>
  import('../features/finance/SessionsToApprovePage.tsx').then((m) => ({
    default: m.SessionsToApprovePage,
  })),
);
const RateCardPage = lazy(() =>
  import('../features/rate-cards/RateCardPage.tsx').then((m) => ({ default: m.RateCardPage })),
);
const AmendRateCardPage = lazy(() =>
  import('../features/rate-cards/AmendRateCardPage.tsx').then((m) => ({
    default: m.AmendRateCardPage,
  })),
);
const ClaimsPage = lazy(() =>
  import('../features/claims/ClaimsPage.tsx').then((m) => ({ default: m.ClaimsPage })),
);
const ClaimPage = lazy(() =>
  import('../features/claims/ClaimPage.tsx').then((m) => ({ default: m.ClaimPage })),
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
                      element: <RequireRole roles={RATE_CARD_ROLES} />,
                      children: [{ path: ':programmeId/rate-card', element: <RateCardPage /> }],
                    },
                    {
                      element: <RequireRole roles={RATE_CARD_EDITOR_ROLES} />,
                      children: [
                        { path: ':programmeId/rate-card/amend', element: <AmendRateCardPage /> },
                      ],
                    },
                    {
                      element: <RequireRole roles={CLAIM_ROLES} />,
                      children: [{ path: ':programmeId/claims', element: <ClaimsPage /> }],
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
                  path: 'claims/:claimId',
                  element: <RequireRole roles={CLAIM_ROLES} />,
                  children: [{ index: true, element: <ClaimPage /> }],
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
                  path: 'finance',
                  element: <RequireRole roles={FINANCE_ROLES} />,
                  children: [
                    { index: true, element: <FinancePage /> },
                    {
                      path: 'payables',
                      element: <RequireRole roles={PAYABLE_ROLES} />,
                      children: [{ index: true, element: <PayablesPage /> }],
                    },
                    {
                      path: 'payment-runs',
                      element: <RequireRole roles={PAYMENT_RUN_ROLES} />,
                      children: [
                        { index: true, element: <PaymentRunsPage /> },
                        { path: ':runId', element: <PaymentRunPage /> },
                        {
                          element: <RequireRole roles={PAYMENT_RUN_CREATOR_ROLES} />,
                          children: [{ path: 'new', element: <CreatePaymentRunPage /> }],
                        },
                        {
                          element: <RequireRole roles={PAYMENT_RUN_APPROVER_ROLES} />,
                          children: [
                            { path: ':runId/approve', element: <ApprovePaymentRunPage /> },
                          ],
                        },
                        {
                          element: <RequireRole roles={PAYMENT_RUN_RELEASER_ROLES} />,
                          children: [
                            { path: ':runId/release', element: <ReleasePaymentRunPage /> },
                            { path: ':runId/cancel', element: <CancelPaymentRunPage /> },
                            { path: ':runId/confirmation', element: <RecordConfirmationPage /> },
                          ],
                        },
                      ],
                    },
                    {
                      path: 'bank-details',
                      element: <RequireRole roles={BANK_DETAILS_ROLES} />,
                      children: [{ index: true, element: <BankDetailsPage /> }],
                    },
                    {
                      path: 'sessions',
                      element: <RequireRole roles={WORK_LOG_APPROVER_ROLES} />,
                      children: [{ index: true, element: <SessionsToApprovePage /> }],
                    },
                  ],
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
