import type { ReadError } from '@coproduce/ui';
import {
  type CardForm,
  type FormProblems,
  fieldIdOfPath,
  funderShareId,
  outcomeFieldId,
} from './card-form.ts';
import type { RateCardsTranslate } from './i18n.ts';

const OUTCOME_FIELDS = [
  'code',
  'definition',
  'trigger-kind',
  'trigger-instrument',
  'trigger-timepoint',
  'trigger-minGain',
  'trigger-minSessions',
  'trigger-milestoneTitle',
  'trigger-verifier',
  'pricePence',
  'maxClaimsPerParticipant',
];

/** Every field of the editor in page order: the order the error summary lists problems in. */
export function editorFieldOrder(form: Pick<CardForm, 'outcomes' | 'funders'>): string[] {
  return [
    'effectiveFrom',
    'reason',
    ...form.outcomes.flatMap((_, index) =>
      OUTCOME_FIELDS.map((field) => outcomeFieldId(index, field)),
    ),
    'participantCapPence',
    'contractCapPence',
    ...form.funders.map((_, index) => funderShareId(index)),
  ];
}

/** The editor's own problems in words. */
export function problemMessages(t: RateCardsTranslate, problems: FormProblems) {
  return Object.fromEntries(
    Object.entries(problems).map(([field, problem]) => [
      field,
      t.optional(`rateCardEditor.error.${problem.key}`, problem.params) ?? problem.key,
    ]),
  );
}

/**
 * The API's refusal: each field message beside the editor's field (the paths match, less
 * `card.`); a message about no field of the form (or the whole card) goes at the top.
 */
export function serverProblems(
  error: ReadError,
  fieldOrder: readonly string[],
): { fields: Record<string, string>; form: string | null } {
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [path, messages] of Object.entries(error.fieldErrors)) {
    const id = fieldIdOfPath(path);
    const message = messages[0];
    if (message === undefined) continue;
    if (fieldOrder.includes(id)) fields[id] = message;
    else elsewhere.push(message);
  }
  const form =
    elsewhere.length > 0
      ? elsewhere.join('. ')
      : Object.keys(fields).length > 0
        ? null
        : error.message;
  return { fields, form };
}
