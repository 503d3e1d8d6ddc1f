import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { NotificationBanner } from '../components/NotificationBanner.tsx';
import { Page } from '../components/Page.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fieldValue, rawFieldValue, useFormErrors } from '../forms/use-form-errors.ts';
import { useUiT } from '../i18n/ui-translate.ts';
import { authClient } from './auth-client.ts';
import { authErrorMessage } from './auth-errors.ts';
import { safeReturnTo, withReturnTo } from './return-to.ts';
import { useMeQuery } from './session.tsx';

/** What the page before sign-in wants to tell the person (set through router state). */
export interface SignInNotice {
  readonly notice: 'signed-out' | 'password-reset' | 'invitation-accepted';
  readonly email?: string;
}

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const t = useUiT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const notice = (location.state as SignInNotice | null) ?? null;
  const errors = useFormErrors(FIELDS);
  const [pending, setPending] = useState(false);
  const me = useMeQuery();

  if (me.isSuccess && !pending) return <Navigate to={returnTo} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = fieldValue(form, 'email');
    const password = rawFieldValue(form, 'password');
    const missing: Record<string, string> = {};
    if (email === '') missing.email = t('signIn.error.emailMissing');
    if (password === '') missing.password = t('signIn.error.passwordMissing');
    if (Object.keys(missing).length > 0) {
      errors.fail(missing);
      return;
    }
    setPending(true);
    try {
      const { data, error } = await authClient.signIn.email({ email, password });
      if (error) {
        errors.fail({}, authErrorMessage(error, t));
        return;
      }
      // Anything cached belongs to whoever was here before.
      queryClient.clear();
      if (data !== null && 'twoFactorRedirect' in data && data.twoFactorRedirect) {
        await navigate(withReturnTo('/two-factor', returnTo));
        return;
      }
      await navigate(returnTo, { replace: true });
    } catch {
      errors.fail({}, t('state.unreachable'));
    } finally {
      setPending(false);
    }
  };

  return (
    <Page
      width="two-thirds"
      title={t('signIn.title')}
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors ? (
          <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
        ) : (
          notice !== null && <SignInNoticeBanner notice={notice} />
        )
      }
    >
      <form noValidate onSubmit={submit}>
        <TextInput
          name="email"
          type="email"
          label={t('signIn.email')}
          autoComplete="username"
          spellCheck={false}
          defaultValue={notice?.email}
          error={errors.fieldErrors.email}
        />
        <TextInput
          name="password"
          type="password"
          label={t('signIn.password')}
          autoComplete="current-password"
          error={errors.fieldErrors.password}
        />
        <Button pending={pending}>{t('signIn.submit')}</Button>
      </form>
      <p className="govuk-body">
        <Link className="govuk-link" to="/forgot-password">
          {t('signIn.forgotPassword')}
        </Link>
      </p>
    </Page>
  );
}

function SignInNoticeBanner({ notice }: { notice: SignInNotice }) {
  const t = useUiT();
  switch (notice.notice) {
    case 'signed-out':
      return <NotificationBanner type="success" heading={t('signIn.notice.signedOut')} />;
    case 'password-reset':
      return <NotificationBanner type="success" heading={t('signIn.notice.passwordReset')} />;
    case 'invitation-accepted':
      return (
        <NotificationBanner type="success" heading={t('signIn.notice.invitationAccepted')}>
          <p className="govuk-body">
            {t('signIn.notice.invitationAcceptedBody', { email: notice.email ?? '' })}
          </p>
        </NotificationBanner>
      );
  }
}
