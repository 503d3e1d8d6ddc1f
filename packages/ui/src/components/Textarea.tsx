import type { TextareaHTMLAttributes } from 'react';
import { describedBy, ErrorMessage } from './ErrorMessage.tsx';

export function Textarea({
  name,
  id = name,
  label,
  labelSize,
  hint,
  error,
  rows = 5,
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'> & {
  name: string;
  id?: string;
  label: string;
  /** `s` or `m` when the label is the question the form asks; plain otherwise. */
  labelSize?: 's' | 'm';
  hint?: string;
  error?: string | undefined;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label
        className={`govuk-label${labelSize === undefined ? '' : ` govuk-label--${labelSize}`}`}
        htmlFor={id}
      >
        {label}
      </label>
      {hint !== undefined && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={errorId} message={error} />}
      <textarea
        {...textarea}
        id={id}
        name={name}
        rows={rows}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        aria-describedby={describedBy(hint !== undefined && hintId, Boolean(error) && errorId)}
      />
    </div>
  );
}
