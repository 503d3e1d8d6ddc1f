import { formatPounds } from '@coproduce/domain';
import {
  Button,
  ButtonGroup,
  readError,
  useIdempotencyKeys,
  useTRPC,
  WarningText,
} from '@coproduce/ui';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFinanceT } from './i18n.ts';
import type { PaymentRunView } from './types.ts';
import { RunStep, RunStepPage, runPath, useRefreshMoney } from './use-payment-run.tsx';

/** The last look before the bank file is made: what goes in it, and that it cannot be undone. */
export function ReleasePaymentRunPage() {
  const t = useFinanceT();
  return (
    <RunStep
      title={t('releaseRun.title')}
      allowed={['approved']}
      form={(run, backLink) => <ReleaseForm run={run} backLink={backLink} />}
      unavailable={() => t('releaseRun.notApproved')}
      linkToRun
    />
  );
}

function ReleaseForm({ run, backLink }: { run: PaymentRunView; backLink: ReactNode }) {
  const t = useFinanceT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshMoney();
  // One key for this confirmation: a double click or a retry after a lost answer is one release.
  const keys = useIdempotencyKeys();
  const release = useMutation(trpc.paymentRun.release.mutationOptions());
  const [attempt, setAttempt] = useState(0);
  const failure = release.isError ? readError(release.error, t('state.unreachable')) : null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = { runId: run.id };
    try {
      await release.mutateAsync({ ...request, idempotencyKey: keys.keyFor(request) });
      keys.done();
      await refresh();
      await navigate(runPath(run.id), { state: { notice: t('run.released') } });
    } catch {
      setAttempt((previous) => previous + 1);
    }
  };

  return (
    <RunStepPage
      run={run}
      title={t('releaseRun.title')}
      backLink={backLink}
      errors={failure === null ? [] : [{ text: failure.message }]}
      attempt={attempt}
    >
      <p className="govuk-body-l">
        {t('releaseRun.summary', {
          count: run.lineCount.toLocaleString(t.locale),
          total: formatPounds(run.totalPence),
        })}
      </p>
      <WarningText>{t('releaseRun.warning')}</WarningText>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ButtonGroup>
          <Button variant="warning" pending={release.isPending}>
            {t('releaseRun.submit')}
          </Button>
          <Link className="govuk-link" to={runPath(run.id)}>
            {t('common.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </RunStepPage>
  );
}
