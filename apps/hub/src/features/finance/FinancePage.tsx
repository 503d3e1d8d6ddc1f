import { type CardItem, CardList, Page, useActiveMembership } from '@coproduce/ui';
import { mayUse } from '../../app/navigation.ts';
import { useFinanceT } from './i18n.ts';

/** Where finance work starts: each part the person's role may use, as a card. */
export function FinancePage() {
  const t = useFinanceT();
  const { role } = useActiveMembership();
  const cards: CardItem[] = [];
  if (mayUse(role, 'paymentRun.list')) {
    cards.push({
      to: '/finance/payment-runs',
      title: t('finance.card.runs.title'),
      description: t('finance.card.runs.body'),
    });
  }
  if (mayUse(role, 'payable.list')) {
    cards.push({
      to: '/finance/payables',
      title: t('finance.card.payables.title'),
      description: t('finance.card.payables.body'),
    });
  }
  if (mayUse(role, 'bankDetails.pending')) {
    cards.push({
      to: '/finance/bank-details',
      title: t('finance.card.bankDetails.title'),
      description: t('finance.card.bankDetails.body'),
    });
  }
  if (mayUse(role, 'workLog.toApprove')) {
    cards.push({
      to: '/finance/sessions',
      title: t('finance.card.sessions.title'),
      description: t('finance.card.sessions.body'),
    });
  }
  return (
    <Page title={t('finance.title')}>
      <p className="govuk-body-l">{t('finance.intro')}</p>
      <CardList items={cards} />
    </Page>
  );
}
