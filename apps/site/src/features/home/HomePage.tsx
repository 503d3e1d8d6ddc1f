import { CardList, InsetText, Page, useActiveMembership, useSession } from '@coproduce/ui';
import { mayUse } from '../../app/navigation.ts';
import { useT } from '../../i18n.ts';

/** A home for each role of a site; hub and commissioner roles are pointed to the hub. */
export function HomePage() {
  const t = useT();
  const me = useSession();
  const membership = useActiveMembership();
  const organisation = membership.organisation.name;
  const firstName = me.person.name.split(' ')[0] ?? me.person.name;

  switch (membership.role) {
    case 'site_lead':
      return (
        <Page title={t('home.siteLead.title')} caption={organisation} headingSize="xl">
          <p className="govuk-body-l">{t('home.siteLead.intro', { organisation })}</p>
          {mayUse(membership.role, 'people.listMembers') && (
            <CardList
              items={[
                {
                  to: '/people',
                  title: t('home.siteLead.peopleTitle'),
                  description: t('home.siteLead.peopleBody'),
                },
              ]}
            />
          )}
          <InsetText>
            <p className="govuk-body">{t('home.siteLead.later')}</p>
          </InsetText>
        </Page>
      );
    case 'practitioner':
    case 'community_researcher':
      return (
        <Page
          title={t(`home.${membership.role}.title`, { name: firstName })}
          caption={organisation}
          headingSize="xl"
        >
          <p className="govuk-body-l">{t(`home.${membership.role}.intro`, { organisation })}</p>
          <h2 className="govuk-heading-m">{t('home.nothingYet')}</h2>
          <InsetText>
            <p className="govuk-body">{t(`home.${membership.role}.later`)}</p>
          </InsetText>
        </Page>
      );
    default:
      return (
        <Page
          title={t('home.other.title', { name: firstName })}
          caption={organisation}
          headingSize="xl"
        >
          <p className="govuk-body-l">
            {t('home.other.intro', { role: t(`role.${membership.role}`), organisation })}
          </p>
          <p className="govuk-body">{t('home.other.hub')}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/hub/">
              {t('home.other.hubLink')}
            </a>
          </p>
        </Page>
      );
  }
}
