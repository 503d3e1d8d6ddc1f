import type { OrganisationKind } from '@coproduce/domain';
import { POLICY } from '@coproduce/domain';
import {
  BackLink,
  EmptyState,
  ErrorState,
  LoadingState,
  type OrganisationList,
  OrganisationPeople,
  Page,
  readError,
  useActiveMembership,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n.ts';

const KIND_ORDER: readonly OrganisationKind[] = ['hub', 'site', 'commissioner'];

/**
 * People across the network: pick an organisation (kept in `?organisation=` so the view can be
 * shared), then its members and invitations. A role whose reach is its own organisation only
 * (a site lead) goes straight to its own.
 */
export function PeoplePage() {
  const t = useT();
  const membership = useActiveMembership();
  const [searchParams] = useSearchParams();
  const access = POLICY['people.listMembers'];
  const scope = access.kind === 'roles' ? access.roles[membership.role] : undefined;
  const ownOnly = scope === 'own-organisation';
  const chosen = ownOnly ? membership.organisation.id : searchParams.get('organisation');

  if (chosen !== null && chosen !== '') {
    return (
      <OrganisationPeople
        key={chosen}
        organisationId={chosen}
        backLink={
          ownOnly ? undefined : <BackLink to="/people">{t('peoplePage.allOrganisations')}</BackLink>
        }
      />
    );
  }
  return <OrganisationChooser />;
}

function OrganisationChooser() {
  const t = useT();
  const trpc = useTRPC();
  const organisations = useQuery(trpc.organisation.list.queryOptions());

  return (
    <Page title={t('peoplePage.title')}>
      <p className="govuk-body">{t('peoplePage.intro')}</p>
      {organisations.isPending ? (
        <LoadingState label={t('peoplePage.loading')} />
      ) : organisations.isError ? (
        <ErrorState
          message={readError(organisations.error, t('state.unreachable')).message}
          onRetry={() => void organisations.refetch()}
        />
      ) : organisations.data.organisations.length === 0 ? (
        <EmptyState>{t('peoplePage.empty')}</EmptyState>
      ) : (
        KIND_ORDER.map((kind) => (
          <OrganisationGroup
            key={kind}
            heading={t(`peoplePage.kind.${kind}`)}
            organisations={organisations.data.organisations.filter((o) => o.kind === kind)}
          />
        ))
      )}
    </Page>
  );
}

function OrganisationGroup({
  heading,
  organisations,
}: {
  heading: string;
  organisations: OrganisationList;
}) {
  const t = useT();
  if (organisations.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">{heading}</h2>
      <ul className="govuk-list govuk-list--spaced govuk-!-margin-bottom-8">
        {organisations.map((organisation) => (
          <li key={organisation.id}>
            <Link
              className="govuk-link"
              to={`?organisation=${encodeURIComponent(organisation.id)}`}
            >
              {organisation.name}
            </Link>
            {organisation.category !== null && (
              <span className="govuk-hint govuk-!-margin-bottom-0">
                {' '}
                {t('peoplePage.category', { category: organisation.category })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
