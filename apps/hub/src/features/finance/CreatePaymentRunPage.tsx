import {
  addDaysIso,
  BackLink,
  Button,
  ButtonGroup,
  ErrorSummary,
  Page,
  readError,
  TextInput,
  todayIso,
  useFormErrors,
  useIdempotencyKeys,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFinanceT } from './i18n.ts';
import { isIsoDate } from './payables-search.ts';

const FIELDS = ['dueBy'] as const;

/** One question: pay everything due by which date. The run is then shown for review. */
export function CreatePaymentRunPage() {
  const t = useFinanceT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errors = useFormErrors(FIELDS);
  const keys = useIdempotencyKeys();
  const create = useMutation(trpc.paymentRun.create.mutationOptions());

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const dueBy = String(new FormData(event.currentTarget).get('dueBy') ?? '').trim();
    if (!isIsoDate(dueBy)) {
      errors.fail({ dueBy: t('createRun.error.dueBy') });
      return;
    }
    try {
      const run = await create.mutateAsync({ dueBy, idempotencyKey: keys.keyFor({ dueBy }) });
      keys.done();
      await queryClient.invalidateQueries({ queryKey: trpc.paymentRun.pathKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.payable.pathKey() });
      await navigate(`/finance/payment-runs/${run.runId}`, {
        state: { notice: t('createRun.created') },
      });
    } catch (error) {
      errors.failWith(readError(error, t('state.unreachable')));
    }
  };

  return (
    <Page
      width="two-thirds"
      title={t('createRun.title')}
      caption={t('runs.title')}
      backLink={<BackLink to="/finance/payment-runs">{t('common.back')}</BackLink>}
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextInput
          name="dueBy"
          type="date"
          label={t('createRun.dueBy')}
          hint={t('createRun.dueByHint')}
          defaultValue={addDaysIso(todayIso(), 7)}
          error={errors.fieldErrors.dueBy}
        />
        <ButtonGroup>
          <Button pending={create.isPending}>{t('createRun.submit')}</Button>
          <Link className="govuk-link" to="/finance/payment-runs">
            {t('common.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </Page>
  );
}
