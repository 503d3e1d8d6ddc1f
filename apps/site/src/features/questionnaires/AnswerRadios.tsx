import { describedBy, ErrorMessage } from '@coproduce/ui';
import type { ReactNode } from 'react';

export interface AnswerOption {
  readonly value: string;
  readonly text: string;
}

/**
 * Radios the screen holds the value of, so it can react to each choice as it is made (the
 * safeguarding prompt, "too many not answered"). An option after `dividerBefore` is set apart
 * by GOV.UK's "or" divider: "Did not answer" is not one of the published answers.
 */
export function AnswerRadios({
  name,
  legend,
  legendClass,
  hint,
  error,
  options,
  divided,
  dividerText,
  value,
  onChange,
  small = false,
  children,
}: {
  name: string;
  legend: ReactNode;
  /** e.g. `govuk-fieldset__legend--s`, or `govuk-visually-hidden` when the h1 asks it. */
  legendClass: string;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly AnswerOption[];
  /** Options shown after the "or" divider. */
  divided?: readonly AnswerOption[];
  dividerText?: string;
  value: string | null;
  onChange: (value: string) => void;
  small?: boolean;
  /** Shown under the radios, inside the group (e.g. a prompt the answer raised). */
  children?: ReactNode;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const radio = (option: AnswerOption, index: number) => {
    const id = index === 0 ? name : `${name}-${index + 1}`;
    return (
      <div className="govuk-radios__item" key={option.value}>
        <input
          className="govuk-radios__input"
          id={id}
          name={name}
          type="radio"
          value={option.value}
          checked={value === option.value}
          onChange={() => onChange(option.value)}
        />
        <label className="govuk-label govuk-radios__label" htmlFor={id}>
          {option.text}
        </label>
      </div>
    );
  };
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={describedBy(hint !== undefined && hintId, Boolean(error) && errorId)}
      >
        <legend className={`govuk-fieldset__legend ${legendClass}`}>{legend}</legend>
        {hint !== undefined && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && <ErrorMessage id={errorId} message={error} />}
        <div className={`govuk-radios${small ? ' govuk-radios--small' : ''}`}>
          {options.map((option, index) => radio(option, index))}
          {divided !== undefined && divided.length > 0 && (
            <>
              <div className="govuk-radios__divider">{dividerText}</div>
              {divided.map((option, index) => radio(option, options.length + index))}
            </>
          )}
        </div>
      </fieldset>
      {children}
    </div>
  );
}
