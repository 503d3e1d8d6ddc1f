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
  SummaryList,
  TransitionTimeline,
  useActiveMembership,
  useNotice,
  useTRPC,
  useWorkflowHistory,
  useWorkflowWords,
  WorkflowActions,
} from '@coproduce/ui';
import { skipToken, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { useT } from '../../i18n.ts';

/** One paid role: who holds it, its checks and their expiry, its set-up steps and history. */
export function PaidRolePage() {
  const t = useT();
  const trpc = useTRPC();
  const { paidRoleId = '' } = useParams();
  const role = useQuery(trpc.paidRole.get.queryOptions({ paidRoleId }));
  const [notice, setNotice] = useNotice();

  if (role.isPending || role.isError) {
    return (
      <Page
        title={role.isError ? t('paidRole.errorTitle') : t('paidRole.loadingTitle')}
        backLink={<BackLink to="/programmes">{t('milestone.backToProgrammes')}</BackLink>}
      >
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
      caption={t('paidRole.caption', { site: role.data.siteName })}
      backLink={
        <BackLink to={`/programmes/${role.data.programmeId}`}>
          {t('milestone.backToProgramme', { programme: role.data.programmeName })}
        </BackLink>
      }
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
  const people = members.data?.members ?? [];
  const candidates = [...new Map(people.map((member) => [member.personId, member])).values()];
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
        <StateTag kind="paidRole" state={role.state} />
      </p>
      <div className="app-actions-panel">
        <WorkflowActions
          kind="paidRole"
          id={role.id}
          choices={{ PROPOSE_CANDIDATE: proposeCandidate }}
          onDone={(event) => onNotice(words.done('paidRole', event))}
        />
      </div>
      <h2 className="govuk-heading-l">{t('paidRole.details')}</h2>
      <SummaryList
        rows={[
          {
            key: t('milestone.programme'),
            value: (
              <Link className="govuk-link" to={`/programmes/${role.programmeId}`}>
                {role.programmeName}
              </Link>
            ),
          },
          { key: t('paidRole.site'), value: role.siteName },
          { key: t('paidRole.holder'), value: role.holderName ?? t('programme.paidRoles.vacant') },
        ]}
      />
      <h2 className="govuk-heading-l">{t('checks.caption')}</h2>
      <p className="govuk-body">{t('paidRole.checksIntro')}</p>
      <PaidRoleChecks checks={role.checks} />
      {mayUse(membership.role, 'paidRole.recordCheck') && role.state !== 'ended' && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <RecordCheckForm
              paidRoleId={role.id}
              checks={role.checks}
              onDone={(check) => onNotice(t('checks.record.done', { check }))}
            />
          </div>
        </div>
      )}
      <h2 className="govuk-heading-l">{t('timeline.heading')}</h2>
      {history.isPending ? (
        <LoadingState label={t('paidRole.historyLoading')} />
      ) : history.isError ? (
        <ErrorState
          message={readError(history.error, t('state.unreachable')).message}
          onRetry={() => void history.refetch()}
        />
      ) : (
        <TransitionTimeline kind="paidRole" transitions={history.data.transitions} />
      )}
    </>
  );
}
