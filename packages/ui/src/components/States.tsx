import type { ReactNode } from 'react';
import { useUiT } from '../i18n/ui-translate.ts';
import { Button } from './Button.tsx';

/** Announced politely, so a screen reader says it without interrupting. */
export function LoadingState({ label }: { label?: string }) {
  const t = useUiT();
  return (
    <div role="status" aria-live="polite" className="govuk-!-margin-bottom-6">
      <p className="govuk-body govuk-hint">{label ?? t('state.loading')}</p>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body govuk-!-margin-bottom-0">{children}</p>
    </div>
  );
}

/**
 * A call that failed. `message` is the server's own wording (it is written for people), or
 * our fallback when the server could not be reached.
 */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const t = useUiT();
  return (
    <div className="govuk-error-summary" role="alert">
      <h2 className="govuk-error-summary__title">{t('errorSummary.title')}</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{message}</p>
        {onRetry !== undefined && (
          <Button
            type="button"
            variant="secondary"
            className="govuk-!-margin-bottom-0"
            onClick={onRetry}
          >
            {t('state.tryAgain')}
          </Button>
        )}
      </div>
    </div>
  );
}
