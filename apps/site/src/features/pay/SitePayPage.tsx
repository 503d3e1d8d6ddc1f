import { formatPounds } from '@coproduce/domain';
import {
  EmptyState,
  Loaded,
  NotificationBanner,
  Page,
  useActiveMembership,
  useNotice,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { BankDetailsSummary } from './BankDetailsSummary.tsx';
import { PaymentsSection } from './PaymentsSection.tsx';
import { usePayT } from './t.ts';
import type { WorkLogToConfirm } from './types.ts';
import { workTitle, workWhen } from './work-words.ts';

/** A site lead's pay: the sessions practitioners logged, waiting for them; the site's account. */
export function SitePayPage() {
  const t = usePayT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const [notice] = useNotice();
  const toConfirm = useQuery(trpc.workLog.toConfirm.queryOptions({}));

  return (
    <Page
      title={t('sitePay.title')}
      caption={membership.organisation.name}
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <p className="govuk-body">{t('sitePay.intro')}</p>
      <section aria-labelledby="pay-to-confirm">
        <h2 className="govuk-heading-m" id="pay-to-confirm">
          {t('sitePay.toConfirm.heading')}
        </h2>
        <Loaded query={toConfirm} loading={t('sitePay.loading')}>
          {({ workLogs }) =>
            workLogs.length === 0 ? (
              <EmptyState>{t('sitePay.toConfirm.none')}</EmptyState>
            ) : (
              <ul className="app-item-list">
                {workLogs.map((log) => (
                  <ToConfirmItem key={log.id} log={log} />
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <PaymentsSection heading={t('sitePay.payments.heading')} none={t('sitePay.payments.none')} />
      <section aria-labelledby="pay-bank">
        <h2 className="govuk-heading-m" id="pay-bank">
          {t('sitePay.bank.heading')}
        </h2>
        <BankDetailsSummary />
        <p className="govuk-body">
          <Link className="govuk-link" to="/pay/bank-details">
            {t('sitePay.bank.link')}
          </Link>
        </p>
      </section>
    </Page>
  );
}

function ToConfirmItem({ log }: { log: WorkLogToConfirm }) {
  const t = usePayT();
  return (
    <li className="app-item" data-testid={`to-confirm-${log.id}`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{log.personName}</h3>
      <p className="govuk-body govuk-!-margin-bottom-1">
        {workTitle(t, log)}
        {log.session?.title ? `: ${log.session.title}` : ''}
      </p>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        {log.amountPence === null
          ? log.roleTitle
          : t('sitePay.toConfirm.roleAndAmount', {
              role: log.roleTitle,
              amount: formatPounds(log.amountPence),
            })}
      </p>
      {log.isYours ? (
        <p className="govuk-body app-item__last">{t('sitePay.toConfirm.yours')}</p>
      ) : (
        <p className="govuk-body app-item__last">
          <Link className="govuk-link" to={`/pay/confirm/${log.id}`}>
            {t('sitePay.toConfirm.check')}
            <span className="govuk-visually-hidden">
              :{' '}
              {t('sitePay.toConfirm.checkFor', {
                name: log.personName,
                when: workWhen(t, log),
              })}
            </span>
          </Link>
        </p>
      )}
    </li>
  );
}
