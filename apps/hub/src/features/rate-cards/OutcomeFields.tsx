import {
  INSTRUMENTS,
  type InstrumentCode,
  RELIABLE_IMPROVEMENT_INSTRUMENTS,
  SCORED_INSTRUMENTS,
} from '@coproduce/domain';
import { Button, Select, Textarea, TextInput } from '@coproduce/ui';
import { type OutcomeForm, outcomeFieldId, TRIGGER_KINDS, type TriggerKind } from './card-form.ts';
import { useRateCardsT } from './i18n.ts';

export interface TimepointChoice {
  readonly code: string;
  readonly label: string;
}

const instrumentOptions = (codes: readonly InstrumentCode[]) =>
  codes.map((code) => ({ value: code, text: INSTRUMENTS[code].shortName }));

/** One outcome of the card: code, definition, trigger with its parameters, price and repeats. */
export function OutcomeFields({
  index,
  outcome,
  timepoints,
  errors,
  canRemove,
  onChange,
  onRemove,
}: {
  index: number;
  outcome: OutcomeForm;
  /** The programme's timepoints after baseline, which a trigger can compare with baseline. */
  timepoints: readonly TimepointChoice[];
  errors: Readonly<Record<string, string>>;
  canRemove: boolean;
  onChange: (outcome: OutcomeForm) => void;
  onRemove: () => void;
}) {
  const t = useRateCardsT();
  const number = index + 1;
  const id = (field: string) => outcomeFieldId(index, field);
  const field = <K extends keyof OutcomeForm>(key: K, fieldId: string) => ({
    id: fieldId,
    name: fieldId,
    value: outcome[key],
    error: errors[fieldId],
    onChange: (event: { currentTarget: { value: string } }) =>
      onChange({ ...outcome, [key]: event.currentTarget.value }),
  });
  const kind = outcome.triggerKind;
  const timepointOptions = [
    { value: '', text: t('rateCardEditor.chooseTimepoint') },
    ...timepoints.map((timepoint) => ({ value: timepoint.code, text: timepoint.label })),
    // A timepoint the framework no longer has, kept as it was so the card reads back unchanged.
    ...(outcome.timepoint !== '' && !timepoints.some((tp) => tp.code === outcome.timepoint)
      ? [{ value: outcome.timepoint, text: outcome.timepoint }]
      : []),
  ];

  return (
    <fieldset className="govuk-fieldset app-outcome-fields">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
        {t('rateCardEditor.outcome', { number })}
      </legend>
      <TextInput
        {...field('code', id('code'))}
        label={t('rateCardEditor.code')}
        hint={t('rateCardEditor.codeHint')}
        width="10"
        spellCheck={false}
        autoCapitalize="characters"
      />
      <Textarea
        {...field('definition', id('definition'))}
        label={t('rateCardEditor.definition')}
        rows={2}
      />
      <Select
        {...field('triggerKind', id('trigger-kind'))}
        label={t('rateCardEditor.trigger')}
        options={[
          { value: '', text: t('rateCardEditor.chooseTrigger') },
          ...TRIGGER_KINDS.map((value) => ({
            value,
            text: t(`rateCardEditor.trigger.${value}` as `rateCardEditor.trigger.${TriggerKind}`),
          })),
        ]}
      />
      {(kind === 'reliable-improvement' || kind === 'metric-gain') && (
        <>
          <Select
            {...field('instrument', id('trigger-instrument'))}
            label={t('rateCardEditor.instrument')}
            options={[
              { value: '', text: t('rateCardEditor.chooseInstrument') },
              ...instrumentOptions(
                kind === 'reliable-improvement'
                  ? RELIABLE_IMPROVEMENT_INSTRUMENTS
                  : SCORED_INSTRUMENTS,
              ),
            ]}
          />
          <Select
            {...field('timepoint', id('trigger-timepoint'))}
            label={t('rateCardEditor.timepoint')}
            options={timepointOptions}
          />
        </>
      )}
      {kind === 'metric-gain' && (
        <TextInput
          {...field('minGain', id('trigger-minGain'))}
          label={t('rateCardEditor.minGain')}
          hint={t('rateCardEditor.minGainHint')}
          inputMode="decimal"
          width="3"
        />
      )}
      {kind === 'attended-sessions' && (
        <TextInput
          {...field('minSessions', id('trigger-minSessions'))}
          label={t('rateCardEditor.minSessions')}
          inputMode="numeric"
          width="3"
        />
      )}
      {kind === 'milestone-approved' && (
        <>
          <TextInput
            {...field('milestoneTitle', id('trigger-milestoneTitle'))}
            label={t('rateCardEditor.milestoneTitle')}
          />
          <TextInput
            {...field('verifier', id('trigger-verifier'))}
            label={t('rateCardEditor.verifier')}
            hint={t('rateCardEditor.verifierHint')}
          />
        </>
      )}
      <TextInput
        {...field('price', id('pricePence'))}
        label={t('rateCardEditor.price')}
        hint={t('rateCardEditor.priceHint')}
        prefix="£"
        inputMode="decimal"
        width="10"
      />
      <TextInput
        {...field('maxClaims', id('maxClaimsPerParticipant'))}
        label={t('rateCardEditor.maxClaims')}
        hint={t('rateCardEditor.maxClaimsHint')}
        inputMode="numeric"
        width="3"
      />
      {canRemove && (
        <Button type="button" variant="secondary" onClick={onRemove}>
          {t('rateCardEditor.removeOutcome', { number })}
        </Button>
      )}
    </fieldset>
  );
}
