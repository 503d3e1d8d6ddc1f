import type { InputHTMLAttributes } from 'react';
import { describedBy, ErrorMessage } from './ErrorMessage.tsx';

type Width =
  | '20'
  | '10'
  | '5'
  | '4'
  | '3'
  | '2'
  | 'full'
  | 'three-quarters'
  | 'two-thirds'
  | 'one-half'
  | 'one-third';

export function TextInput({
  name,
  id = name,
  label,
  hint,
  error,
  width,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'width'> & {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  width?: Width;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const widthClass =
    width === undefined
      ? ''
      : /^\d+$/.test(width)
        ? ` govuk-input--width-${width}`
        : ` govuk-!-width-${width}`;
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
      <input
        {...input}
        id={id}
        name={name}
        className={`govuk-input${error ? ' govuk-input--error' : ''}${widthClass}${className === undefined ? '' : ` ${className}`}`}
        aria-describedby={describedBy(hint !== undefined && hintId, Boolean(error) && errorId)}
      />
    </div>
  );
}
