import { formatPounds } from '@coproduce/domain';
import {
  ButtonLink,
  EmptyState,
  formatDate,
  Loaded,
  NotificationBanner,
  Page,
  StateTag,
  Table,
  useActiveMembership,
  useNotice,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { useFinanceT } from './i18n.ts';
import type { PaymentRunSummary } from './types.ts';

/** Every payment run, newest first, and the way to create one. */
export function PaymentRunsPage() {
  const t = useFinanceT();
  const trpc = useTRPC();
  const { role } = useActiveMembership();
  const runs = useQuery(trpc.paymentRun.list.queryOptions({}));
  const [notice] = useNotice();

  return (
    <Page
      title={t('runs.title')}
      caption={t('finance.title')}
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <p className="govuk-body">{t('runs.intro')}</p>
      {mayUse(role, 'paymentRun.create') && (
        <ButtonLink to="/finance/payment-runs/new">{t('runs.create')}</ButtonLink>
      )}
      <Loaded query={runs} loading={t('runs.loading')}>
        {(data) =>
          data.runs.length === 0 ? (
            <EmptyState>{t('runs.empty')}</EmptyState>
          ) : (
            <RunsTable runs={data.runs} />
          )
        }
      </Loaded>
    </Page>
  );
}

function RunsTable({ runs }: { runs: readonly PaymentRunSummary[] }) {
  const t = useFinanceT();
  return (
    <Table
      caption={t('runs.caption')}
      columns={[
        { header: t('runs.col.run') },
        { header: t('runs.col.created') },
        { header: t('runs.col.lines'), numeric: true },
        { header: t('runs.col.excluded'), numeric: true },
        { header: t('runs.col.total'), numeric: true },
        { header: t('runs.col.state') },
      ]}
      rows={runs.map((run) => ({
        key: run.id,
        cells: [
          <Link key="run" className="govuk-link" to={`/finance/payment-runs/${run.id}`}>
            {t('runs.name', { date: formatDate(run.dueBy, t.locale) })}
          </Link>,
          t('runs.createdBy', {
            date: formatDate(run.createdAt, t.locale),
            name: run.createdByName,
          }),
          run.lineCount.toLocaleString(t.locale),
          run.excludedCount.toLocaleString(t.locale),
          formatPounds(run.totalPence),
          <StateTag key="state" kind="paymentRun" state={run.state} />,
        ],
      }))}
    />
  );
}
