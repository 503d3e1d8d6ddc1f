import type { UiTranslate } from '../i18n/ui-translate.ts';
import type { AuthError } from './auth-client.ts';

/**
 * better-auth's own default messages are terse ("Invalid code"); for those codes we say it our
 * way. A refusal our server phrased itself (throttling, a reused code) is shown as written.
 */
export function authErrorMessage(error: AuthError | null | undefined, t: UiTranslate): string {
  if (error === null || error === undefined) return t('state.unreachable');
  switch (error.code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
      return t('auth.error.invalidCredentials');
    case 'INVALID_PASSWORD':
      return t('auth.error.wrongPassword');
    case 'INVALID_CODE':
      return t('auth.error.invalidCode');
    case 'INVALID_BACKUP_CODE':
      return t('auth.error.invalidBackupCode');
    case 'INVALID_TWO_FACTOR_COOKIE':
      return t('auth.error.twoFactorExpired');
    case 'INVALID_TOKEN':
      return t('auth.error.invalidResetLink');
    default:
      return error.message !== undefined && error.message !== ''
        ? error.message
        : t('state.unreachable');
  }
}
