import { Button, ButtonGroup, readError, Textarea, useFormErrors, useTRPC } from '@coproduce/ui';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFinanceT } from './i18n.ts';
import type { PaymentRunView } from './types.ts';
import { RunStep, RunStepPage, runPath, useRefreshMoney } from './use-payment-run.tsx';

const FIELDS = ['reason'] as const;

/** Cancelling a run before release, with the reason; its payables are open again. */
export function CancelPaymentRunPage() {
  const t = useFinanceT();
  return (
    <RunStep
      title={t('cancelRun.title')}
      allowed={['draft', 'approved']}
      form={(run, backLink) => <CancelForm run={run} backLink={backLink} />}
      unavailable={() => t('cancelRun.notCancellable')}
    />
  );
}

function CancelForm({ run, backLink }: { run: PaymentRunView; backLink: ReactNode }) {
  const t = useFinanceT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshMoney();
  const errors = useFormErrors(FIELDS);
  const cancel = useMutation(trpc.paymentRun.cancel.mutationOptions());

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (reason === '') {
      errors.fail({ reason: t('cancelRun.error.reason') });
      return;
    }
    try {
      await cancel.mutateAsync({ runId: run.id, reason });
      await refresh();
      await navigate(runPath(run.id), { state: { notice: t('run.cancelled') } });
    } catch (error) {
      errors.failWith(readError(error, t('state.unreachable')));
    }
  };

  return (
    <RunStepPage
      run={run}
      title={t('cancelRun.title')}
      backLink={backLink}
      errors={errors.summaryItems}
      attempt={errors.attempt}
    >
      <p className="govuk-body">{t('cancelRun.body')}</p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Textarea
          name="reason"
          label={t('cancelRun.reason')}
          labelSize="m"
          rows={3}
          error={errors.fieldErrors.reason}
        />
        <ButtonGroup>
          <Button variant="warning" pending={cancel.isPending}>
            {t('cancelRun.submit')}
          </Button>
          <Link className="govuk-link" to={runPath(run.id)}>
            {t('cancelRun.keep')}
          </Link>
        </ButtonGroup>
      </form>
    </RunStepPage>
  );
}
