import { formatPounds } from '@coproduce/domain';
import {
  ButtonLink,
  EmptyState,
  Loaded,
  NotificationBanner,
  Page,
  Tag,
  useActiveMembership,
  useNotice,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PaymentsSection } from './PaymentsSection.tsx';
import { rateMessage, WORK_LOG_COLOUR } from './pay-words.ts';
import { usePayT } from './t.ts';
import type { MyPaidRole, MyWorkLog } from './types.ts';
import { workTitle } from './work-words.ts';

/**
 * A practitioner's pay on one phone screen: their role and rate, what they have been paid (each
 * payment with its remittance advice), and the sessions they logged with where each one is.
 */
export function YourPayPage() {
  const t = usePayT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const [notice] = useNotice();
  const work = useQuery(trpc.workLog.mine.queryOptions({}));

  return (
    <Page
      title={t('pay.title')}
      caption={membership.organisation.name}
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <Loaded query={work} loading={t('pay.loading')}>
        {({ roles, logs }) => (
          <>
            <RolesSection roles={roles} />
            <PaymentsSection heading={t('pay.payments.heading')} none={t('pay.payments.none')} />
            <WorkLogsSection logs={logs} />
          </>
        )}
      </Loaded>
      <h2 className="govuk-heading-m">{t('pay.bank.heading')}</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to="/pay/bank-details">
          {t('pay.bank.link')}
        </Link>
      </p>
    </Page>
  );
}

function RolesSection({ roles }: { roles: readonly MyPaidRole[] }) {
  const t = usePayT();
  const loggable = roles.filter((role) => role.canLog);
  const onlyMonthly = loggable.length > 0 && loggable.every((role) => role.payBasis === 'monthly');
  return (
    <section aria-labelledby="pay-roles">
      <h2 className="govuk-heading-m" id="pay-roles">
        {t('pay.roles.heading')}
      </h2>
      {roles.length === 0 ? (
        <EmptyState>{t('pay.roles.none')}</EmptyState>
      ) : (
        <>
          <ul className="app-item-list govuk-!-margin-bottom-4">
            {roles.map((role) => {
              const rate = rateMessage(role.payBasis, role.payRatePence);
              return (
                <li className="app-item" key={role.paidRoleId}>
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{role.title}</h3>
                  <p className="govuk-body-s govuk-!-margin-bottom-2">{role.programmeName}</p>
                  <p className="govuk-body-l govuk-!-font-weight-bold app-item__last">
                    {t(rate.key, { amount: rate.amount })}
                  </p>
                  {role.state === 'suspended' ? (
                    <p className="govuk-body app-item__last govuk-!-margin-top-2">
                      {t('pay.role.suspended')}
                    </p>
                  ) : (
                    !role.canLog &&
                    role.payBasis !== null && (
                      <p className="govuk-body app-item__last govuk-!-margin-top-2">
                        {t('pay.role.notActive')}
                      </p>
                    )
                  )}
                </li>
              );
            })}
          </ul>
          {loggable.length > 0 && (
            <ButtonLink to="/pay/log">{t(onlyMonthly ? 'pay.logMonth' : 'pay.log')}</ButtonLink>
          )}
        </>
      )}
    </section>
  );
}

function WorkLogsSection({ logs }: { logs: readonly MyWorkLog[] }) {
  const t = usePayT();
  return (
    <section aria-labelledby="pay-sessions">
      <h2 className="govuk-heading-m" id="pay-sessions">
        {t('pay.sessions.heading')}
      </h2>
      {logs.length === 0 ? (
        <EmptyState>{t('pay.sessions.none')}</EmptyState>
      ) : (
        <ul className="app-item-list">
          {logs.map((log) => (
            <li className="app-item" key={log.id} data-testid={`work-log-${log.id}`}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{workTitle(t, log)}</h3>
              {log.session?.title ? (
                <p className="govuk-body-s govuk-!-margin-bottom-1">{log.session.title}</p>
              ) : null}
              <p className="govuk-body govuk-!-margin-bottom-1">
                <Tag colour={WORK_LOG_COLOUR[log.state]}>{t(`workLog.state.${stage(log)}`)}</Tag>
              </p>
              {log.amountPence !== null && (
                <p className="govuk-body govuk-!-margin-bottom-1">
                  {log.minutes === null
                    ? formatPounds(log.amountPence)
                    : t('pay.sessions.amountAndTime', {
                        amount: formatPounds(log.amountPence),
                        time: t.plural('pay.sessions.minutes', log.minutes),
                      })}
                </p>
              )}
              <p className="govuk-body app-item__last">{t(`workLog.stateWords.${stage(log)}`)}</p>
              {log.state === 'rejected' && log.rejectedReason !== null && (
                <p className="govuk-body app-item__last govuk-!-margin-top-2">
                  {t(
                    stage(log) === 'notApproved' ? 'pay.sessions.hubReason' : 'pay.sessions.reason',
                    {
                      reason: log.rejectedReason,
                    },
                  )}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A log is rejected by the site lead before confirmation, or by the hub after it. */
function stage(log: MyWorkLog) {
  return log.state === 'rejected' && log.confirmedByName !== null ? 'notApproved' : log.state;
}
