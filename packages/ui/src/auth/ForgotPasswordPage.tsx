import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { appUrl, useAppConfig } from '../app/config.tsx';
import { BackLink } from '../components/BackLink.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fieldValue, useFormErrors } from '../forms/use-form-errors.ts';
import { useUiT } from '../i18n/ui-translate.ts';
import { authClient } from './auth-client.ts';
import { authErrorMessage } from './auth-errors.ts';

const FIELDS = ['email'] as const;

/**
 * The answer is the same whether or not an account exists, so the page cannot be used to find
 * out who has one.
 */
export function ForgotPasswordPage() {
  const t = useUiT();
  const config = useAppConfig();
  const errors = useFormErrors(FIELDS);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = fieldValue(new FormData(event.currentTarget), 'email');
    if (email === '') {
      errors.fail({ email: t('forgotPassword.error.emailMissing') });
      return;
    }
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      errors.fail({ email: t('forgotPassword.error.emailFormat') });
      return;
    }
    setPending(true);
    try {
      const { error } = await authClient.requestPasswordReset({
        email,
        redirectTo: appUrl(config, 'reset-password'),
      });
      if (error && error.status === 429) {
        errors.fail({}, authErrorMessage(error, t));
        return;
      }
      setSentTo(email);
    } catch {
      errors.fail({}, t('state.unreachable'));
    } finally {
      setPending(false);
    }
  };

  if (sentTo !== null) {
    return (
      <Page width="two-thirds" title={t('forgotPassword.sentTitle')}>
        <p className="govuk-body">{t('forgotPassword.sentBody', { email: sentTo })}</p>
        <p className="govuk-body">{t('forgotPassword.sentExpiry')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            {t('forgotPassword.backToSignIn')}
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page
      width="two-thirds"
      title={t('forgotPassword.title')}
      hasErrors={errors.hasErrors}
      backLink={<BackLink to="/sign-in">{t('common.back')}</BackLink>}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <p className="govuk-body">{t('forgotPassword.intro')}</p>
      <form noValidate onSubmit={submit}>
        <TextInput
          name="email"
          type="email"
          label={t('signIn.email')}
          autoComplete="email"
          spellCheck={false}
          error={errors.fieldErrors.email}
        />
        <Button pending={pending}>{t('forgotPassword.submit')}</Button>
      </form>
    </Page>
  );
}
