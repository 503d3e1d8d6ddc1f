import type { Role } from '@coproduce/domain';
import {
  type CardItem,
  CardList,
  EmptyState,
  ErrorState,
  InsetText,
  LoadingState,
  Page,
  readError,
  useActiveMembership,
  useTRPC,
  WorkList,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { APPROVAL_ROLES, FINANCE_ROLES, mayUse } from '../../app/navigation.ts';
import { useT } from '../../i18n.ts';

/** Roles whose daily work is in the site app. */
const SITE_ROLES: ReadonlySet<Role> = new Set(['practitioner', 'community_researcher']);

/**
 * The home of the active role: what is waiting for them now (each item a link to where to act,
 * soonest first), then the places their role can go.
 */
export function HomePage() {
  const t = useT();
  const membership = useActiveMembership();
  const role = membership.role;

  const cards: CardItem[] = [];
  if (APPROVAL_ROLES.includes(role)) {
    cards.push({
      to: '/approvals',
      title: t('home.card.approvals.title'),
      description: t('home.card.approvals.body'),
    });
  }
  if (mayUse(role, 'programme.list')) {
    cards.push({
      to: '/programmes',
      title: t('home.card.programmes.title'),
      description: mayUse(role, 'programme.create')
        ? t('home.card.programmes.coordinator')
        : t('home.card.programmes.body'),
    });
  }
  if (FINANCE_ROLES.includes(role)) {
    cards.push({
      to: '/finance',
      title: t('home.card.finance.title'),
      description: t('home.card.finance.body'),
    });
  }
  if (mayUse(role, 'work.keyPersonRisks')) {
    cards.push({
      to: '/risks',
      title: t('home.card.risks.title'),
      description: t('home.card.risks.body'),
    });
  }
  if (mayUse(role, 'people.listMembers')) {
    cards.push({
      to: '/people',
      title: t('home.card.people.title'),
      description:
        role === 'site_lead'
          ? t('home.card.people.siteLead')
          : role === 'auditor'
            ? t('home.card.people.auditor')
            : t('home.card.people.coordinator'),
    });
  }
  if (mayUse(role, 'audit.list')) {
    cards.push({
      to: '/audit',
      title: t('home.card.audit.title'),
      description: t('home.card.audit.body'),
    });
  }

  return (
    <Page
      title={t('home.title', { role: t(`role.${role}`) })}
      caption={membership.organisation.name}
      headingSize="xl"
    >
      <p className="govuk-body-l">
        {t('home.intro', { organisation: membership.organisation.name })}
      </p>
      {SITE_ROLES.has(role) ? (
        <InsetText>
          <p className="govuk-body">{t('home.siteRole')}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/site/">
              {t('home.siteRoleLink')}
            </a>
          </p>
        </InsetText>
      ) : (
        <>
          {mayUse(role, 'work.needsMe') && <NeedsMe />}
          {cards.length > 0 && (
            <>
              <h2 className="govuk-heading-l">{t('home.doNow')}</h2>
              <CardList items={cards} />
            </>
          )}
        </>
      )}
    </Page>
  );
}

function NeedsMe() {
  const t = useT();
  const trpc = useTRPC();
  const work = useQuery(trpc.work.needsMe.queryOptions());
  return (
    <section aria-labelledby="needs-me-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id="needs-me-heading">
        {t('home.needsMe.heading')}
      </h2>
      {work.isPending ? (
        <LoadingState label={t('home.needsMe.loading')} />
      ) : work.isError ? (
        <ErrorState
          message={readError(work.error, t('state.unreachable')).message}
          onRetry={() => void work.refetch()}
        />
      ) : work.data.items.length === 0 ? (
        <EmptyState>{t('home.needsMe.empty')}</EmptyState>
      ) : (
        <>
          <p className="govuk-body">{t.plural('home.needsMe.count', work.data.items.length)}</p>
          <WorkList items={work.data.items} idPrefix="needs-me" />
        </>
      )}
    </section>
  );
}
