import { describedBy, ErrorMessage } from '@coproduce/ui';
import type { DateParts as Parts } from './enrol/enrol-steps.ts';

/**
 * GOV.UK's date input: day, month and year in three boxes, for a date people know by heart
 * (a date of birth). The error summary links to the day box, `${name}-day`.
 */
export function DateParts({
  name,
  legend,
  hint,
  error,
  value,
  onChange,
  labels,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  value: Parts;
  onChange: (value: Parts) => void;
  labels: { day: string; month: string; year: string };
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const box = (part: keyof Parts, width: '2' | '4') => (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`${name}-${part}`}>
        {labels[part]}
      </label>
      <input
        className={`govuk-input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
        id={`${name}-${part}`}
        name={`${name}-${part}`}
        type="text"
        inputMode="numeric"
        autoComplete={`bday-${part}`}
        value={value[part]}
        onChange={(event) => onChange({ ...value, [part]: event.currentTarget.value })}
      />
    </div>
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={describedBy(hint !== undefined && hintId, Boolean(error) && errorId)}
      >
        <legend className="govuk-fieldset__legend govuk-visually-hidden">{legend}</legend>
        {hint !== undefined && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && <ErrorMessage id={errorId} message={error} />}
        <div className="app-date-input">
          {box('day', '2')}
          {box('month', '2')}
          {box('year', '4')}
        </div>
      </fieldset>
    </div>
  );
}
