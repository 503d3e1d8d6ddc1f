import type { SelectHTMLAttributes } from 'react';
import { describedBy, ErrorMessage } from './ErrorMessage.tsx';

export interface SelectOption {
  readonly value: string;
  readonly text: string;
}

export function Select({
  name,
  id = name,
  label,
  hint,
  error,
  options,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'> & {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  options: readonly SelectOption[];
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <div id={hintId} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && <ErrorMessage id={errorId} message={error} />}
      <select
        {...select}
        id={id}
        name={name}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        aria-describedby={describedBy(hint !== undefined && hintId, Boolean(error) && errorId)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
