import {
  BackLink,
  BaselineCountsForm,
  EmptyState,
  ErrorState,
  formatDate,
  LoadingState,
  NotificationBanner,
  Page,
  type ProgrammeView,
  readError,
  StageTag,
  StateTag,
  SummaryList,
  useActiveMembership,
  useNotice,
  useTRPC,
  useWorkflowHistory,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { useT } from '../../i18n.ts';
import { HubRequest } from './HubRequest.tsx';
import { programmeStageKey } from './ProgrammesPage.tsx';

/** One programme, for the site: where it is, what the hub asked, the site's counts and milestones. */
export function ProgrammePage() {
  const t = useT();
  const trpc = useTRPC();
  const { programmeId = '' } = useParams();
  const programme = useQuery(trpc.programme.get.queryOptions({ programmeId }));
  const [notice, setNotice] = useNotice();
  const backLink = <BackLink to="/programmes">{t('programme.back')}</BackLink>;

  if (programme.isPending || programme.isError) {
    return (
      <Page title={t('programme.title')} backLink={backLink}>
        {programme.isError ? (
          <ErrorState
            message={readError(programme.error, t('state.unreachable')).message}
            onRetry={() => void programme.refetch()}
          />
        ) : (
          <LoadingState label={t('programme.loading')} />
        )}
      </Page>
    );
  }
  return (
    <Page
      title={programme.data.name}
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
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const history = useWorkflowHistory('programme', programme.id);
  const milestones = useQuery(trpc.milestone.list.queryOptions({ programmeId: programme.id }));
  const ownSite = programme.sites.find(
    (site) => site.organisationId === membership.organisation.id,
  );

  return (
    <>
      <p className="govuk-body govuk-!-margin-bottom-2">
        <StageTag stage={programme.stage} />
      </p>
      <p className="govuk-body">{t(`siteStage.${programmeStageKey(programme.stage)}`)}</p>
      {history.data !== undefined && <HubRequest transitions={history.data.transitions} />}

      {mayUse(membership.role, 'programme.reportBaselineCounts') && (
        <BaselineCountsForm
          programme={programme}
          ownSiteId={membership.organisation.id}
          onDone={(site) => onNotice(t('baseline.done', { site }))}
        />
      )}

      {ownSite !== undefined && (
        <>
          <h2 className="govuk-heading-m">{t('programme.yourCounts')}</h2>
          <SummaryList
            rows={[
              { key: t('baseline.enrolled'), value: String(ownSite.enrolledCount) },
              { key: t('baseline.recorded'), value: String(ownSite.baselineRecordedCount) },
              {
                key: t('programme.countsReported'),
                value:
                  ownSite.countsReportedAt === null
                    ? t('programme.notYet')
                    : formatDate(ownSite.countsReportedAt, t.locale),
              },
            ]}
          />
        </>
      )}

      <h2 className="govuk-heading-m">{t('programme.milestones')}</h2>
      {milestones.isPending ? (
        <LoadingState label={t('milestones.loading')} />
      ) : milestones.isError ? (
        <ErrorState message={readError(milestones.error, t('state.unreachable')).message} />
      ) : milestones.data.milestones.length === 0 ? (
        <EmptyState>{t('programme.noMilestones')}</EmptyState>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {milestones.data.milestones.map((milestone) => (
            <li key={milestone.id}>
              <Link className="govuk-link" to={`/milestones/${milestone.id}`}>
                {milestone.title}
              </Link>{' '}
              <StateTag kind="milestone" state={milestone.state} />
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">{t('programme.about')}</h2>
      <SummaryList
        rows={[
          { key: t('programme.need'), value: programme.need || t('programme.notYet') },
          { key: t('programme.population'), value: programme.population || t('programme.notYet') },
        ]}
      />
    </>
  );
}
