import { type MouseEvent, useEffect, useRef } from 'react';
import { useUiT } from '../i18n/ui-translate.ts';

export interface ErrorSummaryItem {
  /** The id of the field the message is about; the link moves focus there. */
  readonly fieldId?: string;
  readonly text: string;
}

/**
 * Shown at the top of a form after a submit that failed. It takes focus when it appears (and
 * again on each later failed submit, `attempt` changes), so a screen reader reads the problems.
 */
export function ErrorSummary({
  errors,
  attempt,
}: {
  errors: readonly ErrorSummaryItem[];
  attempt?: number;
}) {
  const t = useUiT();
  const summary = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus on every failed submit
  useEffect(() => {
    summary.current?.focus();
  }, [attempt]);

  if (errors.length === 0) return null;

  const focusField = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (field === null) return;
    event.preventDefault();
    // Show the field's label or legend too, as GOV.UK Frontend does.
    const legendOrLabel =
      field.closest('fieldset')?.querySelector('legend') ??
      document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
    (legendOrLabel ?? field).scrollIntoView();
    field.focus({ preventScroll: true });
  };

  return (
    <div className="govuk-error-summary" ref={summary} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t('errorSummary.title')}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.fieldId ?? ''}:${error.text}`}>
                {error.fieldId === undefined ? (
                  error.text
                ) : (
                  <a
                    href={`#${error.fieldId}`}
                    onClick={(event) => focusField(event, error.fieldId as string)}
                  >
                    {error.text}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
