import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../components/Button.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { InsetText } from '../components/InsetText.tsx';
import { Page } from '../components/Page.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { WarningText } from '../components/WarningText.tsx';
import { fieldValue, rawFieldValue, useFormErrors } from '../forms/use-form-errors.ts';
import { useUiT } from '../i18n/ui-translate.ts';
import { SESSION_QUERY_KEY } from '../trpc/query-client.ts';
import { authClient } from './auth-client.ts';
import { authErrorMessage } from './auth-errors.ts';
import { QrCode } from './QrCode.tsx';
import { useSession } from './session.tsx';

interface Enrolment {
  readonly totpUri: string;
  readonly secret: string;
  readonly backupCodes: readonly string[];
}

const FIELDS = ['password', 'code'] as const;

/** Groups of four characters are easier to copy into an app by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

function secretOf(totpUri: string): string {
  try {
    return new URL(totpUri).searchParams.get('secret') ?? '';
  } catch {
    return '';
  }
}

/**
 * For a person whose role needs TOTP and who has none: confirm the password, add the secret
 * to an authenticator app, then prove it works with a code.
 */
export function TwoFactorSetUpPage() {
  const t = useUiT();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errors = useFormErrors(FIELDS);
  const [pending, setPending] = useState(false);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);

  if (me.person.twoFactorEnabled && enrolment === null) {
    return (
      <Page width="two-thirds" title={t('twoFactorSetUp.alreadyTitle')}>
        <p className="govuk-body">{t('twoFactorSetUp.alreadyBody')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            {t('common.goHome')}
          </Link>
        </p>
      </Page>
    );
  }

  const run = async (work: () => Promise<void>) => {
    setPending(true);
    try {
      await work();
    } catch {
      errors.fail({}, t('state.unreachable'));
    } finally {
      setPending(false);
    }
  };

  const submitPassword = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = rawFieldValue(new FormData(event.currentTarget), 'password');
    if (password === '') {
      errors.fail({ password: t('twoFactorSetUp.error.passwordMissing') });
      return;
    }
    void run(async () => {
      const { data, error } = await authClient.twoFactor.enable({ password });
      if (error || data === null || !('totpURI' in data)) {
        errors.fail({ password: authErrorMessage(error, t) });
        return;
      }
      errors.clear();
      setEnrolment({
        totpUri: data.totpURI,
        secret: secretOf(data.totpURI),
        backupCodes: data.backupCodes,
      });
    });
  };

  const submitCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = fieldValue(new FormData(event.currentTarget), 'code').replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) {
      errors.fail({
        code: code === '' ? t('twoFactor.error.codeMissing') : t('twoFactor.error.codeFormat'),
      });
      return;
    }
    void run(async () => {
      const { error } = await authClient.twoFactor.verifyTotp({ code });
      if (error) {
        errors.fail({ code: authErrorMessage(error, t) });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      await navigate('/', { replace: true });
    });
  };

  const summary = errors.hasErrors && (
    <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
  );

  if (enrolment === null) {
    return (
      <Page
        width="two-thirds"
        title={t('twoFactorSetUp.title')}
        hasErrors={errors.hasErrors}
        beforeHeading={summary}
      >
        <p className="govuk-body">{t('twoFactorSetUp.why')}</p>
        <p className="govuk-body">{t('twoFactorSetUp.needApp')}</p>
        <form noValidate onSubmit={submitPassword}>
          <TextInput
            name="password"
            type="password"
            label={t('twoFactorSetUp.password')}
            autoComplete="current-password"
            error={errors.fieldErrors.password}
          />
          <Button pending={pending}>{t('common.continue')}</Button>
        </form>
      </Page>
    );
  }

  return (
    <Page
      width="two-thirds"
      title={t('twoFactorSetUp.scanTitle')}
      hasErrors={errors.hasErrors}
      beforeHeading={summary}
    >
      <h2 className="govuk-heading-m">{t('twoFactorSetUp.step1')}</h2>
      <p className="govuk-body">{t('twoFactorSetUp.scan')}</p>
      <QrCode value={enrolment.totpUri} label={t('twoFactorSetUp.qrLabel')} />
      <p className="govuk-body">{t('twoFactorSetUp.orType')}</p>
      <p className="app-secret" data-testid="totp-secret">
        {groupSecret(enrolment.secret)}
      </p>
      <h2 className="govuk-heading-m">{t('twoFactorSetUp.step2')}</h2>
      <WarningText>{t('twoFactorSetUp.backupWarning')}</WarningText>
      <InsetText>
        <ul className="govuk-list app-code">
          {enrolment.backupCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </InsetText>
      <h2 className="govuk-heading-m">{t('twoFactorSetUp.step3')}</h2>
      <form noValidate onSubmit={submitCode}>
        <TextInput
          name="code"
          label={t('twoFactor.code')}
          hint={t('twoFactor.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          width="5"
          maxLength={7}
          error={errors.fieldErrors.code}
        />
        <Button pending={pending}>{t('twoFactorSetUp.finish')}</Button>
      </form>
    </Page>
  );
}
