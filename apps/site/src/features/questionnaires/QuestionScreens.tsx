import {
  INSTRUMENTS,
  type InstrumentDefinition,
  LICENSED_INSTRUMENTS,
  type LicensedInstrumentCode,
} from '@coproduce/domain';
import {
  BackLink,
  Button,
  ErrorSummary,
  type ErrorSummaryItem,
  InsetText,
  Page,
  TextInput,
  todayIso,
  WarningText,
} from '@coproduce/ui';
import { type FormEvent, useState } from 'react';
import { OutboxStatus } from '../../offline/OutboxStatus.tsx';
import { Term } from '../glossary/Term.tsx';
import { AnswerRadios } from './AnswerRadios.tsx';
import type { Journey } from './journey.ts';
import { SafeguardingPrompt } from './SafeguardingPrompt.tsx';
import { instrumentTerm } from './score-words.ts';
import {
  type Answer,
  chooseInstrument,
  definitionOf,
  isInstrumentCode,
  isLicensed,
  licensedScoreProblem,
  NOT_ANSWERED,
  riskRaised,
  setAnswer,
  tooManySkipped,
  unansweredAt,
  unansweredItems,
} from './stepper.ts';
import { type QuestionnaireT, useQuestionnaireT } from './t.ts';
import { withTerm } from './with-term.tsx';

type Errors = Record<string, string>;

/** A form screen: error summary and back link above the heading, Continue at the end. */
function FormScreen({
  journey,
  title,
  caption,
  errors,
  attempt,
  onSubmit,
  children,
}: {
  journey: Journey;
  title: string;
  caption?: string;
  errors: readonly ErrorSummaryItem[];
  attempt: number;
  onSubmit: () => void;
  children: React.ReactNode;
}) {
  const t = useQuestionnaireT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Page
      title={title}
      caption={caption ?? t('questionnaire.caption', { who: journey.who })}
      width="two-thirds"
      hasErrors={errors.length > 0}
      backLink={<BackLink to={journey.backTo}>{t('questionnaire.back')}</BackLink>}
      beforeHeading={
        <>
          <OutboxStatus />
          <ErrorSummary errors={errors} attempt={attempt} />
        </>
      }
    >
      <form noValidate onSubmit={submit}>
        {children}
        <Button>{t('questionnaire.continue')}</Button>
      </form>
    </Page>
  );
}

/** Field errors, and a counter that moves the error summary's focus on each failed submit. */
function useErrors() {
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  return {
    errors,
    attempt,
    fail(next: Errors) {
      setErrors(next);
      setAttempt((n) => n + 1);
    },
    clear(field: string) {
      setErrors(({ [field]: _, ...rest }) => rest);
    },
    summary: (order: readonly string[]): ErrorSummaryItem[] =>
      order.flatMap((field) => {
        const text = errors[field];
        return text === undefined ? [] : [{ fieldId: field, text }];
      }),
  };
}

export function InstrumentScreen({ journey }: { journey: Journey }) {
  const t = useQuestionnaireT();
  const form = useErrors();
  const { framework } = journey.participant;
  const published = framework.instruments.filter(
    (code) => isInstrumentCode(code) && !isLicensed(code),
  );
  const licensed = Object.keys(LICENSED_INSTRUMENTS) as LicensedInstrumentCode[];
  const name = (code: string) =>
    isInstrumentCode(code) && !isLicensed(code)
      ? INSTRUMENTS[code].name
      : (LICENSED_INSTRUMENTS[code as LicensedInstrumentCode]?.name ?? code);
  return (
    <FormScreen
      journey={journey}
      title={t('questionnaire.instrument.title')}
      errors={form.summary(['instrument'])}
      attempt={form.attempt}
      onSubmit={() => {
        if (journey.draft.instrument === null) {
          form.fail({ instrument: t('questionnaire.instrument.error') });
        } else journey.next();
      }}
    >
      <AnswerRadios
        name="instrument"
        legend={t('questionnaire.instrument.title')}
        legendClass="govuk-visually-hidden"
        hint={t('questionnaire.instrument.hint')}
        error={form.errors.instrument}
        options={published.map((code) => ({ value: code, text: name(code) }))}
        divided={licensed.map((code) => ({ value: code, text: name(code) }))}
        dividerText={t('questionnaire.instrument.licensedDivider')}
        value={journey.draft.instrument}
        onChange={(value) => {
          if (!isInstrumentCode(value)) return;
          journey.update((draft) => chooseInstrument(draft, value));
          form.clear('instrument');
        }}
      />
    </FormScreen>
  );
}

export function WhenScreen({ journey }: { journey: Journey }) {
  const t = useQuestionnaireT();
  const form = useErrors();
  const { draft } = journey;
  const today = todayIso();
  const validate = (): Errors => {
    const errors: Errors = {};
    if (draft.timepointCode === null) errors.timepoint = t('questionnaire.when.timepointError');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.recordedOn)) {
      errors.recordedOn = t('questionnaire.when.recordedOnError');
    } else if (draft.recordedOn > today) {
      errors.recordedOn = t('questionnaire.when.recordedOnFuture');
    }
    return errors;
  };
  return (
    <FormScreen
      journey={journey}
      title={t('questionnaire.when.title')}
      errors={form.summary(['timepoint', 'recordedOn'])}
      attempt={form.attempt}
      onSubmit={() => {
        const errors = validate();
        if (Object.keys(errors).length > 0) form.fail(errors);
        else journey.next();
      }}
    >
      <AnswerRadios
        name="timepoint"
        legend={t('questionnaire.when.timepoint')}
        legendClass="govuk-fieldset__legend--m"
        hint={withTerm(
          t('questionnaire.when.timepointHint', { term: '{term}' }),
          <Term id="timepoint" newTab>
            {t('questionnaire.when.timepointTerm')}
          </Term>,
        )}
        error={form.errors.timepoint}
        options={journey.participant.framework.timepoints.map((tp) => ({
          value: tp.code,
          text: tp.label,
        }))}
        value={draft.timepointCode}
        onChange={(value) => {
          journey.update((d) => ({ ...d, timepointCode: value }));
          form.clear('timepoint');
        }}
      />
      <TextInput
        name="recordedOn"
        type="date"
        label={t('questionnaire.when.recordedOn')}
        error={form.errors.recordedOn}
        value={draft.recordedOn}
        max={today}
        onChange={(event) => {
          const value = event.currentTarget.value;
          journey.update((d) => ({ ...d, recordedOn: value }));
          form.clear('recordedOn');
        }}
      />
    </FormScreen>
  );
}

function answerValue(answer: Answer): string | null {
  return answer === null ? null : String(answer);
}

function parseAnswer(value: string): Answer {
  return value === NOT_ANSWERED ? NOT_ANSWERED : Number(value);
}

function questionError(t: QuestionnaireT, item: { number: number; short: string }): string {
  return t('questionnaire.question.error', { number: item.number, short: `“${item.short}”` });
}

/** The prompts an answer raises as soon as it is chosen. */
function AnswerPrompts({ journey, index }: { journey: Journey; index: number }) {
  const t = useQuestionnaireT();
  const definition = definitionOf(journey.draft) as InstrumentDefinition;
  return (
    <>
      {index === 8 && riskRaised(journey.draft) && (
        <SafeguardingPrompt who={journey.who} contact={journey.contact} inForm />
      )}
      {journey.draft.answers[index] === NOT_ANSWERED && tooManySkipped(journey.draft) && (
        <WarningText>
          {t('questionnaire.question.tooManySkipped', { name: definition.shortName })}
        </WarningText>
      )}
    </>
  );
}

function StemHint({ definition }: { definition: InstrumentDefinition }) {
  return <>{definition.stem}</>;
}

/** One question on its own screen (small screens): the question is the page's heading. */
export function QuestionScreen({ journey, number }: { journey: Journey; number: number }) {
  const t = useQuestionnaireT();
  const form = useErrors();
  const definition = definitionOf(journey.draft) as InstrumentDefinition;
  const index = number - 1;
  const item = definition.items[index];
  if (item === undefined) return null;
  const name = `item-${number}`;
  return (
    <FormScreen
      key={number}
      journey={journey}
      title={item.text}
      caption={t('questionnaire.question.caption', {
        name: definition.shortName,
        number,
        count: definition.itemCount,
      })}
      errors={form.summary([name])}
      attempt={form.attempt}
      onSubmit={() => {
        const open = unansweredAt(journey.draft, index);
        if (open !== null) form.fail({ [name]: questionError(t, open) });
        else journey.next();
      }}
    >
      <AnswerRadios
        name={name}
        legend={item.text}
        legendClass="govuk-visually-hidden"
        hint={<StemHint definition={definition} />}
        error={form.errors[name]}
        options={definition.options.map((o) => ({ value: String(o.value), text: o.label }))}
        divided={[{ value: NOT_ANSWERED, text: t('questionnaire.question.notAnswered') }]}
        dividerText={t('questionnaire.question.or')}
        value={answerValue(journey.draft.answers[index] ?? null)}
        onChange={(value) => {
          journey.update((draft) => setAnswer(draft, index, parseAnswer(value)));
          form.clear(name);
        }}
      >
        <AnswerPrompts journey={journey} index={index} />
      </AnswerRadios>
    </FormScreen>
  );
}

/** Every question on one page (wider screens). */
export function AllQuestionsScreen({ journey }: { journey: Journey }) {
  const t = useQuestionnaireT();
  const form = useErrors();
  const definition = definitionOf(journey.draft) as InstrumentDefinition;
  const names = definition.items.map((_, index) => `item-${index + 1}`);
  const term = instrumentTerm(definition.code);
  return (
    <FormScreen
      journey={journey}
      title={definition.name}
      errors={form.summary(names)}
      attempt={form.attempt}
      onSubmit={() => {
        const open = unansweredItems(journey.draft);
        if (open.length > 0) {
          form.fail(
            Object.fromEntries(open.map((item) => [`item-${item.number}`, questionError(t, item)])),
          );
        } else journey.next();
      }}
    >
      {term !== null && (
        <p className="govuk-body-s">
          {withTerm(
            t('questionnaire.aboutInstrument', { term: '{term}' }),
            <Term id={term} newTab>
              {definition.shortName}
            </Term>,
          )}
        </p>
      )}
      <p className="govuk-body-l">{definition.stem}</p>
      {definition.items.map((item, index) => {
        const name = `item-${index + 1}`;
        return (
          <div className="app-question" key={item.number}>
            <AnswerRadios
              name={name}
              legend={`${index + 1}. ${item.text}`}
              legendClass="govuk-fieldset__legend--s"
              error={form.errors[name]}
              options={definition.options.map((o) => ({ value: String(o.value), text: o.label }))}
              divided={[{ value: NOT_ANSWERED, text: t('questionnaire.question.notAnswered') }]}
              dividerText={t('questionnaire.question.or')}
              value={answerValue(journey.draft.answers[index] ?? null)}
              onChange={(value) => {
                journey.update((draft) => setAnswer(draft, index, parseAnswer(value)));
                form.clear(name);
              }}
              small
            >
              <AnswerPrompts journey={journey} index={index} />
            </AnswerRadios>
          </div>
        );
      })}
    </FormScreen>
  );
}

/** A licensed tool: only the score it gave, never its questions. */
export function LicensedScoreScreen({ journey }: { journey: Journey }) {
  const t = useQuestionnaireT();
  const form = useErrors();
  const code = journey.draft.instrument as LicensedInstrumentCode;
  const definition = LICENSED_INSTRUMENTS[code];
  const problemText = () => {
    const problem = licensedScoreProblem(journey.draft);
    if (problem === 'missing') return t('questionnaire.score.missing', { name: definition.name });
    if (problem === 'invalid') {
      return t('questionnaire.score.invalid', {
        kind:
          definition.decimals === 0
            ? t('questionnaire.score.whole')
            : t('questionnaire.score.decimal'),
        min: definition.min,
        max: definition.max,
        name: definition.name,
      });
    }
    return null;
  };
  return (
    <FormScreen
      journey={journey}
      title={t('questionnaire.score.title', { name: definition.name })}
      errors={form.summary(['licensedScore'])}
      attempt={form.attempt}
      onSubmit={() => {
        const problem = problemText();
        if (problem !== null) form.fail({ licensedScore: problem });
        else journey.next();
      }}
    >
      <InsetText>
        {t('questionnaire.score.licence', { name: definition.name, licensor: definition.licensor })}
      </InsetText>
      <TextInput
        name="licensedScore"
        label={t('questionnaire.score.label')}
        hint={definition.entryHint}
        error={form.errors.licensedScore}
        inputMode="decimal"
        autoComplete="off"
        width="5"
        value={journey.draft.licensedScore}
        onChange={(event) => {
          const value = event.currentTarget.value;
          journey.update((draft) => ({ ...draft, licensedScore: value }));
          form.clear('licensedScore');
        }}
      />
    </FormScreen>
  );
}
