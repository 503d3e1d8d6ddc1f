import type { Role } from '@coproduce/domain';
import { type CardItem, CardList, InsetText, Page, useActiveMembership } from '@coproduce/ui';
import { mayUse } from '../../app/navigation.ts';
import { useT } from '../../i18n.ts';

/** Roles whose daily work is in the site app. */
const SITE_ROLES: ReadonlySet<Role> = new Set(['practitioner', 'community_researcher']);

/**
 * The home of the active role: the things it can do now, as cards. Work queues that arrive with
 * later features are described in words, never shown with made-up data.
 */
export function HomePage() {
  const t = useT();
  const membership = useActiveMembership();
  const role = membership.role;

  const cards: CardItem[] = [];
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
  const later = t.optional(`home.later.${role}`);

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
          {cards.length > 0 && (
            <>
              <h2 className="govuk-heading-l">{t('home.doNow')}</h2>
              <CardList items={cards} />
            </>
          )}
          {later !== undefined && (
            <>
              {cards.length === 0 && <h2 className="govuk-heading-m">{t('home.nothingYet')}</h2>}
              <InsetText>
                <p className="govuk-body">{later}</p>
              </InsetText>
            </>
          )}
        </>
      )}
    </Page>
  );
}
