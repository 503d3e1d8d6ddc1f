import { formatPounds } from '@coproduce/domain';
import { ErrorMessage, TextInput } from '@coproduce/ui';
import { Fragment, useState } from 'react';
import { outcomeField, reasonField, referenceField } from './confirmation-form.ts';
import { useFinanceT } from './i18n.ts';
import type { PaymentRunLine } from './types.ts';

type Choice = '' | 'paid' | 'failed';

/**
 * One payment's outcome: not confirmed yet, paid (the bank's reference appears) or failed (the
 * reason appears), as GOV.UK radios with conditional questions.
 */
export function LineOutcomeFields({
  line,
  errors,
}: {
  line: PaymentRunLine;
  errors: Readonly<Record<string, string>>;
}) {
  const t = useFinanceT();
  const [choice, setChoice] = useState<Choice>('');
  const name = outcomeField(line.id);
  const error = errors[name];
  const items: { value: Choice; text: string; id: string }[] = [
    { value: '', text: t('confirmRun.line.unknown'), id: name },
    { value: 'paid', text: t('confirmRun.line.paid'), id: `${name}-paid` },
    { value: 'failed', text: t('confirmRun.line.failed'), id: `${name}-failed` },
  ];
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? `${name}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          {t('confirmRun.line.legend', {
            payee: line.payeeName,
            amount: formatPounds(line.amountPence),
            reference: line.reference,
          })}
        </legend>
        {error && <ErrorMessage id={`${name}-error`} message={error} />}
        <div className="govuk-radios govuk-radios--small">
          {items.map((item) => (
            <Fragment key={item.value}>
              <div className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={item.id}
                  name={name}
                  type="radio"
                  value={item.value}
                  checked={choice === item.value}
                  onChange={() => setChoice(item.value)}
                  aria-controls={item.value === '' ? undefined : `${item.id}-conditional`}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={item.id}>
                  {item.text}
                </label>
              </div>
              {item.value !== '' && (
                <div
                  className="govuk-radios__conditional"
                  id={`${item.id}-conditional`}
                  hidden={choice !== item.value}
                >
                  {choice === item.value &&
                    (item.value === 'paid' ? (
                      <TextInput
                        name={referenceField(line.id)}
                        label={t('confirmRun.line.bankReference')}
                        width="20"
                        spellCheck={false}
                        autoComplete="off"
                        error={errors[referenceField(line.id)]}
                      />
                    ) : (
                      <TextInput
                        name={reasonField(line.id)}
                        label={t('confirmRun.line.reason')}
                        error={errors[reasonField(line.id)]}
                      />
                    ))}
                </div>
              )}
            </Fragment>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
