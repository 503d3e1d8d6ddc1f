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
import {
  BANK_DETAILS_ROLES,
  COLLECTION_ROLES,
  CONFIRM_WORK_ROLES,
  CONSENT_ROLES,
  ENROL_ROLES,
  ERASE_ROLES,
  IMPORT_ROLES,
  LOG_WORK_ROLES,
  MILESTONE_ROLES,
  PAID_ROLE_ROLES,
  PARTICIPANT_ROLES,
  PAY_ROLES,
  PEOPLE_ROLES,
  PROGRAMME_ROLES,
  QUESTIONNAIRE_ROLES,
  RECORD_SESSION_ROLES,
  SESSION_ROLES,
  SUBJECT_ACCESS_ROLES,
} from './navigation.ts';
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
const GlossaryPage = lazy(() =>
  import('../features/glossary/GlossaryPage.tsx').then((m) => ({ default: m.GlossaryPage })),
);
const SessionsPage = lazy(() =>
  import('../features/sessions/SessionsPage.tsx').then((m) => ({ default: m.SessionsPage })),
);
const RecordSessionPage = lazy(() =>
  import('../features/sessions/RecordSessionPage.tsx').then((m) => ({
    default: m.RecordSessionPage,
  })),
);
const SessionPage = lazy(() =>
  import('../features/sessions/SessionPage.tsx').then((m) => ({ default: m.SessionPage })),
);
const ImportPage = lazy(() =>
  import('../features/imports/ImportPage.tsx').then((m) => ({ default: m.ImportPage })),
);
const CollectionPage = lazy(() =>
  import('../features/collection/CollectionPage.tsx').then((m) => ({
    default: m.CollectionPage,
  })),
);
// Participants and questionnaires: each screen its own chunk, so none weighs on the first visit.
const ParticipantsPage = lazy(() =>
  import('../features/participants/ParticipantsPage.tsx').then((m) => ({
    default: m.ParticipantsPage,
  })),
);
const EnrolPage = lazy(() =>
  import('../features/participants/enrol/EnrolPage.tsx').then((m) => ({ default: m.EnrolPage })),
);
const ParticipantPage = lazy(() =>
  import('../features/participants/ParticipantPage.tsx').then((m) => ({
    default: m.ParticipantPage,
  })),
);
const WithdrawConsentPage = lazy(() =>
  import('../features/participants/WithdrawConsentPage.tsx').then((m) => ({
    default: m.WithdrawConsentPage,
  })),
);
const RecordConsentPage = lazy(() =>
  import('../features/participants/RecordConsentPage.tsx').then((m) => ({
    default: m.RecordConsentPage,
  })),
);
const SubjectAccessPage = lazy(() =>
  import('../features/participants/SubjectAccessPage.tsx').then((m) => ({
    default: m.SubjectAccessPage,
  })),
);
const ErasePage = lazy(() =>
  import('../features/participants/ErasePage.tsx').then((m) => ({ default: m.ErasePage })),
);
const QuestionnairePage = lazy(() =>
  import('../features/questionnaires/QuestionnairePage.tsx').then((m) => ({
    default: m.QuestionnairePage,
  })),
);
// Pay: each screen its own chunk too.
const PayPage = lazy(() =>
  import('../features/pay/PayPage.tsx').then((m) => ({ default: m.PayPage })),
);
const LogWorkPage = lazy(() =>
  import('../features/pay/LogWorkPage.tsx').then((m) => ({ default: m.LogWorkPage })),
);
const ConfirmWorkPage = lazy(() =>
  import('../features/pay/ConfirmWorkPage.tsx').then((m) => ({ default: m.ConfirmWorkPage })),
);
const BankDetailsPage = lazy(() =>
  import('../features/pay/BankDetailsPage.tsx').then((m) => ({ default: m.BankDetailsPage })),
);
const ChangeBankDetailsPage = lazy(() =>
  import('../features/pay/ChangeBankDetailsPage.tsx').then((m) => ({
    default: m.ChangeBankDetailsPage,
  })),
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
        { path: 'glossary', element: <GlossaryPage /> },
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
                  path: 'participants',
                  element: <RequireRole roles={PARTICIPANT_ROLES} />,
                  children: [
                    { index: true, element: <ParticipantsPage /> },
                    {
                      path: 'enrol/:step?',
                      element: <RequireRole roles={ENROL_ROLES} />,
                      children: [{ index: true, element: <EnrolPage /> }],
                    },
                    { path: ':participantId', element: <ParticipantPage /> },
                    {
                      path: ':participantId/questionnaire/:screen?',
                      element: <RequireRole roles={QUESTIONNAIRE_ROLES} />,
                      children: [{ index: true, element: <QuestionnairePage /> }],
                    },
                    {
                      path: ':participantId/consent',
                      element: <RequireRole roles={CONSENT_ROLES} />,
                      children: [
                        { path: 'withdraw', element: <WithdrawConsentPage /> },
                        { path: 'new', element: <RecordConsentPage /> },
                      ],
                    },
                    {
                      path: ':participantId/subject-access',
                      element: <RequireRole roles={SUBJECT_ACCESS_ROLES} />,
                      children: [{ index: true, element: <SubjectAccessPage /> }],
                    },
                    {
                      path: ':participantId/erase',
                      element: <RequireRole roles={ERASE_ROLES} />,
                      children: [{ index: true, element: <ErasePage /> }],
                    },
                  ],
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
                  path: 'sessions',
                  element: <RequireRole roles={SESSION_ROLES} />,
                  children: [
                    { index: true, element: <SessionsPage /> },
                    {
                      path: 'new',
                      element: <RequireRole roles={RECORD_SESSION_ROLES} />,
                      children: [{ index: true, element: <RecordSessionPage /> }],
                    },
                    { path: ':sessionId', element: <SessionPage /> },
                  ],
                },
                {
                  path: 'import',
                  element: <RequireRole roles={IMPORT_ROLES} />,
                  children: [{ index: true, element: <ImportPage /> }],
                },
                {
                  path: 'collection',
                  element: <RequireRole roles={COLLECTION_ROLES} />,
                  children: [{ index: true, element: <CollectionPage /> }],
                },
                {
                  path: 'paid-roles',
                  element: <RequireRole roles={PAID_ROLE_ROLES} />,
                  children: [
                    { index: true, element: <ChecksPage /> },
                    { path: ':paidRoleId', element: <PaidRolePage /> },
                  ],
                },
                {
                  path: 'pay',
                  element: <RequireRole roles={PAY_ROLES} />,
                  children: [
                    { index: true, element: <PayPage /> },
                    {
                      path: 'log',
                      element: <RequireRole roles={LOG_WORK_ROLES} />,
                      children: [{ index: true, element: <LogWorkPage /> }],
                    },
                    {
                      path: 'confirm/:workLogId',
                      element: <RequireRole roles={CONFIRM_WORK_ROLES} />,
                      children: [{ index: true, element: <ConfirmWorkPage /> }],
                    },
                    {
                      path: 'bank-details',
                      element: <RequireRole roles={BANK_DETAILS_ROLES} />,
                      children: [
                        { index: true, element: <BankDetailsPage /> },
                        { path: 'change', element: <ChangeBankDetailsPage /> },
                      ],
                    },
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
