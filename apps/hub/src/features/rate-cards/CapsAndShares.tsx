import { TextInput } from '@coproduce/ui';
import { type CardForm, funderShareId, sharePercentages } from './card-form.ts';
import { useRateCardsT } from './i18n.ts';

/** The card's caps (optional, in pounds) and how its funders share each line. */
export function CapsAndShares({
  form,
  errors,
  onChange,
}: {
  form: CardForm;
  errors: Readonly<Record<string, string>>;
  onChange: (form: CardForm) => void;
}) {
  const t = useRateCardsT();
  const percentages = sharePercentages(form.funders);
  const pounds = {
    prefix: '£',
    width: '10',
    inputMode: 'decimal',
    hint: t('rateCardEditor.capHint'),
  } as const;
  return (
    <>
      <h2 className="govuk-heading-l">{t('rateCardEditor.caps')}</h2>
      <p className="govuk-body">{t('rateCardEditor.capsHint')}</p>
      <TextInput
        {...pounds}
        name="participantCapPence"
        label={t('rateCardEditor.participantCap')}
        value={form.participantCap}
        onChange={(event) => onChange({ ...form, participantCap: event.currentTarget.value })}
        error={errors.participantCapPence}
      />
      <TextInput
        {...pounds}
        name="contractCapPence"
        label={t('rateCardEditor.contractCap')}
        value={form.contractCap}
        onChange={(event) => onChange({ ...form, contractCap: event.currentTarget.value })}
        error={errors.contractCapPence}
      />

      <h2 className="govuk-heading-l">{t('rateCardEditor.funders')}</h2>
      <p className="govuk-body">{t('rateCardEditor.fundersHint')}</p>
      {form.funders.map((funder, index) => {
        const percent = percentages[index];
        return (
          <TextInput
            key={funder.organisationId}
            name={funderShareId(index)}
            label={t('rateCardEditor.share', { name: funder.name })}
            width="4"
            inputMode="numeric"
            hint={
              percent === null || percent === undefined
                ? undefined
                : t('rateCardEditor.sharePercent', { percent: percent.toLocaleString(t.locale) })
            }
            value={funder.share}
            onChange={(event) => {
              const share = event.currentTarget.value;
              onChange({
                ...form,
                funders: form.funders.map((f, i) => (i === index ? { ...f, share } : f)),
              });
            }}
            error={errors[funderShareId(index)]}
          />
        );
      })}
    </>
  );
}
