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
  prefix,
  suffix,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'width' | 'prefix'> & {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  width?: Width;
  /** Shown before the box, e.g. "£"; hidden from screen readers, so the label must say it. */
  prefix?: string;
  /** Shown after the box, e.g. "%" or "days". */
  suffix?: string;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const widthClass =
    width === undefined
      ? ''
      : /^\d+$/.test(width)
        ? ` govuk-input--width-${width}`
        : ` govuk-!-width-${width}`;
  const control = (
    <input
      {...input}
      id={id}
      name={name}
      className={`govuk-input${error ? ' govuk-input--error' : ''}${widthClass}${className === undefined ? '' : ` ${className}`}`}
      aria-describedby={describedBy(hint !== undefined && hintId, Boolean(error) && errorId)}
    />
  );
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
      {prefix === undefined && suffix === undefined ? (
        control
      ) : (
        <div className="govuk-input__wrapper">
          {prefix !== undefined && (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          )}
          {control}
          {suffix !== undefined && (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
