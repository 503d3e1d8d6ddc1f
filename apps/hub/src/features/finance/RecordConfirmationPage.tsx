import {
  Button,
  FileUpload,
  readAsBase64,
  readError,
  useFormErrors,
  useIdempotencyKeys,
  useTRPC,
} from '@coproduce/ui';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { type ConfirmationProblem, readConfirmation } from './confirmation-form.ts';
import { type FinanceTranslate, useFinanceT } from './i18n.ts';
import { LineOutcomeFields } from './LineOutcomeFields.tsx';
import type { PaymentRunView } from './types.ts';
import { RunStep, RunStepPage, runPath, useRefreshMoney } from './use-payment-run.tsx';

/** The server names a problem with the file `file`, so the field has that name too. */
const FILE_FIELD = 'file';

const problemText = (t: FinanceTranslate, problem: ConfirmationProblem) =>
  problem.kind === 'nothing'
    ? t('confirmRun.error.nothing')
    : problem.kind === 'bankReference'
      ? t('confirmRun.error.bankReference', { payee: problem.payee })
      : t('confirmRun.error.reason', { payee: problem.payee });

/**
 * What the bank did with a released run: upload its confirmation file, or mark each payment
 * paid (with the bank's reference) or failed (with the reason).
 */
export function RecordConfirmationPage() {
  const t = useFinanceT();
  return (
    <RunStep
      title={t('confirmRun.title')}
      allowed={['released']}
      form={(run, backLink) => <ConfirmationForms run={run} backLink={backLink} />}
      unavailable={(run) =>
        run.state === 'completed' ? t('confirmRun.allDone') : t('confirmRun.notReleased')
      }
    />
  );
}

function ConfirmationForms({ run, backLink }: { run: PaymentRunView; backLink: ReactNode }) {
  const t = useFinanceT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshMoney();
  const waiting = run.lines.filter((line) => line.status === 'included');
  const fieldOrder = useMemo(
    () => [
      FILE_FIELD,
      ...waiting.flatMap((line) => [
        `outcome-${line.id}`,
        `reference-${line.id}`,
        `reason-${line.id}`,
      ]),
    ],
    [waiting],
  );
  const errors = useFormErrors(fieldOrder);
  const manualKeys = useIdempotencyKeys();
  const fileKeys = useIdempotencyKeys();
  const manual = useMutation(trpc.paymentRun.recordConfirmation.mutationOptions());
  const upload = useMutation(trpc.paymentRun.uploadConfirmation.mutationOptions());
  const pending = manual.isPending || upload.isPending;

  const refuse = (error: unknown) => errors.failWith(readError(error, t('state.unreachable')));

  const done = async () => {
    await refresh();
    await navigate(runPath(run.id), { state: { notice: t('run.confirmed') } });
  };

  const submitLines = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const read = readConfirmation(
      value,
      waiting.map((line) => ({ id: line.id, payee: line.payeeName })),
    );
    if (read.problems.length > 0) {
      errors.fail(
        Object.fromEntries(
          read.problems.map((problem) => [problem.fieldId, problemText(t, problem)]),
        ),
      );
      return;
    }
    const request = { runId: run.id, lines: read.outcomes };
    try {
      await manual.mutateAsync({ ...request, idempotencyKey: manualKeys.keyFor(request) });
      manualKeys.done();
      await done();
    } catch (error) {
      refuse(error);
    }
  };

  const submitFile = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get(FILE_FIELD);
    if (!(file instanceof File) || file.size === 0) {
      errors.fail({ [FILE_FIELD]: t('confirmRun.upload.error.file') });
      return;
    }
    try {
      const request = {
        runId: run.id,
        fileName: file.name,
        contentBase64: await readAsBase64(file),
      };
      await upload.mutateAsync({ ...request, idempotencyKey: fileKeys.keyFor(request) });
      fileKeys.done();
      await done();
    } catch (error) {
      refuse(error);
    }
  };

  return (
    <RunStepPage
      run={run}
      title={t('confirmRun.title')}
      backLink={backLink}
      errors={errors.summaryItems}
      attempt={errors.attempt}
    >
      <p className="govuk-body">{t('confirmRun.intro')}</p>
      <form
        noValidate
        onSubmit={(event) => void submitFile(event)}
        aria-labelledby="upload-heading"
      >
        <h2 className="govuk-heading-m" id="upload-heading">
          {t('confirmRun.upload.heading')}
        </h2>
        <FileUpload
          name={FILE_FIELD}
          label={t('confirmRun.upload.file')}
          hint={t('confirmRun.upload.body')}
          accept=".csv,text/csv"
          error={errors.fieldErrors[FILE_FIELD]}
        />
        <Button variant="secondary" pending={pending}>
          {t('confirmRun.upload.submit')}
        </Button>
      </form>
      <form
        noValidate
        onSubmit={(event) => void submitLines(event)}
        aria-labelledby="manual-heading"
      >
        <h2 className="govuk-heading-m" id="manual-heading">
          {t('confirmRun.manual.heading')}
        </h2>
        {waiting.map((line) => (
          <LineOutcomeFields key={line.id} line={line} errors={errors.fieldErrors} />
        ))}
        <div className="govuk-button-group">
          <Button pending={pending}>{t('confirmRun.submit')}</Button>
          <Link className="govuk-link" to={runPath(run.id)}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </RunStepPage>
  );
}
