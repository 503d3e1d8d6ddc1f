import {
  BackLink,
  ButtonLink,
  ErrorState,
  LoadingState,
  NotificationBanner,
  Page,
  type ProgrammeView,
  readError,
  SignOffShare,
  TransitionTimeline,
  useActiveMembership,
  useNotice,
  useTRPC,
  useWorkflowHistory,
  useWorkflowWords,
  WorkflowActions,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { useT } from '../../i18n.ts';
import { MoneyPanel } from '../money/MoneyPanel.tsx';
import {
  FundersTable,
  MilestonesTable,
  PaidRolesTable,
  PeriodsTable,
  ProgrammeOverview,
  SitesTable,
} from './ProgrammeSections.tsx';
import { ProgrammeStatus } from './ProgrammeStatus.tsx';

const FINAL_STAGES = new Set(['closed', 'rejected', 'withdrawn', 'terminated']);

/**
 * One programme: what this person may do now (and only that), its overview, sites, co-funders,
 * reporting periods, milestones and paid roles, and the history of every step.
 */
export function ProgrammePage() {
  const t = useT();
  const trpc = useTRPC();
  const { programmeId = '' } = useParams();
  const programme = useQuery(trpc.programme.get.queryOptions({ programmeId }));
  const [notice, setNotice] = useNotice();
  const backLink = <BackLink to="/programmes">{t('programme.back')}</BackLink>;

  if (programme.isPending) {
    return (
      <Page title={t('programme.loadingTitle')} backLink={backLink}>
        <LoadingState label={t('programme.loading')} />
      </Page>
    );
  }
  if (programme.isError) {
    return (
      <Page title={t('programme.errorTitle')} backLink={backLink}>
        <ErrorState
          message={readError(programme.error, t('state.unreachable')).message}
          onRetry={() => void programme.refetch()}
        />
      </Page>
    );
  }
  return (
    <Page
      title={programme.data.name}
      caption={t('programme.caption')}
      backLink={backLink}
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <ProgrammeContent programme={programme.data} onNotice={setNotice} />
    </Page>
  );
}

function ProgrammeContent({
  programme,
  onNotice,
}: {
  programme: ProgrammeView;
  onNotice: (notice: string) => void;
}) {
  const t = useT();
  const words = useWorkflowWords();
  const membership = useActiveMembership();
  const history = useWorkflowHistory('programme', programme.id);
  const role = membership.role;
  const isCoordinator = mayUse(role, 'programme.updateDraft');

  return (
    <>
      <p className="govuk-body">
        <span className="govuk-!-margin-right-2">{t('programme.stage')}</span>
        <ProgrammeStatus
          programme={{
            stage: programme.stage,
            state: programme.state,
            overdueReturn: programme.periods.some((period) => period.overdue),
          }}
        />
      </p>
      {/* Above the actions, whose buttons arrive later: the link does not move under a finger. */}
      {mayUse(role, 'outcomes.report') && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/programmes/${programme.id}/outcomes`}>
            {t('outcomes.link')}
          </Link>
        </p>
      )}

      <div className="app-actions-panel">
        <WorkflowActions
          kind="programme"
          id={programme.id}
          onDone={(event) => onNotice(words.done('programme', event))}
        />
        {isCoordinator && programme.editable && (
          <ButtonLink to={`/programmes/${programme.id}/edit`} variant="secondary">
            {t('programme.edit')}
          </ButtonLink>
        )}
        <SignOffShare
          programme={programme}
          organisationId={membership.organisation.id}
          headingLevel={3}
          onDone={(organisation) => onNotice(t('signOff.done', { organisation }))}
        />
      </div>

      <ProgrammeOverview programme={programme} />
      <SitesTable programme={programme} />
      <FundersTable programme={programme} />
      <MoneyPanel programmeId={programme.id} />
      <PeriodsTable programme={programme} />
      <MilestonesTable
        programme={programme}
        canAdd={mayUse(role, 'milestone.create') && !FINAL_STAGES.has(programme.stage)}
      />
      <PaidRolesTable programme={programme} />

      <h2 className="govuk-heading-l">{t('timeline.heading')}</h2>
      {history.isPending ? (
        <LoadingState label={t('programme.historyLoading')} />
      ) : history.isError ? (
        <ErrorState
          message={readError(history.error, t('state.unreachable')).message}
          onRetry={() => void history.refetch()}
        />
      ) : (
        <TransitionTimeline kind="programme" transitions={history.data.transitions} />
      )}
    </>
  );
}
