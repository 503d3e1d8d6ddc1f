import { formatPounds } from '@coproduce/domain';
import {
  BackLink,
  ErrorState,
  formatDate,
  InsetText,
  LoadingState,
  latestRequest,
  type MilestoneView,
  NotificationBanner,
  Page,
  readError,
  StateTag,
  SummaryList,
  Tag,
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

/** One milestone: what proves it, what it is worth, what this person may do, and its history. */
export function MilestonePage() {
  const t = useT();
  const trpc = useTRPC();
  const { milestoneId = '' } = useParams();
  const milestone = useQuery(trpc.milestone.get.queryOptions({ milestoneId }));
  const [notice, setNotice] = useNotice();

  if (milestone.isPending || milestone.isError) {
    return (
      <Page
        title={milestone.isError ? t('milestone.errorTitle') : t('milestone.loadingTitle')}
        backLink={<BackLink to="/programmes">{t('milestone.backToProgrammes')}</BackLink>}
      >
        {milestone.isError ? (
          <ErrorState
            message={readError(milestone.error, t('state.unreachable')).message}
            onRetry={() => void milestone.refetch()}
          />
        ) : (
          <LoadingState label={t('milestone.loading')} />
        )}
      </Page>
    );
  }
  const data = milestone.data;
  return (
    <Page
      title={data.title}
      caption={t('milestone.caption', { programme: data.programmeName })}
      backLink={
        <BackLink to={`/programmes/${data.programmeId}`}>
          {t('milestone.backToProgramme', { programme: data.programmeName })}
        </BackLink>
      }
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <MilestoneContent milestone={data} onNotice={setNotice} />
    </Page>
  );
}

function MilestoneContent({
  milestone,
  onNotice,
}: {
  milestone: MilestoneView;
  onNotice: (notice: string) => void;
}) {
  const t = useT();
  const words = useWorkflowWords();
  const membership = useActiveMembership();
  const history = useWorkflowHistory('milestone', milestone.id);
  const request =
    history.data === undefined
      ? null
      : latestRequest(history.data.transitions, ['REQUEST_CHANGES'], ['RESUBMIT']);

  return (
    <>
      <p className="govuk-body">
        <StateTag kind="milestone" state={milestone.state} />
        {milestone.aboveDelegationLimit && (
          <>
            {' '}
            <Tag colour="orange">{t('money.aboveLimit')}</Tag>
          </>
        )}
      </p>
      {request !== null && request.answered === null && (
        <InsetText>
          <p className="govuk-body govuk-!-font-weight-bold">
            {t('milestone.changesAsked', {
              name: request.step.actor?.name ?? t('milestone.someone'),
              date: formatDate(request.step.at, t.locale),
            })}
          </p>
          <p className="govuk-body">{request.step.reason}</p>
        </InsetText>
      )}
      <div className="app-actions-panel">
        <WorkflowActions
          kind="milestone"
          id={milestone.id}
          onDone={(event) => onNotice(words.done('milestone', event))}
        />
        {milestone.state === 'planned' && mayUse(membership.role, 'milestone.update') && (
          <p className="govuk-body">
            <Link
              className="govuk-link"
              to={`/programmes/${milestone.programmeId}/milestones/${milestone.id}/edit`}
            >
              {t('milestone.change')}
            </Link>
          </p>
        )}
      </div>
      <h2 className="govuk-heading-l">{t('milestone.details')}</h2>
      <SummaryList
        rows={[
          {
            key: t('milestone.programme'),
            value: (
              <Link className="govuk-link" to={`/programmes/${milestone.programmeId}`}>
                {milestone.programmeName}
              </Link>
            ),
          },
          { key: t('milestone.site'), value: milestone.siteName ?? t('programme.milestones.hub') },
          {
            key: t('milestone.evidence'),
            value: milestone.evidenceRequired || t('milestone.noEvidence'),
          },
          {
            key: t('milestone.due'),
            value:
              milestone.dueOn === null
                ? t('milestone.noDue')
                : formatDate(milestone.dueOn, t.locale),
          },
          { key: t('milestone.value'), value: formatPounds(milestone.valuePence) },
          {
            key: t('milestone.delegationLimit'),
            value: milestone.aboveDelegationLimit
              ? t('milestone.aboveLimit', {
                  limit: formatPounds(milestone.delegationLimitPence),
                  countersigners: milestone.countersigners.join(t('milestone.or')),
                })
              : t('milestone.withinLimit', { limit: formatPounds(milestone.delegationLimitPence) }),
          },
        ]}
      />
      <h2 className="govuk-heading-l">{t('timeline.heading')}</h2>
      {history.isPending ? (
        <LoadingState label={t('milestone.historyLoading')} />
      ) : history.isError ? (
        <ErrorState
          message={readError(history.error, t('state.unreachable')).message}
          onRetry={() => void history.refetch()}
        />
      ) : (
        <TransitionTimeline kind="milestone" transitions={history.data.transitions} />
      )}
    </>
  );
}
