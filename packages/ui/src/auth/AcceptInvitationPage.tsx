import { PASSWORD_MIN_LENGTH } from '@coproduce/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { SummaryList } from '../components/SummaryList.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fieldValue, rawFieldValue, useFormErrors } from '../forms/use-form-errors.ts';
import { useUiT } from '../i18n/ui-translate.ts';
import { readError } from '../trpc/errors.ts';
import { useTRPC } from '../trpc/trpc.ts';
import type { InvitationPreview } from '../trpc/types.ts';
import type { SignInNotice } from './SignInPage.tsx';

const FIELDS = ['name', 'password'] as const;

/** Opened from the emailed link `…/invitations/accept?token=…`. */
export function AcceptInvitationPage() {
  const t = useUiT();
  const trpc = useTRPC();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const preview = useQuery(
    trpc.invitation.preview.queryOptions({ token }, { enabled: token !== '' }),
  );

  if (token === '') {
    return (
      <Page width="two-thirds" title={t('invitation.badLinkTitle')}>
        <p className="govuk-body">{t('invitation.badLinkBody')}</p>
      </Page>
    );
  }
  if (preview.isPending) {
    return (
      <Page width="two-thirds" title={t('invitation.title')}>
        <LoadingState />
      </Page>
    );
  }
  if (preview.isError) {
    return (
      <Page width="two-thirds" title={t('invitation.badLinkTitle')}>
        <ErrorState message={readError(preview.error, t('state.unreachable')).message} />
      </Page>
    );
  }
  if (preview.data.status !== 'pending') {
    return (
      <Page width="two-thirds" title={t(`invitation.status.${preview.data.status}.title`)}>
        <p className="govuk-body">{t(`invitation.status.${preview.data.status}.body`)}</p>
      </Page>
    );
  }
  return <AcceptForm token={token} invitation={preview.data} />;
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const t = useUiT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const errors = useFormErrors(FIELDS);
  const isNewAccount = !invitation.accountExists;

  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: async ({ email }) => {
        const notice: SignInNotice = { notice: 'invitation-accepted', email };
        await navigate('/sign-in', { state: notice });
      },
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = fieldValue(form, 'name');
    const password = rawFieldValue(form, 'password');
    const problems: Record<string, string> = {};
    if (isNewAccount && name === '') problems.name = t('invitation.error.nameMissing');
    if (password === '') {
      problems.password = isNewAccount
        ? t('invitation.error.newPasswordMissing')
        : t('invitation.error.passwordMissing');
    } else if (isNewAccount && password.length < PASSWORD_MIN_LENGTH) {
      problems.password = t('password.error.tooShort', { min: PASSWORD_MIN_LENGTH });
    }
    if (Object.keys(problems).length > 0) {
      errors.fail(problems);
      return;
    }
    accept.mutate(isNewAccount ? { token, name, password } : { token, password });
  };

  return (
    <Page
      width="two-thirds"
      title={t('invitation.title')}
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <p className="govuk-body">
        {t('invitation.intro', {
          organisation: invitation.organisationName,
          network: invitation.networkName,
        })}
      </p>
      <SummaryList
        rows={[
          { key: t('invitation.email'), value: invitation.email },
          { key: t('invitation.organisation'), value: invitation.organisationName },
          { key: t('invitation.role'), value: t(`role.${invitation.role}`) },
        ]}
      />
      <form noValidate onSubmit={submit}>
        {isNewAccount && (
          <TextInput
            name="name"
            label={t('invitation.name')}
            autoComplete="name"
            spellCheck={false}
            error={errors.fieldErrors.name}
          />
        )}
        <TextInput
          name="password"
          type="password"
          label={isNewAccount ? t('invitation.newPassword') : t('invitation.existingPassword')}
          hint={
            isNewAccount
              ? t('password.hint', { min: PASSWORD_MIN_LENGTH })
              : t('invitation.existingPasswordHint')
          }
          autoComplete={isNewAccount ? 'new-password' : 'current-password'}
          error={errors.fieldErrors.password}
        />
        <Button pending={accept.isPending}>{t('invitation.submit')}</Button>
      </form>
    </Page>
  );
}
