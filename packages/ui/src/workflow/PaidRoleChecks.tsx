import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Select } from '../components/Select.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fieldValue, useFormErrors } from '../forms/use-form-errors.ts';
import { formatDate } from '../i18n/format.ts';
import { readError } from '../trpc/errors.ts';
import { useTRPC } from '../trpc/trpc.ts';
import { CheckStatusTag } from './StateTag.tsx';
import type { CheckKind, PaidRoleCheck } from './types.ts';
import { useRefreshWorkflows } from './use-workflow.ts';
import { useWorkflowT, type WorkflowTranslate, workflowWords } from './words.ts';

/** "4 of 5 valid · 1 expiring soon": a role's checks in one line. */
export function checksSummary(t: WorkflowTranslate, checks: readonly PaidRoleCheck[]): string {
  const valid = checks.filter((check) => check.status === 'valid').length;
  const lapsing = checks.filter((check) => check.status === 'lapsing').length;
  const problems = checks.length - valid - lapsing;
  return [
    t('checks.summary', { valid: valid + lapsing, total: checks.length }),
    ...(lapsing > 0 ? [t('checks.summaryLapsing', { count: lapsing })] : []),
    ...(problems > 0 ? [t('checks.summaryProblems', { count: problems })] : []),
  ].join(' · ');
}

/**
 * Each required check with its status, what was checked and when it expires. A check expiring
 * within 30 days is marked "Expires soon" and its date is in bold, so it stands out on a phone.
 */
export function PaidRoleChecks({ checks }: { checks: readonly PaidRoleCheck[] }) {
  const t = useWorkflowT();
  const words = workflowWords(t);
  return (
    <SummaryList
      rows={checks.map((check) => ({
        key: words.checkKind(check.kind),
        value: (
          <>
            <CheckStatusTag status={check.status} />
            {check.reference !== null && (
              <span className="govuk-!-display-block govuk-!-margin-top-1 app-break">
                {check.reference}
              </span>
            )}
            {check.status !== 'missing' && (
              <span
                className={`govuk-!-display-block govuk-!-margin-top-1${check.status === 'lapsing' || check.status === 'expired' ? ' govuk-!-font-weight-bold' : ''}`}
              >
                {check.expiresOn === null
                  ? t('checks.noExpiry')
                  : t(check.status === 'expired' ? 'checks.expiredOn' : 'checks.expiresOn', {
                      date: formatDate(check.expiresOn, t.locale),
                    })}
              </span>
            )}
          </>
        ),
      }))}
    />
  );
}

const FIELDS = ['kind', 'reference', 'expiresOn'] as const;

/** Records one check for a paid role (a site lead for their own site, the hub for any). */
export function RecordCheckForm({
  paidRoleId,
  checks,
  headingLevel = 2,
  onDone,
}: {
  paidRoleId: string;
  checks: readonly PaidRoleCheck[];
  headingLevel?: 2 | 3;
  onDone: (checkName: string) => void;
}) {
  const t = useWorkflowT();
  const words = workflowWords(t);
  const trpc = useTRPC();
  const refresh = useRefreshWorkflows();
  const errors = useFormErrors(FIELDS);
  const record = useMutation(
    trpc.paidRole.recordCheck.mutationOptions({
      onSettled: () => {
        // Not awaited: the caller's own onSuccess must run while its screen is still mounted,
        // before the refetch removes the item it acted on.
        void refresh();
      },
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // The check most in need of attention comes first.
  const needing = checks.find((check) => check.status !== 'valid');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const kind = fieldValue(form, 'kind');
    const reference = fieldValue(form, 'reference');
    const expiresOn = fieldValue(form, 'expiresOn');
    const problems: Record<string, string> = {};
    const chosen = checks.find((check) => check.kind === kind);
    if (chosen === undefined) problems.kind = t('checks.record.error.kind');
    if (reference.length < 2) problems.reference = t('checks.record.error.reference');
    if (expiresOn !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(expiresOn))
      problems.expiresOn = t('checks.record.error.expiresOn');
    if (chosen === undefined || Object.keys(problems).length > 0) {
      errors.fail(problems);
      return;
    }
    errors.clear();
    record.mutate(
      {
        paidRoleId,
        kind: chosen.kind as CheckKind,
        reference,
        expiresOn: expiresOn === '' ? null : expiresOn,
      },
      {
        onSuccess: () => {
          formElement.reset();
          onDone(words.checkKind(chosen.kind));
        },
      },
    );
  };

  return (
    <section className="app-actions" aria-labelledby="record-check-heading">
      {errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />}
      <Heading className="govuk-heading-m" id="record-check-heading">
        {t('checks.record.heading')}
      </Heading>
      <form noValidate onSubmit={submit}>
        <Select
          name="kind"
          label={t('checks.record.kind')}
          defaultValue={needing?.kind ?? checks[0]?.kind}
          error={errors.fieldErrors.kind}
          options={checks.map((check) => ({
            value: check.kind,
            text: `${words.checkKind(check.kind)} (${words.checkStatus(check.status).toLowerCase()})`,
          }))}
        />
        <TextInput
          name="reference"
          label={t('checks.record.reference')}
          hint={t('checks.record.referenceHint')}
          autoComplete="off"
          error={errors.fieldErrors.reference}
        />
        <TextInput
          name="expiresOn"
          type="date"
          label={t('checks.record.expiresOn')}
          hint={t('checks.record.expiresOnHint')}
          error={errors.fieldErrors.expiresOn}
        />
        <Button pending={record.isPending}>{t('checks.record.submit')}</Button>
      </form>
    </section>
  );
}
