export { AppLayout } from './app/AppLayout.tsx';
export { type AppConfig, type AppId, appUrl, useAppConfig } from './app/config.tsx';
export { type NotFoundMessages, NotFoundPage, RouteErrorPage } from './app/NotFoundPage.tsx';
export { AppProviders } from './app/providers.tsx';
export {
  AcceptInvitationPage,
  ChooseOrganisationPage,
  ForgotPasswordPage,
  ResetPasswordPage,
  SignInPage,
  TwoFactorPage,
  TwoFactorSetUpPage,
} from './auth/screens.ts';
export {
  activeMembershipOf,
  RequireMembership,
  RequireRole,
  RequireSession,
  useActiveMembership,
  useMeQuery,
  useSession,
} from './auth/session.tsx';
export { BackLink } from './components/BackLink.tsx';
export { Button, ButtonGroup, ButtonLink } from './components/Button.tsx';
export { type CardItem, CardList } from './components/Card.tsx';
export { Checkboxes, type CheckboxItem } from './components/Checkboxes.tsx';
export { Details } from './components/Details.tsx';
export { describedBy, ErrorMessage } from './components/ErrorMessage.tsx';
export { ErrorSummary, type ErrorSummaryItem } from './components/ErrorSummary.tsx';
export { FileUpload } from './components/FileUpload.tsx';
export { Footer, type FooterLink } from './components/Footer.tsx';
export { Header, type HeaderAccount, type NavigationItem } from './components/Header.tsx';
export { InsetText } from './components/InsetText.tsx';
export { NotificationBanner } from './components/NotificationBanner.tsx';
export { Page } from './components/Page.tsx';
export { type PagedList, Pagination, ShowMore } from './components/Pagination.tsx';
export { PhaseBanner } from './components/PhaseBanner.tsx';
export { type RadioItem, Radios } from './components/Radios.tsx';
export { Select, type SelectOption } from './components/Select.tsx';
export { SkipLink } from './components/SkipLink.tsx';
export {
  EmptyState,
  ErrorState,
  Loaded,
  LoadingState,
  QueryStatus,
} from './components/States.tsx';
export { SummaryList, type SummaryListRow } from './components/SummaryList.tsx';
export { Table, type TableColumn, type TableRow } from './components/Table.tsx';
export { Tag, type TagColour } from './components/Tag.tsx';
export { Textarea } from './components/Textarea.tsx';
export { TextInput } from './components/TextInput.tsx';
export { WarningText } from './components/WarningText.tsx';
export { base64ToBytes, type DownloadedFile, readAsBase64, saveFile } from './files/files.ts';
export {
  type IdempotencyKeys,
  idempotencyKeys,
  newIdempotencyKey,
  useIdempotencyKeys,
} from './forms/idempotency-key.ts';
export {
  basisPointsToPercentText,
  parsePercent,
  parsePounds,
  parseWholeNumber,
  penceToPoundsText,
} from './forms/money-input.ts';
export { fieldValue, rawFieldValue, useFormErrors } from './forms/use-form-errors.ts';
export { formatDate, formatDateTime } from './i18n/format.ts';
export {
  createTranslate,
  I18nProvider,
  interpolate,
  type Messages,
  type PluralKey,
  type Translate,
  useLocale,
  useTranslate,
} from './i18n/i18n.tsx';
export { type UiMessages, type UiTranslate, useUiT } from './i18n/ui-translate.ts';
export { uiEn } from './messages/en.ts';
export { OrganisationPeople } from './people/OrganisationPeople.tsx';
export {
  errorCode,
  firstFieldErrors,
  isClientError,
  isUnauthorized,
  type ReadError,
  readError,
} from './trpc/errors.ts';
export { createQueryClient, SESSION_QUERY_KEY } from './trpc/query-client.ts';
export {
  type AppRouter,
  createTrpcClient,
  TRPCProvider,
  useTRPC,
  useTRPCClient,
} from './trpc/trpc.ts';
export type * from './trpc/types.ts';
export { addDaysIso, todayIso } from './workflow/dates.ts';
export { type WorkflowMessages, workflowEn } from './workflow/messages.en.ts';
export { type RouteNotice, useNotice } from './workflow/notice.ts';
export { checksSummary, PaidRoleChecks, RecordCheckForm } from './workflow/PaidRoleChecks.tsx';
export { mustSignOff, SignOffShare } from './workflow/SignOffShare.tsx';
export { CheckStatusTag, StageTag, StateTag } from './workflow/StateTag.tsx';
export {
  type LatestRequest,
  latestRequest,
  TransitionTimeline,
} from './workflow/TransitionTimeline.tsx';
export * from './workflow/types.ts';
export {
  type TransitionInput,
  useAllowedActions,
  useRefreshWorkflows,
  useWorkflowHistory,
  useWorkflowTransition,
} from './workflow/use-workflow.ts';
export { type ActionChoice, WorkflowActions } from './workflow/WorkflowActions.tsx';
export { WorkList } from './workflow/WorkList.tsx';
export {
  useWorkflowT,
  useWorkflowWords,
  type WorkflowTranslate,
  type WorkflowWords,
  workflowWords,
} from './workflow/words.ts';
