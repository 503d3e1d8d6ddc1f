import { formatPounds } from '@coproduce/domain';
import {
  Button,
  ButtonGroup,
  formatDate,
  readError,
  TextInput,
  useFormErrors,
  useIdempotencyKeys,
  useTRPC,
} from '@coproduce/ui';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFinanceT } from './i18n.ts';
import type { PaymentRunView } from './types.ts';
import { RunStep, RunStepPage, runPath, useRefreshMoney } from './use-payment-run.tsx';

const FIELDS = ['totpCode'] as const;

/**
 * Approving a run is a step-up: a fresh code from the authenticator app, whoever is signed in.
 * The server refuses the run's creator; its words are shown as they are.
 */
export function ApprovePaymentRunPage() {
  const t = useFinanceT();
  return (
    <RunStep
      title={t('approveRun.title')}
      allowed={['draft']}
      form={(run, backLink) => <ApproveForm run={run} backLink={backLink} />}
      unavailable={() => t('approveRun.notDraft')}
      linkToRun
    />
  );
}

function ApproveForm({ run, backLink }: { run: PaymentRunView; backLink: ReactNode }) {
  const t = useFinanceT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshMoney();
  const errors = useFormErrors(FIELDS);
  const keys = useIdempotencyKeys();
  const approve = useMutation(trpc.paymentRun.approve.mutationOptions());

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const totpCode = String(new FormData(event.currentTarget).get('totpCode') ?? '').replace(
      /\s/g,
      '',
    );
    if (!/^\d{6}$/.test(totpCode)) {
      errors.fail({ totpCode: t('approveRun.error.code') });
      return;
    }
    // The code is a credential, not part of the request: a retry with the next code after a
    // lost answer keeps the key, and the server answers with the approval it already made.
    const request = { runId: run.id, expectedVersion: run.version };
    try {
      await approve.mutateAsync({ ...request, totpCode, idempotencyKey: keys.keyFor(request) });
      keys.done();
      await refresh();
      await navigate(runPath(run.id), { state: { notice: t('run.approved') } });
    } catch (error) {
      errors.failWith(readError(error, t('state.unreachable')));
    }
  };

  return (
    <RunStepPage
      run={run}
      title={t('approveRun.title')}
      backLink={backLink}
      errors={errors.summaryItems}
      attempt={errors.attempt}
    >
      <p className="govuk-body-l">
        {t('approveRun.summary', {
          count: run.lineCount.toLocaleString(t.locale),
          total: formatPounds(run.totalPence),
          date: formatDate(run.dueBy, t.locale),
        })}
      </p>
      <p className="govuk-body">{t('approveRun.check')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextInput
          name="totpCode"
          label={t('approveRun.code')}
          hint={t('approveRun.codeHint')}
          width="5"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          error={errors.fieldErrors.totpCode}
        />
        <ButtonGroup>
          <Button pending={approve.isPending}>{t('approveRun.submit')}</Button>
          <Link className="govuk-link" to={runPath(run.id)}>
            {t('common.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </RunStepPage>
  );
}
