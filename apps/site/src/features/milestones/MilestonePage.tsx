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
  TransitionTimeline,
  useNotice,
  useTRPC,
  useWorkflowHistory,
  WorkflowActions,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useT } from '../../i18n.ts';

/** One milestone, for the site: what to send, any changes the hub asked for, and sending it. */
export function MilestonePage() {
  const t = useT();
  const trpc = useTRPC();
  const { milestoneId = '' } = useParams();
  const milestone = useQuery(trpc.milestone.get.queryOptions({ milestoneId }));
  const [notice, setNotice] = useNotice();
  const backLink = <BackLink to="/milestones">{t('milestone.back')}</BackLink>;

  if (milestone.isPending || milestone.isError) {
    return (
      <Page title={t('milestone.title')} backLink={backLink}>
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
  return (
    <Page
      title={milestone.data.title}
      caption={milestone.data.programmeName}
      backLink={backLink}
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <MilestoneContent milestone={milestone.data} onNotice={setNotice} />
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
  const history = useWorkflowHistory('milestone', milestone.id);
  const request =
    history.data === undefined
      ? null
      : latestRequest(history.data.transitions, ['REQUEST_CHANGES'], ['RESUBMIT']);

  return (
    <>
      <p className="govuk-body">
        <StateTag kind="milestone" state={milestone.state} />
      </p>
      <p className="govuk-body">{t(`milestone.stateWords.${stateKey(milestone.state)}`)}</p>
      {request !== null && request.answered === null && (
        <InsetText>
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
            {t('milestone.changesAsked')}
          </p>
          <p className="govuk-body govuk-!-margin-bottom-1">{request.step.reason}</p>
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            {t('request.byline', {
              name: request.step.actor?.name ?? t('request.theHub'),
              date: formatDate(request.step.at, t.locale),
            })}
          </p>
        </InsetText>
      )}
      <h2 className="govuk-heading-m">{t('milestone.whatToSend')}</h2>
      <p className="govuk-body">{milestone.evidenceRequired || t('milestone.noEvidence')}</p>
      <WorkflowActions
        kind="milestone"
        id={milestone.id}
        heading={t('milestone.actions')}
        hideWhenNone
        onDone={(event) =>
          onNotice(t(event === 'RESUBMIT' ? 'milestone.resent' : 'milestone.sent'))
        }
      />
      <h2 className="govuk-heading-m">{t('milestone.details')}</h2>
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
          {
            key: t('milestone.due'),
            value:
              milestone.dueOn === null
                ? t('milestone.noDate')
                : formatDate(milestone.dueOn, t.locale),
          },
          { key: t('milestone.value'), value: formatPounds(milestone.valuePence) },
        ]}
      />
      <h2 className="govuk-heading-m">{t('timeline.heading')}</h2>
      {history.isPending ? (
        <LoadingState label={t('milestone.historyLoading')} />
      ) : history.isError ? (
        <ErrorState message={readError(history.error, t('state.unreachable')).message} />
      ) : (
        <TransitionTimeline kind="milestone" transitions={history.data.transitions} />
      )}
    </>
  );
}

const STATES = [
  'planned',
  'submitted',
  'changesRequested',
  'resubmitted',
  'approved',
  'countersigned',
  'payable',
  'paid',
  'rejected',
] as const;

function stateKey(state: string): (typeof STATES)[number] | 'other' {
  return STATES.find((known) => known === state) ?? 'other';
}
