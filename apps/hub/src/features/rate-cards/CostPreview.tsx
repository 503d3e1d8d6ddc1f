import { formatPounds } from '@coproduce/domain';
import {
  Button,
  type CostPreviewView,
  ErrorState,
  parseWholeNumber,
  readError,
  SummaryList,
  Table,
  TextInput,
  useTRPC,
} from '@coproduce/ui';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type CardForm, type FormProblems, readCard } from './card-form.ts';
import { useRateCardsT } from './i18n.ts';

const countId = (index: number) => `example-${index}`;

/**
 * "What would this cost": example numbers of participants achieving each outcome, priced by
 * the card as it stands in the editor (by the API, with the same rules claims use): totals per
 * outcome, the capped total and each funder's part.
 */
export function CostPreview({
  programmeId,
  form,
  onCardProblems,
}: {
  programmeId: string;
  form: CardForm;
  onCardProblems: (problems: FormProblems) => void;
}) {
  const t = useRateCardsT();
  const trpc = useTRPC();
  const [counts, setCounts] = useState<Readonly<Record<string, string>>>({});
  const [participants, setParticipants] = useState('');
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const preview = useMutation(trpc.rateCard.preview.mutationOptions());

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { card, problems } = readCard(form);
    if (card === null) {
      setErrors({ card: t('costPreview.fixCard') });
      onCardProblems(problems);
      return;
    }
    const found: Record<string, string> = {};
    const example: Record<string, number> = {};
    form.outcomes.forEach((outcome, index) => {
      const text = counts[outcome.key] ?? '';
      const count = text.trim() === '' ? 0 : parseWholeNumber(text);
      const code = card.outcomes[index]?.code ?? '';
      if (count === null) found[countId(index)] = t('costPreview.countFormat', { code });
      else example[code] = count;
    });
    const total = participants.trim() === '' ? undefined : parseWholeNumber(participants);
    if (total === null) found.participants = t('costPreview.participantsFormat');
    setErrors(found);
    if (Object.keys(found).length > 0 || total === null) return;
    preview.mutate({
      programmeId,
      card,
      example,
      ...(total === undefined ? {} : { participants: total }),
    });
  };

  return (
    <section aria-labelledby="cost-preview" className="app-actions-panel govuk-!-margin-top-8">
      <h2 className="govuk-heading-l" id="cost-preview">
        {t('costPreview.heading')}
      </h2>
      <p className="govuk-body">{t('costPreview.intro')}</p>
      <form noValidate onSubmit={submit}>
        {errors.card !== undefined && (
          <p className="govuk-error-message" role="alert">
            {errors.card}
          </p>
        )}
        {form.outcomes.map((outcome, index) => (
          <TextInput
            key={outcome.key}
            name={countId(index)}
            label={t('costPreview.count', {
              code: outcome.code.trim() || t('rateCardEditor.outcome', { number: index + 1 }),
            })}
            width="4"
            inputMode="numeric"
            value={counts[outcome.key] ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setCounts((previous) => ({ ...previous, [outcome.key]: value }));
            }}
            error={errors[countId(index)]}
          />
        ))}
        <TextInput
          name="participants"
          label={t('costPreview.participants')}
          hint={t('costPreview.participantsHint')}
          width="4"
          inputMode="numeric"
          value={participants}
          onChange={(event) => setParticipants(event.currentTarget.value)}
          error={errors.participants}
        />
        <Button variant="secondary" pending={preview.isPending}>
          {t('costPreview.submit')}
        </Button>
      </form>
      <div aria-live="polite">
        {preview.isError ? (
          <ErrorState message={readError(preview.error, t('state.unreachable')).message} />
        ) : preview.data !== undefined && !preview.isPending ? (
          <PreviewResult preview={preview.data} />
        ) : null}
      </div>
    </section>
  );
}

function PreviewResult({ preview }: { preview: CostPreviewView }) {
  const t = useRateCardsT();
  return (
    <>
      <h3 className="govuk-heading-m">{t('costPreview.result')}</h3>
      <Table
        caption={t('costPreview.caption')}
        captionSize="s"
        columns={[
          { header: t('costPreview.outcome') },
          { header: t('costPreview.participantsColumn'), numeric: true },
          { header: t('costPreview.price'), numeric: true },
          { header: t('costPreview.total'), numeric: true },
        ]}
        rows={preview.lines.map((line) => ({
          key: line.code,
          cells: [
            line.code,
            line.count.toLocaleString(t.locale),
            formatPounds(line.pricePence),
            formatPounds(line.totalPence),
          ],
        }))}
      />
      <SummaryList
        rows={[
          { key: t('costPreview.beforeCaps'), value: formatPounds(preview.totalPence) },
          {
            key: t('costPreview.afterCaps'),
            value: <strong>{formatPounds(preview.cappedTotalPence)}</strong>,
          },
        ]}
      />
      <h4 className="govuk-heading-s">{t('costPreview.perFunder')}</h4>
      <SummaryList
        rows={preview.perFunder.map((part) => ({
          key: part.name,
          value: formatPounds(part.pence),
        }))}
      />
    </>
  );
}
