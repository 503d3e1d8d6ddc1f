import { PASSWORD_MIN_LENGTH } from '@coproduce/domain';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { rawFieldValue, useFormErrors } from '../forms/use-form-errors.ts';
import { useUiT } from '../i18n/ui-translate.ts';
import { authClient } from './auth-client.ts';
import { authErrorMessage } from './auth-errors.ts';
import type { SignInNotice } from './SignInPage.tsx';

const FIELDS = ['newPassword', 'confirmPassword'] as const;

/** Reached from the emailed link; better-auth adds `?token=` (or `?error=` for a bad link). */
export function ResetPasswordPage() {
  const t = useUiT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const errors = useFormErrors(FIELDS);
  const [pending, setPending] = useState(false);

  if (token === null || token === '' || searchParams.has('error')) {
    return (
      <Page width="two-thirds" title={t('resetPassword.badLinkTitle')}>
        <p className="govuk-body">{t('resetPassword.badLinkBody')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forgot-password">
            {t('resetPassword.askAgain')}
          </Link>
        </p>
      </Page>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = rawFieldValue(form, 'newPassword');
    const confirmPassword = rawFieldValue(form, 'confirmPassword');
    const problems: Record<string, string> = {};
    if (newPassword === '') problems.newPassword = t('resetPassword.error.missing');
    else if (newPassword.length < PASSWORD_MIN_LENGTH) {
      problems.newPassword = t('password.error.tooShort', { min: PASSWORD_MIN_LENGTH });
    }
    if (newPassword !== '' && confirmPassword !== newPassword) {
      problems.confirmPassword = t('resetPassword.error.mismatch');
    }
    if (Object.keys(problems).length > 0) {
      errors.fail(problems);
      return;
    }
    setPending(true);
    try {
      const { error } = await authClient.resetPassword({ newPassword, token });
      if (error) {
        errors.fail({}, authErrorMessage(error, t));
        return;
      }
      const notice: SignInNotice = { notice: 'password-reset' };
      await navigate('/sign-in', { state: notice });
    } catch {
      errors.fail({}, t('state.unreachable'));
    } finally {
      setPending(false);
    }
  };

  return (
    <Page
      width="two-thirds"
      title={t('resetPassword.title')}
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <form noValidate onSubmit={submit}>
        <TextInput
          name="newPassword"
          type="password"
          label={t('resetPassword.newPassword')}
          hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          error={errors.fieldErrors.newPassword}
        />
        <TextInput
          name="confirmPassword"
          type="password"
          label={t('resetPassword.confirmPassword')}
          autoComplete="new-password"
          error={errors.fieldErrors.confirmPassword}
        />
        <Button pending={pending}>{t('resetPassword.submit')}</Button>
      </form>
    </Page>
  );
}
