import {
  BackLink,
  ButtonLink,
  EmptyState,
  formatDate,
  NotificationBanner,
  Page,
  QueryStatus,
  type RateCardVersionsView,
  Table,
  useActiveMembership,
  useNotice,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { useRateCardsT } from './i18n.ts';
import { RateCardView } from './RateCardView.tsx';

/**
 * A programme's rate card: the version in force today (or the one chosen from the history),
 * and every dated amendment with its reason. Coordinators can amend it.
 */
export function RateCardPage() {
  const t = useRateCardsT();
  const trpc = useTRPC();
  const { programmeId = '' } = useParams();
  const versions = useQuery(trpc.rateCard.versions.queryOptions({ programmeId }));
  const [notice] = useNotice();
  const backLink = <BackLink to={`/programmes/${programmeId}`}>{t('rateCard.back')}</BackLink>;

  if (!versions.isSuccess) {
    return (
      <Page title={t('rateCard.title')} backLink={backLink}>
        <QueryStatus query={versions} loading={t('rateCard.loading')} />
      </Page>
    );
  }
  return (
    <Page
      title={t('rateCard.title')}
      caption={versions.data.programme.name}
      backLink={backLink}
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <RateCardContent data={versions.data} />
    </Page>
  );
}

function RateCardContent({ data }: { data: RateCardVersionsView }) {
  const t = useRateCardsT();
  const membership = useActiveMembership();
  const [params] = useSearchParams();
  const { versions } = data;
  const chosen = versions.find((version) => version.id === params.get('version'));
  const inForce = versions.find((version) => version.inForce);
  const shown = chosen ?? inForce ?? versions.at(-1);
  const funderName = (id: string) =>
    data.funders.find((funder) => funder.organisationId === id)?.name ?? id;

  return (
    <>
      <p className="govuk-body">{t('rateCard.intro')}</p>
      {mayUse(membership.role, 'rateCard.amend') && (
        <ButtonLink to={`/programmes/${data.programme.id}/rate-card/amend`}>
          {versions.length === 0 ? t('rateCard.create') : t('rateCard.amend')}
        </ButtonLink>
      )}
      {shown === undefined ? (
        <EmptyState>{t('rateCard.none')}</EmptyState>
      ) : (
        <>
          <h2 className="govuk-heading-l">
            {shown.inForce
              ? t('rateCard.currentHeading')
              : t('rateCard.otherHeading', { date: formatDate(shown.effectiveFrom, t.locale) })}
          </h2>
          <p className="govuk-body">
            {t('rateCard.current', { date: formatDate(shown.effectiveFrom, t.locale) })}
          </p>
          <RateCardView version={shown} funderName={funderName} />
        </>
      )}
      {versions.length > 0 && <AmendmentHistory data={data} shownId={shown?.id} />}
    </>
  );
}

function AmendmentHistory({ data, shownId }: { data: RateCardVersionsView; shownId?: string }) {
  const t = useRateCardsT();
  return (
    <Table
      caption={t('rateCard.history.caption')}
      captionSize="l"
      columns={[
        { header: t('rateCard.history.effectiveFrom') },
        { header: t('rateCard.history.reason') },
        { header: t('rateCard.history.by') },
        { header: t('rateCard.history.outcomes'), numeric: true },
        {
          header: <span className="govuk-visually-hidden">{t('rateCard.history.actions')}</span>,
        },
      ]}
      rows={[...data.versions].reverse().map((version) => {
        const date = formatDate(version.effectiveFrom, t.locale);
        return {
          key: version.id,
          cells: [
            <span key="date" className="app-nowrap">
              {date}
            </span>,
            version.reason || t('rateCard.history.firstVersion'),
            version.createdByName ?? '–',
            version.card.outcomes.length.toLocaleString(t.locale),
            version.id === shownId ? (
              t('rateCard.history.shown')
            ) : (
              <Link key="view" className="govuk-link" to={`?version=${version.id}`}>
                {t('rateCard.history.view')}
                <span className="govuk-visually-hidden">
                  {' '}
                  {t('rateCard.history.viewFor', { date })}
                </span>
              </Link>
            ),
          ],
        };
      })}
    />
  );
}
