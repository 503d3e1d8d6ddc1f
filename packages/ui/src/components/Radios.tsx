import { describedBy, ErrorMessage } from './ErrorMessage.tsx';

export interface RadioItem {
  readonly value: string;
  readonly text: string;
  readonly hint?: string;
}

/** The id of the first radio, which an error summary links to. */
export function radiosFirstId(name: string): string {
  return name;
}

export function Radios({
  name,
  legend,
  legendSize = 'm',
  hint,
  error,
  items,
  defaultValue,
  small = false,
}: {
  name: string;
  legend: string;
  /** `hidden` when the page's h1 already asks the question. */
  legendSize?: 'm' | 's' | 'hidden';
  hint?: string;
  error?: string | undefined;
  items: readonly RadioItem[];
  defaultValue?: string;
  small?: boolean;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
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
        <div className={`govuk-radios${small ? ' govuk-radios--small' : ''}`}>
          {items.map((item, index) => {
            const id = index === 0 ? radiosFirstId(name) : `${name}-${index + 1}`;
            const itemHintId = `${id}-item-hint`;
            return (
              <div className="govuk-radios__item" key={item.value}>
                <input
                  className="govuk-radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={item.value}
                  defaultChecked={defaultValue === item.value}
                  aria-describedby={item.hint === undefined ? undefined : itemHintId}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {item.text}
                </label>
                {item.hint !== undefined && (
                  <div id={itemHintId} className="govuk-hint govuk-radios__hint">
                    {item.hint}
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
