import {
  Button,
  ButtonGroup,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDate,
  Page,
  type RateCardVersionsView,
  readError,
  Textarea,
  TextInput,
  useIdempotencyKeys,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CapsAndShares } from './CapsAndShares.tsx';
import { CostPreview } from './CostPreview.tsx';
import {
  blankOutcome,
  type CardForm,
  cardFormOf,
  type FormProblems,
  readAmendment,
} from './card-form.ts';
import { useRateCardsT } from './i18n.ts';
import { OutcomeFields } from './OutcomeFields.tsx';
import { editorFieldOrder, problemMessages, serverProblems } from './problems.ts';

interface Failure {
  readonly fields: Readonly<Record<string, string>>;
  readonly form: string | null;
  readonly attempt: number;
}

/**
 * A new dated amendment of a programme's rate card: the whole card, started from the one in
 * force, saved as a new version. Problems are listed in an error summary linking to each field,
 * whether the editor found them or the API did.
 */
export function RateCardEditor({
  data,
  backLink,
}: {
  data: RateCardVersionsView;
  backLink: ReactNode;
}) {
  const programmeId = data.programme.id;
  const first = data.versions.length === 0;
  // An amendment starts from the latest version: the one any later date would be priced by.
  const latest = data.versions.at(-1)?.card ?? null;
  const t = useRateCardsT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const keys = useIdempotencyKeys();
  const [form, setForm] = useState<CardForm>(() => cardFormOf(latest, data.funders));
  const [failure, setFailure] = useState<Failure>({ fields: {}, form: null, attempt: 0 });
  const fieldOrder = useMemo(() => editorFieldOrder(form), [form]);
  const amend = useMutation(trpc.rateCard.amend.mutationOptions());

  const fail = (fields: Record<string, string>, message: string | null) =>
    setFailure((previous) => ({ fields, form: message, attempt: previous.attempt + 1 }));
  const failWith = (problems: FormProblems) => fail(problemMessages(t, problems), null);

  const set = <K extends keyof CardForm>(key: K, value: CardForm[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { amendment, problems } = readAmendment(form, { reasonRequired: !first });
    if (amendment === null) {
      failWith(problems);
      return;
    }
    const request = { programmeId, ...amendment };
    amend.mutate(
      { ...request, idempotencyKey: keys.keyFor(request) },
      {
        onSuccess: async () => {
          keys.done();
          await queryClient.invalidateQueries(trpc.rateCard.pathFilter());
          await navigate(`/programmes/${programmeId}/rate-card`, {
            state: {
              notice: t('rateCardEditor.saved', {
                date: formatDate(amendment.effectiveFrom, t.locale),
              }),
            },
          });
        },
        onError: (error) => {
          const { fields, form: message } = serverProblems(
            readError(error, t('state.unreachable')),
            fieldOrder,
          );
          fail(fields, message);
        },
      },
    );
  };

  const summary: ErrorSummaryItem[] = [
    ...(failure.form === null ? [] : [{ text: failure.form }]),
    ...fieldOrder.flatMap((field) => {
      const text = failure.fields[field];
      return text === undefined ? [] : [{ fieldId: field, text }];
    }),
  ];

  return (
    <Page
      title={first ? t('rateCardEditor.firstTitle') : t('rateCardEditor.title')}
      caption={data.programme.name}
      backLink={backLink}
      hasErrors={summary.length > 0}
      beforeHeading={
        summary.length > 0 && <ErrorSummary errors={summary} attempt={failure.attempt} />
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">{t('rateCardEditor.intro')}</p>
          <form noValidate onSubmit={save}>
            <h2 className="govuk-heading-l">{t('rateCardEditor.when')}</h2>
            <TextInput
              name="effectiveFrom"
              type="date"
              label={t('rateCardEditor.effectiveFrom')}
              hint={
                data.amendableFrom === null
                  ? t('rateCardEditor.effectiveFromHint')
                  : t('rateCardEditor.effectiveFromAfterClaims', {
                      date: formatDate(data.amendableFrom, t.locale),
                    })
              }
              value={form.effectiveFrom}
              onChange={(event) => set('effectiveFrom', event.currentTarget.value)}
              error={failure.fields.effectiveFrom}
            />
            <Textarea
              name="reason"
              label={first ? t('rateCardEditor.reasonFirst') : t('rateCardEditor.reason')}
              hint={t('rateCardEditor.reasonHint')}
              rows={3}
              value={form.reason}
              onChange={(event) => set('reason', event.currentTarget.value)}
              error={failure.fields.reason}
            />

            <h2 className="govuk-heading-l">{t('rateCardEditor.outcomes')}</h2>
            <p className="govuk-body">{t('rateCardEditor.outcomesHint')}</p>
            {form.outcomes.map((outcome, index) => (
              <OutcomeFields
                key={outcome.key}
                index={index}
                outcome={outcome}
                timepoints={data.timepoints}
                errors={failure.fields}
                canRemove={form.outcomes.length > 1}
                onChange={(next) =>
                  set(
                    'outcomes',
                    form.outcomes.map((o, i) => (i === index ? next : o)),
                  )
                }
                onRemove={() =>
                  set(
                    'outcomes',
                    form.outcomes.filter((_, i) => i !== index),
                  )
                }
              />
            ))}
            <Button
              type="button"
              variant="secondary"
              onClick={() => set('outcomes', [...form.outcomes, blankOutcome()])}
            >
              {t('rateCardEditor.addOutcome')}
            </Button>

            <CapsAndShares form={form} errors={failure.fields} onChange={setForm} />
            <ButtonGroup>
              <Button pending={amend.isPending}>{t('rateCardEditor.save')}</Button>
              <Link className="govuk-link" to={`/programmes/${programmeId}/rate-card`}>
                {t('rateCardEditor.cancel')}
              </Link>
            </ButtonGroup>
          </form>
          <CostPreview programmeId={programmeId} form={form} onCardProblems={failWith} />
        </div>
      </div>
    </Page>
  );
}
