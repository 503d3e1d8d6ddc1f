import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { BackLink } from '../components/BackLink.tsx';
import { Button } from '../components/Button.tsx';
import { Details } from '../components/Details.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Page } from '../components/Page.tsx';
import { TextInput } from '../components/TextInput.tsx';
import { fieldValue, useFormErrors } from '../forms/use-form-errors.ts';
import { useUiT } from '../i18n/ui-translate.ts';
import { authClient } from './auth-client.ts';
import { authErrorMessage } from './auth-errors.ts';
import { safeReturnTo } from './return-to.ts';

const FIELDS = ['code', 'backupCode'] as const;

/** The second step of signing in: nobody whose account has TOTP gets a session without it. */
export function TwoFactorPage() {
  const t = useUiT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const errors = useFormErrors(FIELDS);
  const [pending, setPending] = useState(false);

  const verify = async (
    field: 'code' | 'backupCode',
    call: (code: string) => Promise<{ error: Parameters<typeof authErrorMessage>[0] }>,
    code: string,
  ) => {
    setPending(true);
    try {
      const { error } = await call(code);
      if (error) {
        errors.fail({ [field]: authErrorMessage(error, t) });
        return;
      }
      queryClient.clear();
      await navigate(returnTo, { replace: true });
    } catch {
      errors.fail({}, t('state.unreachable'));
    } finally {
      setPending(false);
    }
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
    void verify('code', (value) => authClient.twoFactor.verifyTotp({ code: value }), code);
  };

  const submitBackupCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = fieldValue(new FormData(event.currentTarget), 'backupCode');
    if (code === '') {
      errors.fail({ backupCode: t('twoFactor.error.backupCodeMissing') });
      return;
    }
    void verify(
      'backupCode',
      (value) => authClient.twoFactor.verifyBackupCode({ code: value }),
      code,
    );
  };

  return (
    <Page
      width="two-thirds"
      title={t('twoFactor.title')}
      hasErrors={errors.hasErrors}
      backLink={<BackLink to="/sign-in">{t('common.back')}</BackLink>}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <p className="govuk-body">{t('twoFactor.intro')}</p>
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
        <Button pending={pending}>{t('twoFactor.submit')}</Button>
      </form>
      <Details summary={t('twoFactor.backup.summary')}>
        <p className="govuk-body">{t('twoFactor.backup.body')}</p>
        <form noValidate onSubmit={submitBackupCode}>
          <TextInput
            name="backupCode"
            label={t('twoFactor.backup.label')}
            autoComplete="off"
            spellCheck={false}
            width="10"
            error={errors.fieldErrors.backupCode}
          />
          <Button variant="secondary" pending={pending}>
            {t('twoFactor.backup.submit')}
          </Button>
        </form>
        <p className="govuk-body">{t('twoFactor.backup.noCodes')}</p>
      </Details>
      <p className="govuk-body">
        <Link className="govuk-link" to="/sign-in">
          {t('twoFactor.startAgain')}
        </Link>
      </p>
    </Page>
  );
}
