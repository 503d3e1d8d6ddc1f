import {
  BackLink,
  Button,
  ButtonGroup,
  ErrorSummary,
  fieldValue,
  Page,
  readError,
  TextInput,
  useActiveMembership,
  useFormErrors,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { CONFIRM_WORK_ROLES } from '../../app/navigation.ts';
import { BANK_FIELDS, readBankForm } from './bank-form.ts';
import { usePayT } from './t.ts';

/**
 * New bank details, GOV.UK's pattern: name on the account, sort code, account number. They wait
 * for a second person at the hub to confirm them, and payments are held until then.
 */
export function ChangeBankDetailsPage() {
  const t = usePayT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const membership = useActiveMembership();
  const forSite = CONFIRM_WORK_ROLES.includes(membership.role);
  const errors = useFormErrors(BANK_FIELDS);
  // Cached from the page before: whether these are the first details or a change.
  const bank = useQuery(trpc.bankDetails.mine.queryOptions({}));
  const adding = bank.data !== undefined && bank.data.confirmed === null;
  const request = useMutation(
    trpc.bankDetails.request.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.bankDetails.mine.queryKey() });
        void navigate('/pay/bank-details', { state: { notice: t('bank.done') } });
      },
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (request.isPending) return;
    const form = new FormData(event.currentTarget);
    const result = readBankForm({
      accountName: fieldValue(form, 'accountName'),
      sortCode: fieldValue(form, 'sortCode'),
      accountNumber: fieldValue(form, 'accountNumber'),
    });
    if (!result.ok) {
      errors.fail(
        Object.fromEntries(Object.entries(result.problems).map(([field, key]) => [field, t(key)])),
      );
      return;
    }
    errors.clear();
    request.mutate(result.account);
  };

  return (
    <Page
      title={t(adding ? 'bank.form.titleAdd' : 'bank.form.title')}
      caption={membership.organisation.name}
      width="two-thirds"
      backLink={
        <BackLink to="/pay/bank-details">{t(forSite ? 'bank.titleSite' : 'bank.title')}</BackLink>
      }
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <p className="govuk-body">{t('bank.form.intro')}</p>
      <form noValidate onSubmit={submit}>
        <TextInput
          name="accountName"
          label={t('bank.form.accountName')}
          hint={t('bank.form.accountName.hint')}
          autoComplete={forSite ? 'organization' : 'name'}
          spellCheck={false}
          error={errors.fieldErrors.accountName}
        />
        <TextInput
          name="sortCode"
          label={t('bank.form.sortCode')}
          hint={t('bank.form.sortCode.hint')}
          width="5"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          error={errors.fieldErrors.sortCode}
        />
        <TextInput
          name="accountNumber"
          label={t('bank.form.accountNumber')}
          hint={t('bank.form.accountNumber.hint')}
          width="10"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          error={errors.fieldErrors.accountNumber}
        />
        <ButtonGroup>
          <Button pending={request.isPending}>{t('bank.form.submit')}</Button>
          <Link className="govuk-link" to="/pay/bank-details">
            {t('bank.form.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </Page>
  );
}
