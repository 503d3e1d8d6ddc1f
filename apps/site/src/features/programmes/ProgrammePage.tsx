import {
  BackLink,
  EmptyState,
  ErrorState,
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
import { COLLECTION_ROLES, mayUse, SESSION_ROLES } from '../../app/navigation.ts';
import { useT } from '../../i18n.ts';
import { Term } from '../glossary/Term.tsx';
import { HubRequest } from './HubRequest.tsx';
import { programmeStageKey } from './ProgrammesPage.tsx';

/** One programme, for the site: where it is, what the hub asked, the site's counts and milestones. */
export function ProgrammePage() {
  const t = useT();
  const trpc = useTRPC();
  const { programmeId = '' } = useParams();
  const programme = useQuery(trpc.programme.get.queryOptions({ programmeId }));
  const [notice] = useNotice();
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
      <ProgrammeContent programme={programme.data} />
    </Page>
  );
}

function ProgrammeContent({ programme }: { programme: ProgrammeView }) {
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

      {ownSite !== undefined && (
        <YourCounts
          programme={programme}
          enrolled={ownSite.enrolled}
          withBaseline={ownSite.withBaseline}
        />
      )}
      <ProgrammeLinks programmeId={programme.id} />

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

/** The site's own counts: enrolled and with a baseline (the gate counts these for delivery). */
function YourCounts({
  programme,
  enrolled,
  withBaseline,
}: {
  programme: ProgrammeView;
  enrolled: number | '<5';
  withBaseline: number | '<5';
}) {
  const t = useT();
  const coverage =
    typeof enrolled === 'number' && typeof withBaseline === 'number' && enrolled > 0
      ? Math.floor((withBaseline * 100) / enrolled)
      : null;
  return (
    <>
      <h2 className="govuk-heading-m">{t('programme.yourCounts')}</h2>
      <SummaryList
        rows={[
          { key: t('programme.enrolled'), value: String(enrolled) },
          {
            key: t('programme.withBaseline'),
            value:
              coverage === null
                ? String(withBaseline)
                : t('programme.coverage', { count: withBaseline, percent: coverage }),
          },
        ]}
      />
      {programme.stage === 'baseline' && (
        <p className="govuk-body">
          {t('programme.gateBefore')} <Term id="baseline">{t('programme.gateTerm')}</Term>{' '}
          {t('programme.gateAfter', {
            threshold: programme.baselineThresholdPercent,
            cohort: programme.minimumCohort,
          })}
        </p>
      )}
    </>
  );
}

/** Where the site's work on this programme is done, as far as this person's role allows. */
function ProgrammeLinks({ programmeId }: { programmeId: string }) {
  const t = useT();
  const { role } = useActiveMembership();
  const query = `?programmeId=${programmeId}`;
  const links = [
    mayUse(role, 'participant.search') && {
      to: `/participants${query}`,
      text: t('programme.link.participants'),
    },
    SESSION_ROLES.includes(role) && { to: `/sessions${query}`, text: t('programme.link.sessions') },
    COLLECTION_ROLES.includes(role) && {
      to: `/collection${query}`,
      text: t('programme.link.collection'),
    },
    mayUse(role, 'evidenceImport.upload') && {
      to: `/import${query}`,
      text: t('programme.link.import'),
    },
  ].filter((link): link is { to: string; text: string } => link !== false);
  if (links.length === 0) return null;
  return (
    <nav aria-labelledby="programme-work">
      <h2 className="govuk-heading-m" id="programme-work">
        {t('programme.work')}
      </h2>
      <ul className="govuk-list govuk-list--spaced">
        {links.map((link) => (
          <li key={link.to}>
            <Link className="govuk-link" to={link.to}>
              {link.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
