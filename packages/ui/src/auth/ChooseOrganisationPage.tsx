import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { Radios } from '../components/Radios.tsx';
import { fieldValue, useFormErrors } from '../forms/use-form-errors.ts';
import { useUiT } from '../i18n/ui-translate.ts';
import { readError } from '../trpc/errors.ts';
import { useTRPC } from '../trpc/trpc.ts';
import { safeReturnTo } from './return-to.ts';
import { useSession } from './session.tsx';

const FIELDS = ['membershipId'] as const;

/** For a person with several memberships: which organisation (and role) they act for now. */
export function ChooseOrganisationPage() {
  const t = useUiT();
  const me = useSession();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const errors = useFormErrors(FIELDS);
  const severalNetworks =
    new Set(me.memberships.map((membership) => membership.network.id)).size > 1;

  const select = useMutation(
    trpc.session.selectMembership.mutationOptions({
      onSuccess: async (session) => {
        // Every cached answer was for the previous organisation.
        queryClient.removeQueries();
        queryClient.setQueryData(trpc.session.me.queryKey(), session);
        await navigate(returnTo, { replace: true });
      },
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const membershipId = fieldValue(new FormData(event.currentTarget), 'membershipId');
    if (membershipId === '') {
      errors.fail({ membershipId: t('chooseOrganisation.error.missing') });
      return;
    }
    select.mutate({ membershipId });
  };

  return (
    <Page
      width="two-thirds"
      title={t('chooseOrganisation.title')}
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <p className="govuk-body">{t('chooseOrganisation.intro')}</p>
      <form noValidate onSubmit={submit}>
        <Radios
          name="membershipId"
          legend={t('chooseOrganisation.legend')}
          legendSize="hidden"
          defaultValue={me.activeMembershipId ?? undefined}
          error={errors.fieldErrors.membershipId}
          items={me.memberships.map((membership) => ({
            value: membership.id,
            text: membership.organisation.name,
            hint: severalNetworks
              ? t('chooseOrganisation.itemHintWithNetwork', {
                  role: t(`role.${membership.role}`),
                  network: membership.network.name,
                })
              : t(`role.${membership.role}`),
          }))}
        />
        <Button pending={select.isPending}>{t('common.continue')}</Button>
      </form>
    </Page>
  );
}
