import {
  type ActionChoice,
  BackLink,
  ErrorState,
  LoadingState,
  NotificationBanner,
  Page,
  PaidRoleChecks,
  type PaidRoleView,
  RecordCheckForm,
  readError,
  StateTag,
  TransitionTimeline,
  useActiveMembership,
  useNotice,
  useTRPC,
  useWorkflowHistory,
  useWorkflowWords,
  WorkflowActions,
} from '@coproduce/ui';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { useT } from '../../i18n.ts';

/** One paid role at the site: its checks, recording a new one, and proposing who holds it. */
export function PaidRolePage() {
  const t = useT();
  const trpc = useTRPC();
  const { paidRoleId = '' } = useParams();
  const role = useQuery(trpc.paidRole.get.queryOptions({ paidRoleId }));
  const [notice, setNotice] = useNotice();
  const backLink = <BackLink to="/paid-roles">{t('paidRole.back')}</BackLink>;

  if (role.isPending || role.isError) {
    return (
      <Page title={t('paidRole.title')} backLink={backLink}>
        {role.isError ? (
          <ErrorState
            message={readError(role.error, t('state.unreachable')).message}
            onRetry={() => void role.refetch()}
          />
        ) : (
          <LoadingState label={t('paidRole.loading')} />
        )}
      </Page>
    );
  }
  return (
    <Page
      title={role.data.title}
      caption={role.data.programmeName}
      backLink={backLink}
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <PaidRoleContent role={role.data} onNotice={setNotice} />
    </Page>
  );
}

function PaidRoleContent({
  role,
  onNotice,
}: {
  role: PaidRoleView;
  onNotice: (notice: string) => void;
}) {
  const t = useT();
  const trpc = useTRPC();
  const words = useWorkflowWords();
  const membership = useActiveMembership();
  const history = useWorkflowHistory('paidRole', role.id);
  const canListPeople =
    mayUse(membership.role, 'people.listMembers') && role.state === 'recruiting';
  const members = useQuery(
    trpc.people.listMembers.queryOptions(
      canListPeople ? { organisationId: role.siteId } : skipToken,
    ),
  );
  const candidates = [
    ...new Map((members.data?.members ?? []).map((member) => [member.personId, member])).values(),
  ];
  const proposeCandidate: ActionChoice = {
    label: t('workflow.proposeCandidate.label'),
    hint: t('workflow.proposeCandidate.hint'),
    options: members.isPending
      ? null
      : candidates.map((member) => ({ value: member.personId, text: member.name })),
    unavailable: members.isPending
      ? t('workflow.proposeCandidate.loading')
      : t('workflow.proposeCandidate.none'),
  };

  return (
    <>
      <p className="govuk-body">
        {role.holderName === null
          ? t('checksPage.noHolder')
          : t('checksPage.holder', { name: role.holderName })}{' '}
        <StateTag kind="paidRole" state={role.state} />
      </p>
      <h2 className="govuk-heading-m">{t('checks.caption')}</h2>
      <PaidRoleChecks checks={role.checks} />
      {mayUse(membership.role, 'paidRole.recordCheck') && role.state !== 'ended' && (
        <RecordCheckForm
          paidRoleId={role.id}
          checks={role.checks}
          onDone={(check) => onNotice(t('checks.record.done', { check }))}
        />
      )}
      <WorkflowActions
        kind="paidRole"
        id={role.id}
        hideWhenNone
        choices={{ PROPOSE_CANDIDATE: proposeCandidate }}
        onDone={(event) => onNotice(words.done('paidRole', event))}
      />
      <h2 className="govuk-heading-m">{t('timeline.heading')}</h2>
      {history.isPending ? (
        <LoadingState label={t('paidRole.historyLoading')} />
      ) : history.isError ? (
        <ErrorState message={readError(history.error, t('state.unreachable')).message} />
      ) : (
        <TransitionTimeline kind="paidRole" transitions={history.data.transitions} />
      )}
    </>
  );
}
