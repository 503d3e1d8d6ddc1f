import { formatPounds } from '@coproduce/domain';
import {
  Button,
  Details,
  EmptyState,
  ErrorState,
  formatDate,
  Loaded,
  readError,
  saveFile,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { datesInWords, paymentsByRun, type RunPayments } from './payments.ts';
import { usePayT } from './t.ts';
import type { MyPayment } from './types.ts';

/**
 * What the hub has paid the caller (a practitioner) or their site (a site lead): one entry per
 * payment run, its total in pounds and pence, what each part was for and the reference on the
 * bank statement, and the run's remittance advice as a PDF.
 */
export function PaymentsSection({ heading, none }: { heading: string; none: string }) {
  const t = usePayT();
  const trpc = useTRPC();
  const payments = useQuery(trpc.payment.mine.queryOptions({}));
  const [saved, setSaved] = useState<string | null>(null);
  const remittance = useMutation(
    trpc.payment.myRemittance.mutationOptions({
      onSuccess: (file) => {
        saveFile(file);
        setSaved(file.fileName);
      },
    }),
  );
  const open = (runId: string) => {
    setSaved(null);
    remittance.mutate({ runId });
  };

  return (
    <section aria-labelledby="pay-payments">
      <h2 className="govuk-heading-m" id="pay-payments">
        {heading}
      </h2>
      <Loaded query={payments} loading={t('pay.payments.loading')}>
        {(data) =>
          data.payments.length === 0 ? (
            <EmptyState>{none}</EmptyState>
          ) : (
            <>
              <p className="govuk-hint">{t('pay.remittance.hint')}</p>
              {remittance.isError && (
                <ErrorState message={readError(remittance.error, t('state.unreachable')).message} />
              )}
              <ul className="app-item-list govuk-!-margin-bottom-2">
                {paymentsByRun(data.payments).map((run) => (
                  <RunItem
                    key={run.runId}
                    run={run}
                    busy={remittance.isPending}
                    onOpen={() => open(run.runId)}
                  />
                ))}
              </ul>
              <p className="govuk-body" role="status">
                {remittance.isPending
                  ? t('pay.remittance.pending')
                  : saved !== null
                    ? t('pay.remittance.done', { file: saved })
                    : ''}
              </p>
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function RunItem({ run, busy, onOpen }: { run: RunPayments; busy: boolean; onOpen: () => void }) {
  const t = usePayT();
  const amount = formatPounds(run.amountPence);
  const date = formatDate(run.paidOn, t.locale);
  return (
    <li className="app-item" data-testid={`payment-run-${run.runId}`}>
      <h3 className="govuk-heading-m govuk-!-margin-bottom-1">{amount}</h3>
      <p className="govuk-body">{t('pay.payment.paidOn', { date })}</p>
      {run.payments.length === 1 && run.payments[0] !== undefined ? (
        <PaymentPart payment={run.payments[0]} />
      ) : (
        <Details summary={t.plural('pay.payment.parts', run.payments.length)}>
          <ul className="govuk-list govuk-list--spaced">
            {run.payments.map((payment) => (
              <li key={payment.id}>
                <PaymentPart payment={payment} withAmount />
              </li>
            ))}
          </ul>
        </Details>
      )}
      <Button
        type="button"
        variant="secondary"
        className="govuk-!-margin-bottom-0"
        pending={busy}
        onClick={onOpen}
      >
        {t('pay.remittance.open')}
        <span className="govuk-visually-hidden">
          {' '}
          {t('pay.remittance.forPayment', { amount, date })}
        </span>
      </Button>
    </li>
  );
}

/** What one payment was for, and the reference the bank statement shows for it. */
function PaymentPart({
  payment,
  withAmount = false,
}: {
  payment: MyPayment;
  withAmount?: boolean;
}) {
  const t = usePayT();
  return (
    <p className="govuk-body">
      {withAmount && (
        <span className="govuk-!-font-weight-bold">{formatPounds(payment.amountPence)}: </span>
      )}
      {datesInWords(payment.description, t.locale)}
      <br />
      <span className="govuk-body-s">
        {t('pay.payment.reference', { reference: payment.reference })}
      </span>
    </p>
  );
}
