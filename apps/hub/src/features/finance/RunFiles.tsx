import {
  Button,
  type DownloadedFile,
  ErrorState,
  readError,
  saveFile,
  useActiveMembership,
  useTRPC,
} from '@coproduce/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { mayUse } from '../../app/navigation.ts';
import { useFinanceT } from './i18n.ts';
import type { PaymentRunView } from './types.ts';

/** Each payee once, in the order their first payment appears. */
export function payeesOf(run: PaymentRunView): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const line of run.lines) {
    if (!seen.has(line.payeeId)) seen.set(line.payeeId, line.payeeName);
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

/**
 * A released run's files: for finance officers the Bacs Standard 18 file and the bulk-payment
 * CSV for the bank; for everyone who may read runs a remittance advice (PDF) per payee. Each
 * download is its own audited call, saved by the browser as the monitoring report is.
 */
export function RunFiles({ run }: { run: PaymentRunView }) {
  const t = useFinanceT();
  const trpc = useTRPC();
  const { role } = useActiveMembership();
  const [saved, setSaved] = useState<string | null>(null);
  const options = {
    onMutate: () => setSaved(null),
    onSuccess: (file: DownloadedFile) => {
      saveFile(file);
      setSaved(file.fileName);
    },
  };
  const bankFile = useMutation(trpc.paymentRun.download.mutationOptions(options));
  const remittance = useMutation(trpc.paymentRun.remittance.mutationOptions(options));
  const failed = bankFile.error ?? remittance.error;
  const pending = bankFile.isPending || remittance.isPending;
  const remittances = mayUse(role, 'paymentRun.remittance');
  if (!run.can.download && !remittances) return null;

  return (
    <section aria-labelledby="run-files" className="app-actions-panel">
      <h2 className="govuk-heading-m" id="run-files">
        {run.can.download ? t('run.files.heading') : t('run.remittances.heading')}
      </h2>
      {failed !== null && (
        <ErrorState message={readError(failed, t('state.unreachable')).message} />
      )}
      {run.can.download && (
        <>
          <p className="govuk-body">{t('run.files.body')}</p>
          <div className="govuk-button-group">
            <Button
              type="button"
              variant="secondary"
              pending={pending}
              onClick={() => bankFile.mutate({ runId: run.id, file: 'bacs' })}
            >
              {t('run.files.bacs')}
            </Button>
            <Button
              type="button"
              variant="secondary"
              pending={pending}
              onClick={() => bankFile.mutate({ runId: run.id, file: 'csv' })}
            >
              {t('run.files.csv')}
            </Button>
          </div>
        </>
      )}
      {remittances && (
        <>
          {run.can.download && <h3 className="govuk-heading-s">{t('run.remittances.heading')}</h3>}
          <p className="govuk-body">{t('run.remittances.body')}</p>
          <ul className="govuk-list">
            {payeesOf(run).map((payee) => (
              <li key={payee.id}>
                <button
                  type="button"
                  className="app-link-button"
                  aria-disabled={pending ? true : undefined}
                  onClick={() => {
                    if (!pending) remittance.mutate({ runId: run.id, payeeId: payee.id });
                  }}
                >
                  {t('run.remittances.download', { payee: payee.name })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="govuk-body govuk-!-margin-bottom-0" role="status">
        {pending
          ? t('run.files.pending')
          : saved !== null
            ? t('run.files.done', { file: saved })
            : ''}
      </p>
    </section>
  );
}
