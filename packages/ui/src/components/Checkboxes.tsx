import type { ReactNode } from 'react';
import { describedBy, ErrorMessage } from './ErrorMessage.tsx';

export interface CheckboxItem {
  readonly value: string;
  readonly text: string;
  readonly hint?: string;
  /** Shown under the item while it is checked (GOV.UK's conditional reveal). */
  readonly conditional?: ReactNode;
}

/** The id of the first checkbox, which an error summary links to. */
export function checkboxesFirstId(name: string): string {
  return name;
}

/**
 * Checkboxes whose checked values the caller holds, so a form can react to them (a share to
 * enter, a running total). Conditional content is rendered only while its item is checked.
 */
export function Checkboxes({
  name,
  legend,
  legendSize = 'm',
  hint,
  error,
  items,
  values,
  onChange,
  small = false,
}: {
  name: string;
  legend: string;
  legendSize?: 'm' | 's' | 'hidden';
  hint?: string;
  error?: string | undefined;
  items: readonly CheckboxItem[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  small?: boolean;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const toggle = (value: string, checked: boolean) =>
    onChange(
      checked ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value),
    );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={describedBy(hint !== undefined && hintId, Boolean(error) && errorId)}
      >
        <legend
          className={
            legendSize === 'hidden'
              ? 'govuk-fieldset__legend govuk-visually-hidden'
              : `govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`
          }
        >
          {legend}
        </legend>
        {hint !== undefined && (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && <ErrorMessage id={errorId} message={error} />}
        <div className={`govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`}>
          {items.map((item, index) => {
            const id = index === 0 ? checkboxesFirstId(name) : `${name}-${index + 1}`;
            const itemHintId = `${id}-item-hint`;
            const conditionalId = `${id}-conditional`;
            const checked = values.includes(item.value);
            return (
              <div key={item.value}>
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={id}
                    name={name}
                    type="checkbox"
                    value={item.value}
                    checked={checked}
                    onChange={(event) => toggle(item.value, event.currentTarget.checked)}
                    aria-describedby={item.hint === undefined ? undefined : itemHintId}
                    aria-controls={item.conditional === undefined ? undefined : conditionalId}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                    {item.text}
                  </label>
                  {item.hint !== undefined && (
                    <div id={itemHintId} className="govuk-hint govuk-checkboxes__hint">
                      {item.hint}
                    </div>
                  )}
                </div>
                {item.conditional !== undefined && (
                  <div
                    id={conditionalId}
                    className={`govuk-checkboxes__conditional${checked ? '' : ' govuk-checkboxes__conditional--hidden'}`}
                  >
                    {checked && item.conditional}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
