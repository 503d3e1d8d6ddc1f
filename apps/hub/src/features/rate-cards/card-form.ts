import { type OutcomeTrigger, type RateCard, ZIsoDate } from '@coproduce/domain';
import { parsePounds, parseWholeNumber, penceToPoundsText } from '@coproduce/ui';

/**
 * The rate card editor's fields as typed (text until read), and reading them into the card the
 * API takes. Pounds become integer pence without floating point; every problem is keyed by the
 * id of the field it is about, which is also the API's field path (`card.outcomes.1.pricePence`
 * → `outcomes-1-pricePence`), so the server's messages land beside the same fields.
 */

export type TriggerKind = OutcomeTrigger['kind'];

export const TRIGGER_KINDS: readonly TriggerKind[] = [
  'reliable-improvement',
  'metric-gain',
  'attended-sessions',
  'baseline-completed',
  'milestone-approved',
];

export interface OutcomeForm {
  /** Stable across edits, for React; not sent. */
  readonly key: string;
  readonly code: string;
  readonly definition: string;
  readonly triggerKind: TriggerKind | '';
  readonly instrument: string;
  readonly timepoint: string;
  readonly minGain: string;
  readonly minSessions: string;
  readonly milestoneTitle: string;
  readonly verifier: string;
  readonly price: string;
  readonly maxClaims: string;
}

export interface FunderShareForm {
  readonly organisationId: string;
  readonly name: string;
  readonly share: string;
}

export interface CardForm {
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly outcomes: readonly OutcomeForm[];
  readonly participantCap: string;
  readonly contractCap: string;
  readonly funders: readonly FunderShareForm[];
}

/** A problem with one field: a message key of the rate card messages and its parameters. */
export interface FieldProblem {
  readonly key: RateCardProblemKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type RateCardProblemKey =
  | 'effectiveFromMissing'
  | 'effectiveFromFormat'
  | 'reasonMissing'
  | 'outcomesMissing'
  | 'codeFormat'
  | 'codeRepeated'
  | 'definitionMissing'
  | 'triggerMissing'
  | 'instrumentMissing'
  | 'timepointMissing'
  | 'minGainFormat'
  | 'minSessionsFormat'
  | 'milestoneTitleMissing'
  | 'verifierMissing'
  | 'priceMissing'
  | 'priceFormat'
  | 'maxClaimsFormat'
  | 'participantCapFormat'
  | 'contractCapFormat'
  | 'shareFormat'
  | 'sharesAllZero';

export type FormProblems = Readonly<Record<string, FieldProblem>>;

/** The id of an outcome's field (and the API's path to it, less `card.`). */
export const outcomeFieldId = (index: number, field: string) => `outcomes-${index}-${field}`;
export const funderShareId = (index: number) => `funders-${index}-share`;

/** The API's field path → the id of the field that shows its message. */
export function fieldIdOfPath(path: string): string {
  return path.replace(/^card\./, '').replaceAll('.', '-');
}

let lastKey = 0;
const nextKey = () => {
  lastKey += 1;
  return `outcome-${lastKey}`;
};

export function blankOutcome(): OutcomeForm {
  return {
    key: nextKey(),
    code: '',
    definition: '',
    triggerKind: '',
    instrument: '',
    timepoint: '',
    minGain: '',
    minSessions: '',
    milestoneTitle: '',
    verifier: '',
    price: '',
    maxClaims: '1',
  };
}

function outcomeFormOf(outcome: RateCard['outcomes'][number]): OutcomeForm {
  const trigger = outcome.trigger;
  return {
    ...blankOutcome(),
    code: outcome.code,
    definition: outcome.definition,
    triggerKind: trigger.kind,
    instrument: 'instrument' in trigger ? trigger.instrument : '',
    timepoint: 'timepoint' in trigger ? trigger.timepoint : '',
    minGain: trigger.kind === 'metric-gain' ? String(trigger.minGain) : '',
    minSessions: trigger.kind === 'attended-sessions' ? String(trigger.minSessions) : '',
    milestoneTitle: trigger.kind === 'milestone-approved' ? trigger.milestoneTitle : '',
    verifier: trigger.kind === 'milestone-approved' ? trigger.verifier : '',
    price: penceToPoundsText(outcome.pricePence),
    maxClaims: String(outcome.maxClaimsPerParticipant),
  };
}

/**
 * A new amendment starts from the card in force (or, for a first card, one blank outcome and
 * the programme's co-funders with their proposal shares).
 */
export function cardFormOf(
  current: RateCard | null,
  programmeFunders: readonly { organisationId: string; name: string; shareBasisPoints: number }[],
): CardForm {
  const weights = programmeFunders.map(
    (funder) =>
      current?.funders.find((f) => f.organisationId === funder.organisationId)?.share ??
      funder.shareBasisPoints,
  );
  // Weights only matter in proportion: 6,000 and 4,000 basis points read better as 60 and 40.
  const scale = weights.every((weight) => weight % 100 === 0) ? 100 : 1;
  return {
    effectiveFrom: '',
    reason: '',
    outcomes: current === null ? [blankOutcome()] : current.outcomes.map(outcomeFormOf),
    participantCap:
      current?.participantCapPence == null ? '' : penceToPoundsText(current.participantCapPence),
    contractCap:
      current?.contractCapPence == null ? '' : penceToPoundsText(current.contractCapPence),
    funders: programmeFunders.map((funder, index) => ({
      organisationId: funder.organisationId,
      name: funder.name,
      share: String((weights[index] ?? 0) / scale),
    })),
  };
}

const isRealDate = (text: string) => ZIsoDate.safeParse(text).success;

/** "3", "2.5" → the number; null otherwise (no exponents, no signs). */
function parseDecimal(text: string): number | null {
  const plain = text.trim();
  return /^\d{1,3}(\.\d{1,2})?$/.test(plain) ? Number(plain) : null;
}

function readTrigger(
  outcome: OutcomeForm,
  index: number,
  problems: Record<string, FieldProblem>,
): OutcomeTrigger | null {
  const number = index + 1;
  const id = (field: string) => outcomeFieldId(index, `trigger-${field}`);
  const need = (field: string, value: string, key: RateCardProblemKey) => {
    if (value.trim() === '') problems[id(field)] = { key, params: { number } };
    return value.trim();
  };
  switch (outcome.triggerKind) {
    case '':
      problems[id('kind')] = { key: 'triggerMissing', params: { number } };
      return null;
    case 'reliable-improvement': {
      const instrument = need('instrument', outcome.instrument, 'instrumentMissing');
      const timepoint = need('timepoint', outcome.timepoint, 'timepointMissing');
      return {
        kind: 'reliable-improvement',
        instrument: instrument as 'PHQ9',
        timepoint,
      };
    }
    case 'metric-gain': {
      const instrument = need('instrument', outcome.instrument, 'instrumentMissing');
      const timepoint = need('timepoint', outcome.timepoint, 'timepointMissing');
      const minGain = parseDecimal(outcome.minGain);
      if (minGain === null || minGain <= 0 || minGain > 100) {
        problems[id('minGain')] = { key: 'minGainFormat', params: { number } };
      }
      return {
        kind: 'metric-gain',
        instrument: instrument as 'SWEMWBS',
        timepoint,
        minGain: minGain ?? 0,
      };
    }
    case 'attended-sessions': {
      const minSessions = parseWholeNumber(outcome.minSessions);
      if (minSessions === null || minSessions < 1 || minSessions > 1000) {
        problems[id('minSessions')] = { key: 'minSessionsFormat', params: { number } };
      }
      return { kind: 'attended-sessions', minSessions: minSessions ?? 0 };
    }
    case 'baseline-completed':
      return { kind: 'baseline-completed' };
    case 'milestone-approved':
      return {
        kind: 'milestone-approved',
        milestoneTitle: need('milestoneTitle', outcome.milestoneTitle, 'milestoneTitleMissing'),
        verifier: need('verifier', outcome.verifier, 'verifierMissing'),
      };
  }
}

function readOptionalPounds(
  text: string,
  field: string,
  key: RateCardProblemKey,
  problems: Record<string, FieldProblem>,
): number | null {
  if (text.trim() === '') return null;
  const pence = parsePounds(text);
  if (pence === null) problems[field] = { key };
  return pence;
}

export interface Amendment {
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly card: RateCard;
}

/** The card as typed: its outcomes, caps and shares, or the problems keyed by field id. */
export function readCard(
  form: Pick<CardForm, 'outcomes' | 'participantCap' | 'contractCap' | 'funders'>,
): {
  card: RateCard | null;
  problems: FormProblems;
} {
  const problems: Record<string, FieldProblem> = {};
  if (form.outcomes.length === 0) problems.outcomes = { key: 'outcomesMissing' };
  const seen = new Set<string>();
  const outcomes = form.outcomes.map((outcome, index) => {
    const number = index + 1;
    const code = outcome.code.trim().toUpperCase();
    if (!/^[A-Z0-9-]{2,20}$/.test(code)) {
      problems[outcomeFieldId(index, 'code')] = { key: 'codeFormat', params: { number } };
    } else if (seen.has(code)) {
      problems[outcomeFieldId(index, 'code')] = { key: 'codeRepeated', params: { number, code } };
    }
    seen.add(code);
    const definition = outcome.definition.trim();
    if (definition === '') {
      problems[outcomeFieldId(index, 'definition')] = {
        key: 'definitionMissing',
        params: { number },
      };
    }
    const trigger = readTrigger(outcome, index, problems);
    let pricePence = 0;
    if (outcome.price.trim() === '') {
      problems[outcomeFieldId(index, 'pricePence')] = { key: 'priceMissing', params: { number } };
    } else {
      const parsed = parsePounds(outcome.price);
      if (parsed === null) {
        problems[outcomeFieldId(index, 'pricePence')] = { key: 'priceFormat', params: { number } };
      } else pricePence = parsed;
    }
    const maxClaims = parseWholeNumber(outcome.maxClaims);
    if (maxClaims === null || maxClaims < 1 || maxClaims > 1000) {
      problems[outcomeFieldId(index, 'maxClaimsPerParticipant')] = {
        key: 'maxClaimsFormat',
        params: { number },
      };
    }
    return {
      code,
      definition,
      trigger: trigger ?? { kind: 'baseline-completed' as const },
      pricePence,
      maxClaimsPerParticipant: maxClaims ?? 1,
    };
  });
  const participantCapPence = readOptionalPounds(
    form.participantCap,
    'participantCapPence',
    'participantCapFormat',
    problems,
  );
  const contractCapPence = readOptionalPounds(
    form.contractCap,
    'contractCapPence',
    'contractCapFormat',
    problems,
  );
  const funders = form.funders.map((funder, index) => {
    const share = parseWholeNumber(funder.share);
    if (share === null || share > 1_000_000) {
      problems[funderShareId(index)] = { key: 'shareFormat', params: { name: funder.name } };
    }
    return { organisationId: funder.organisationId, share: share ?? 0 };
  });
  if (
    funders.length > 0 &&
    funders.every((funder) => funder.share === 0) &&
    problems[funderShareId(0)] === undefined
  ) {
    problems[funderShareId(0)] = { key: 'sharesAllZero' };
  }
  if (Object.keys(problems).length > 0) return { card: null, problems };
  return { card: { outcomes, participantCapPence, contractCapPence, funders }, problems };
}

/**
 * The whole amendment: its date, reason and card, or what stops it being saved. Every
 * amendment says why; the first card needs no reason.
 */
export function readAmendment(
  form: CardForm,
  { reasonRequired = true }: { reasonRequired?: boolean } = {},
): {
  amendment: Amendment | null;
  problems: FormProblems;
} {
  const problems: Record<string, FieldProblem> = {};
  const effectiveFrom = form.effectiveFrom.trim();
  if (effectiveFrom === '') problems.effectiveFrom = { key: 'effectiveFromMissing' };
  else if (!isRealDate(effectiveFrom)) problems.effectiveFrom = { key: 'effectiveFromFormat' };
  const reason = form.reason.trim();
  if (reason === '' && reasonRequired) problems.reason = { key: 'reasonMissing' };
  const { card, problems: cardProblems } = readCard(form);
  const all = { ...problems, ...cardProblems };
  if (card === null || Object.keys(all).length > 0) return { amendment: null, problems: all };
  return { amendment: { effectiveFrom, reason, card }, problems: all };
}

/** Each funder's share as a percentage of the whole (whole-number weights, like 60 and 40). */
export function sharePercentages(funders: readonly FunderShareForm[]): (number | null)[] {
  const weights = funders.map((funder) => parseWholeNumber(funder.share));
  const total = weights.reduce<number>((sum, weight) => sum + (weight ?? 0), 0);
  return weights.map((weight) =>
    weight === null || total === 0 ? null : Math.round((weight / total) * 1000) / 10,
  );
}
