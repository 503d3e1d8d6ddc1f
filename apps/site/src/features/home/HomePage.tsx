import {
  addDaysIso,
  type CardItem,
  CardList,
  EmptyState,
  ErrorState,
  InsetText,
  LoadingState,
  type NeedsMeItem,
  NotificationBanner,
  Page,
  readError,
  todayIso,
  useActiveMembership,
  useNotice,
  useSession,
  useTRPC,
  WorkList,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import {
  COLLECTION_ROLES,
  CONFIRM_WORK_ROLES,
  MILESTONE_ROLES,
  mayUse,
  OWN_PAY_ROLES,
  PAID_ROLE_ROLES,
  PROGRAMME_ROLES,
  SESSION_ROLES,
} from '../../app/navigation.ts';
import { useT } from '../../i18n.ts';
import { OutboxStatus } from '../../offline/OutboxStatus.tsx';
import { RiskBanner } from './RiskBanner.tsx';
import { SafeguardingContact } from './SafeguardingContact.tsx';

/** A home for each role of a site; hub and commissioner roles are pointed to the hub. */
export function HomePage() {
  const t = useT();
  const me = useSession();
  const membership = useActiveMembership();
  const organisation = membership.organisation.name;
  const firstName = me.person.name.split(' ')[0] ?? me.person.name;
  const role = membership.role;
  const [notice, setNotice] = useNotice();

  if (role !== 'site_lead' && role !== 'practitioner' && role !== 'community_researcher') {
    return (
      <Page
        title={t('home.other.title', { name: firstName })}
        caption={organisation}
        headingSize="xl"
      >
        <p className="govuk-body-l">
          {t('home.other.intro', { role: t(`role.${role}`), organisation })}
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

  const cards: CardItem[] = [];
  if (OWN_PAY_ROLES.includes(role) && !CONFIRM_WORK_ROLES.includes(role)) {
    cards.push({
      to: '/pay',
      title: t('home.card.pay.title'),
      description: t('home.card.pay.body'),
    });
  }
  if (PROGRAMME_ROLES.includes(role)) {
    cards.push({
      to: '/programmes',
      title: t('home.card.programmes.title'),
      description: t('home.card.programmes.body'),
    });
  }
  if (MILESTONE_ROLES.includes(role)) {
    cards.push({
      to: '/milestones',
      title: t('home.card.milestones.title'),
      description: t('home.card.milestones.body'),
    });
  }
  if (PAID_ROLE_ROLES.includes(role)) {
    cards.push({
      to: '/paid-roles',
      title: t('home.card.checks.title'),
      description: t('home.card.checks.body'),
    });
  }
  if (SESSION_ROLES.includes(role)) {
    cards.push({
      to: '/sessions',
      title: t('home.card.sessions.title'),
      description: t('home.card.sessions.body'),
    });
  }
  if (COLLECTION_ROLES.includes(role)) {
    cards.push({
      to: '/collection',
      title: t('home.card.collection.title'),
      description: t('home.card.collection.body'),
    });
  }
  if (CONFIRM_WORK_ROLES.includes(role)) {
    cards.push({
      to: '/pay',
      title: t('home.card.sitePay.title'),
      description: t('home.card.sitePay.body'),
    });
  }
  if (mayUse(role, 'people.listMembers')) {
    cards.push({
      to: '/people',
      title: t('home.siteLead.peopleTitle'),
      description: t('home.siteLead.peopleBody'),
    });
  }

  return (
    <Page
      title={
        role === 'site_lead'
          ? t('home.siteLead.title')
          : t(`home.${role}.title`, { name: firstName })
      }
      caption={organisation}
      headingSize="xl"
      beforeHeading={
        <>
          {notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />}
          {mayUse(role, 'questionnaire.openRisks') && <RiskBanner onDone={setNotice} />}
          <OutboxStatus />
        </>
      }
    >
      <p className="govuk-body-l">
        {role === 'site_lead'
          ? t('home.siteLead.intro', { organisation })
          : t(`home.${role}.intro`, { organisation })}
      </p>
      {mayUse(role, 'work.needsMe') && <DueThisWeek />}
      {mayUse(role, 'organisation.updateSafeguardingContact') && (
        <SafeguardingContact onDone={setNotice} />
      )}
      <h2 className="govuk-heading-l">{t('home.goTo')}</h2>
      <CardList items={cards} />
      {role !== 'site_lead' && (
        <InsetText>
          <p className="govuk-body">{t(`home.${role}.later`)}</p>
        </InsetText>
      )}
    </Page>
  );
}

/** Due within 7 days, or already late: soonest first. */
export function splitThisWeek(items: readonly NeedsMeItem[], today: string) {
  const weekEnd = addDaysIso(today, 7);
  const thisWeek = items.filter((item) => item.dueOn !== null && item.dueOn <= weekEnd);
  const later = items.filter((item) => !thisWeek.includes(item));
  const soonest = (a: NeedsMeItem, b: NeedsMeItem) =>
    (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999');
  return { thisWeek: thisWeek.sort(soonest), later: later.sort(soonest) };
}

function DueThisWeek() {
  const t = useT();
  const trpc = useTRPC();
  const work = useQuery(trpc.work.needsMe.queryOptions());
  if (work.isPending) return <LoadingState label={t('home.due.loading')} />;
  if (work.isError) {
    return (
      <ErrorState
        message={readError(work.error, t('state.unreachable')).message}
        onRetry={() => void work.refetch()}
      />
    );
  }
  const { thisWeek, later } = splitThisWeek(work.data.items, todayIso());
  return (
    <>
      <section aria-labelledby="due-this-week" className="govuk-!-margin-bottom-6">
        <h2 className="govuk-heading-l" id="due-this-week">
          {t('home.due.heading')}
        </h2>
        {thisWeek.length === 0 ? (
          <EmptyState>{t('home.due.none')}</EmptyState>
        ) : (
          <WorkList items={thisWeek} idPrefix="due" />
        )}
      </section>
      {later.length > 0 && (
        <section aria-labelledby="due-later" className="govuk-!-margin-bottom-6">
          <h2 className="govuk-heading-m" id="due-later">
            {t('home.due.later')}
          </h2>
          <WorkList items={later} idPrefix="later" />
        </section>
      )}
    </>
  );
}
