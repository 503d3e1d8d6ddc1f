import { formatPounds } from '@coproduce/domain';
import {
  EmptyState,
  ErrorState,
  formatDate,
  LoadingState,
  type MilestoneSummary,
  Page,
  readError,
  StateTag,
  Tag,
  todayIso,
  useActiveMembership,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';

/** The site's milestones, grouped by who has to act: the site, the hub, or nobody any more. */
const GROUPS = [
  { key: 'toSend', states: ['changesRequested', 'planned'] },
  { key: 'withHub', states: ['submitted', 'resubmitted', 'approved', 'countersigned'] },
  { key: 'done', states: ['payable', 'paid'] },
  { key: 'notAccepted', states: ['rejected'] },
] as const;

export function MilestonesPage() {
  const t = useT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const milestones = useQuery(trpc.milestone.list.queryOptions({}));

  return (
    <Page title={t('milestones.title')} caption={membership.organisation.name}>
      <p className="govuk-body">{t('milestones.intro')}</p>
      {milestones.isPending ? (
        <LoadingState label={t('milestones.loading')} />
      ) : milestones.isError ? (
        <ErrorState
          message={readError(milestones.error, t('state.unreachable')).message}
          onRetry={() => void milestones.refetch()}
        />
      ) : milestones.data.milestones.length === 0 ? (
        <EmptyState>{t('milestones.none')}</EmptyState>
      ) : (
        GROUPS.map((group) => {
          const items = milestones.data.milestones
            .filter((milestone) => (group.states as readonly string[]).includes(milestone.state))
            .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
          if (items.length === 0) return null;
          return (
            <section key={group.key} aria-labelledby={`group-${group.key}`}>
              <h2 className="govuk-heading-m" id={`group-${group.key}`}>
                {t(`milestones.group.${group.key}`)}
              </h2>
              <ul className="app-item-list">
                {items.map((milestone) => (
                  <MilestoneItem key={milestone.id} milestone={milestone} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </Page>
  );
}

function MilestoneItem({ milestone }: { milestone: MilestoneSummary }) {
  const t = useT();
  const today = todayIso();
  const late =
    milestone.dueOn !== null &&
    milestone.dueOn < today &&
    (milestone.state === 'planned' || milestone.state === 'changesRequested');
  return (
    <li
      className={`app-item${milestone.state === 'changesRequested' || late ? ' app-item--attention' : ''}`}
    >
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
        <Link className="govuk-link" to={`/milestones/${milestone.id}`}>
          {milestone.title}
        </Link>
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">{milestone.programmeName}</p>
      <p className="govuk-body govuk-!-margin-bottom-2">
        <span className="app-tag-row">
          <StateTag kind="milestone" state={milestone.state} />
          {late && <Tag colour="red">{t('milestones.late')}</Tag>}
        </span>
      </p>
      <p className="govuk-body app-item__last">
        {milestone.dueOn === null
          ? t('milestones.noDate', { value: formatPounds(milestone.valuePence) })
          : t('milestones.dueAndValue', {
              date: formatDate(milestone.dueOn, t.locale),
              value: formatPounds(milestone.valuePence),
            })}
      </p>
    </li>
  );
}
