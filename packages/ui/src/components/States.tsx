import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useUiT } from '../i18n/ui-translate.ts';
import { readError } from '../trpc/errors.ts';
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

/**
 * A query that has no answer yet: `loading` while it is asked, or the server's words and a way to
 * ask again; nothing once it has its data. For a whole page:
 * `if (!query.isSuccess) return <Page …><QueryStatus query={query} loading={…} /></Page>;`
 */
export function QueryStatus({
  query,
  loading,
}: {
  query: UseQueryResult<unknown, unknown>;
  loading: string;
}) {
  const t = useUiT();
  if (query.isPending) return <LoadingState label={loading} />;
  if (query.isError) {
    return (
      <ErrorState
        message={readError(query.error, t('state.unreachable')).message}
        onRetry={() => void query.refetch()}
      />
    );
  }
  return null;
}

/** A query's loading and error states (`QueryStatus`), then `children` given its data. */
export function Loaded<T, E>({
  query,
  loading,
  children,
}: {
  query: UseQueryResult<T, E>;
  loading: string;
  children: (data: T) => ReactNode;
}) {
  if (!query.isSuccess) return <QueryStatus query={query} loading={loading} />;
  return <>{children(query.data)}</>;
}
