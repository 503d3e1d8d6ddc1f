import {
  BackLink,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDate,
  Page,
  QueryStatus,
  useTRPC,
} from '@coproduce/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useFinanceT } from './i18n.ts';
import type { PaymentRunView } from './types.ts';

/** The run named by the route (`:runId`). */
export function usePaymentRun() {
  const trpc = useTRPC();
  const { runId = '' } = useParams();
  return useQuery(trpc.paymentRun.get.queryOptions({ runId }));
}

/** After a step on a run: its page, the list and the payables all change. */
export function useRefreshMoney() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.paymentRun.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.payable.pathKey() }),
      ]),
    [queryClient, trpc],
  );
}

export const runPath = (runId: string) => `/finance/payment-runs/${runId}`;

/**
 * A page about one run: a page saying it is loading (or why it failed) until the run is here,
 * then `children`, given the run and the back link.
 */
export function RunFrame({
  title,
  back,
  children,
}: {
  title: string;
  back: 'list' | 'run';
  children: (run: PaymentRunView, backLink: ReactNode) => ReactNode;
}) {
  const t = useFinanceT();
  const run = usePaymentRun();
  const { runId = '' } = useParams();
  const backLink =
    back === 'list' ? (
      <BackLink to="/finance/payment-runs">{t('run.back')}</BackLink>
    ) : (
      <BackLink to={runPath(runId)}>{t('common.back')}</BackLink>
    );
  if (!run.isSuccess) {
    return (
      <Page title={title} backLink={backLink}>
        <QueryStatus query={run} loading={t('run.loading')} />
      </Page>
    );
  }
  return <>{children(run.data, backLink)}</>;
}

/**
 * A step on a run (approve, release, cancel, record what the bank did) that only some of the
 * run's states allow: `form` when the run is in one of them, otherwise a page saying why not.
 */
export function RunStep({
  title,
  allowed,
  form,
  unavailable,
  linkToRun = false,
}: {
  title: string;
  allowed: readonly PaymentRunView['state'][];
  form: (run: PaymentRunView, backLink: ReactNode) => ReactNode;
  unavailable: (run: PaymentRunView) => string;
  /** Whether the page saying why not also links back to the run, below its words. */
  linkToRun?: boolean;
}) {
  const t = useFinanceT();
  return (
    <RunFrame title={title} back="run">
      {(run, backLink) =>
        allowed.includes(run.state) ? (
          form(run, backLink)
        ) : (
          <Page width="two-thirds" title={title} backLink={backLink}>
            <p className="govuk-body">{unavailable(run)}</p>
            {linkToRun && (
              <p className="govuk-body">
                <Link className="govuk-link" to={runPath(run.id)}>
                  {t('run.back')}
                </Link>
              </p>
            )}
          </Page>
        )
      }
    </RunFrame>
  );
}

/** The form of a step on a run: headed by the run's name, its error summary above the heading. */
export function RunStepPage({
  run,
  title,
  backLink,
  errors,
  attempt,
  children,
}: {
  run: PaymentRunView;
  title: string;
  backLink: ReactNode;
  errors: readonly ErrorSummaryItem[];
  attempt: number;
  children: ReactNode;
}) {
  const t = useFinanceT();
  const hasErrors = errors.length > 0;
  return (
    <Page
      width="two-thirds"
      title={title}
      caption={t('runs.name', { date: formatDate(run.dueBy, t.locale) })}
      backLink={backLink}
      hasErrors={hasErrors}
      beforeHeading={hasErrors && <ErrorSummary errors={errors} attempt={attempt} />}
    >
      {children}
    </Page>
  );
}
