import { formatPounds } from '@coproduce/domain';
import {
  Button,
  EmptyState,
  formatDate,
  Loaded,
  Page,
  Pagination,
  Select,
  Table,
  Tag,
  type TagColour,
  useTRPC,
} from '@coproduce/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type FinanceTranslate, useFinanceT } from './i18n.ts';
import {
  currentCursor,
  nextPage,
  PAYABLE_FILTERS,
  type PayablesView,
  payablesSearch,
  previousPage,
  readPayablesView,
  withStatus,
} from './payables-search.ts';
import type { Payable, PayableFilter, PayableStatus } from './types.ts';

const STATUS_COLOURS: Record<PayableStatus, TagColour> = {
  open: 'blue',
  inRun: 'yellow',
  paid: 'green',
};

const filterWords = (t: FinanceTranslate, filter: PayableFilter) =>
  ({
    open: t('payables.filter.open'),
    paid: t('payables.filter.paid'),
    all: t('payables.filter.all'),
  })[filter];

/** What the hub owes, soonest due first: open, in a payment run, or paid; a page at a time. */
export function PayablesPage() {
  const t = useFinanceT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const view = readPayablesView(params);
  const cursor = currentCursor(view);
  const payables = useQuery({
    ...trpc.payable.list.queryOptions({
      status: view.status,
      ...(cursor === undefined ? {} : { cursor }),
    }),
    placeholderData: keepPreviousData,
  });
  const previous = previousPage(view);
  const pageNumber = view.cursors.length + 1;

  return (
    <Page title={t('payables.title')} caption={t('finance.title')}>
      <p className="govuk-body">{t('payables.intro')}</p>
      <PayablesFilter
        key={view.status}
        view={view}
        onApply={(next) => void navigate({ search: payablesSearch(next) })}
      />
      <Loaded query={payables} loading={t('payables.loading')}>
        {(page) =>
          page.payables.length === 0 ? (
            <EmptyState>{t('payables.empty')}</EmptyState>
          ) : (
            <>
              <PayablesTable
                payables={page.payables}
                caption={
                  pageNumber === 1
                    ? t('payables.caption')
                    : t('payables.captionPage', { page: pageNumber })
                }
              />
              <Pagination
                {...(previous === undefined
                  ? {}
                  : { previous: { search: payablesSearch(previous) } })}
                {...(page.nextCursor === null
                  ? {}
                  : { next: { search: payablesSearch(nextPage(view, page.nextCursor)) } })}
              />
            </>
          )
        }
      </Loaded>
    </Page>
  );
}

function PayablesFilter({
  view,
  onApply,
}: {
  view: PayablesView;
  onApply: (view: PayablesView) => void;
}) {
  const t = useFinanceT();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const status = String(new FormData(event.currentTarget).get('status') ?? '');
    const known = PAYABLE_FILTERS.find((filter) => filter === status);
    onApply(withStatus(known ?? 'open'));
  };
  return (
    <form className="app-filter" noValidate onSubmit={submit} aria-labelledby="payables-filter">
      <h2 className="govuk-heading-m" id="payables-filter">
        {t('payables.filter.heading')}
      </h2>
      <div className="app-filter__fields">
        <Select
          name="status"
          label={t('payables.filter.status')}
          defaultValue={view.status}
          options={PAYABLE_FILTERS.map((filter) => ({
            value: filter,
            text: filterWords(t, filter),
          }))}
        />
      </div>
      <div className="app-filter__actions">
        <Button>{t('payables.filter.apply')}</Button>
      </div>
    </form>
  );
}

function PayablesTable({ payables, caption }: { payables: readonly Payable[]; caption: string }) {
  const t = useFinanceT();
  return (
    <Table
      caption={caption}
      columns={[
        { header: t('payables.col.payee') },
        { header: t('payables.col.programme') },
        { header: t('payables.col.source') },
        { header: t('payables.col.due') },
        { header: t('payables.col.amount'), numeric: true },
        { header: t('payables.col.status') },
      ]}
      rows={payables.map((payable) => ({
        key: payable.id,
        cells: [
          payable.payeeName,
          payable.programmeName,
          payable.description,
          <span key="due" className="app-nowrap">
            {formatDate(payable.dueOn, t.locale)}
          </span>,
          formatPounds(payable.amountPence),
          <PayableStatusCell key="status" payable={payable} />,
        ],
      }))}
    />
  );
}

function PayableStatusCell({ payable }: { payable: Payable }) {
  const t = useFinanceT();
  return (
    <>
      <Tag colour={STATUS_COLOURS[payable.status]}>{t(`payables.status.${payable.status}`)}</Tag>
      {payable.status === 'inRun' && payable.runId !== null && (
        <Link
          className="govuk-link govuk-body-s govuk-!-display-block govuk-!-margin-top-1"
          to={`/finance/payment-runs/${payable.runId}`}
        >
          {t('payables.openRun')}
          <span className="govuk-visually-hidden">
            {' '}
            {t('payables.openRunFor', { description: payable.description })}
          </span>
        </Link>
      )}
      {payable.paidOn !== null && (
        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">
          {t('payables.paidOn', { date: formatDate(payable.paidOn, t.locale) })}
        </span>
      )}
    </>
  );
}
