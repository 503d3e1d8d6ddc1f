import {
  INSTRUMENTS,
  type InstrumentCode,
  type InstrumentDefinition,
  type InstrumentScore,
  LICENSED_INSTRUMENTS,
  type LicensedInstrumentCode,
  type LicensedScore,
  MAX_PRORATED_ITEMS,
  scoreInstrument,
  validateLicensedScore,
} from '@coproduce/domain';

/**
 * The questionnaire journey as pure functions: which screen comes next, what is missing, and
 * what is sent. On a small screen each question has its own screen; on a wider one they are all
 * on one page. The screens are in the URL, so the browser's Back button walks back through them.
 */
export type AnyInstrumentCode = InstrumentCode | LicensedInstrumentCode;

/** "Did not answer": kept as a missing item (null), which the published scoring allows for. */
export const NOT_ANSWERED = 'not-answered';

/** A chosen option's value, "did not answer", or null while the question is still open. */
export type Answer = number | typeof NOT_ANSWERED | null;

export type Layout = 'one-per-screen' | 'all-on-one';

export type Screen =
  | { readonly kind: 'instrument' }
  | { readonly kind: 'when' }
  | { readonly kind: 'question'; readonly number: number }
  | { readonly kind: 'questions' }
  | { readonly kind: 'score' }
  | { readonly kind: 'check' }
  | { readonly kind: 'saved' };

export interface Draft {
  readonly instrument: AnyInstrumentCode | null;
  readonly timepointCode: string | null;
  readonly recordedOn: string;
  /** One per item of a published instrument, in order; empty for a licensed tool. */
  readonly answers: readonly Answer[];
  /** A licensed tool's score as typed. */
  readonly licensedScore: string;
}

export function isLicensed(code: AnyInstrumentCode): code is LicensedInstrumentCode {
  return Object.hasOwn(LICENSED_INSTRUMENTS, code);
}

export function isInstrumentCode(value: string): value is AnyInstrumentCode {
  return Object.hasOwn(INSTRUMENTS, value) || Object.hasOwn(LICENSED_INSTRUMENTS, value);
}

export function definitionOf(draft: Draft): InstrumentDefinition | null {
  return draft.instrument === null || isLicensed(draft.instrument)
    ? null
    : INSTRUMENTS[draft.instrument];
}

export function startDraft(options: {
  today: string;
  instrument?: AnyInstrumentCode | null;
  timepointCode?: string | null;
}): Draft {
  const empty: Draft = {
    instrument: null,
    timepointCode: options.timepointCode ?? null,
    recordedOn: options.today,
    answers: [],
    licensedScore: '',
  };
  return options.instrument ? chooseInstrument(empty, options.instrument) : empty;
}

/** Choosing another questionnaire starts its answers afresh; the same one keeps them. */
export function chooseInstrument(draft: Draft, code: AnyInstrumentCode): Draft {
  if (draft.instrument === code) return draft;
  const itemCount = isLicensed(code) ? 0 : INSTRUMENTS[code].itemCount;
  return {
    ...draft,
    instrument: code,
    answers: Array.from({ length: itemCount }, () => null),
    licensedScore: '',
  };
}

export function setAnswer(draft: Draft, index: number, answer: Answer): Draft {
  if (index < 0 || index >= draft.answers.length) return draft;
  return { ...draft, answers: draft.answers.map((a, i) => (i === index ? answer : a)) };
}

// ---- screens and the URL -------------------------------------------------------------------

export function screenPath(screen: Screen): string {
  return screen.kind === 'question' ? `question-${screen.number}` : screen.kind;
}

export function parseScreen(segment: string | undefined): Screen | null {
  if (segment === undefined || segment === '') return { kind: 'instrument' };
  const question = /^question-(\d{1,2})$/.exec(segment);
  if (question) return { kind: 'question', number: Number(question[1]) };
  switch (segment) {
    case 'instrument':
    case 'when':
    case 'questions':
    case 'score':
    case 'check':
    case 'saved':
      return { kind: segment };
    default:
      return null;
  }
}

/** The screens from start to check, in order, for this draft on this layout. */
export function screensFor(draft: Draft, layout: Layout): Screen[] {
  const screens: Screen[] = [{ kind: 'instrument' }, { kind: 'when' }];
  if (draft.instrument === null) return screens;
  if (isLicensed(draft.instrument)) screens.push({ kind: 'score' });
  else if (layout === 'all-on-one') screens.push({ kind: 'questions' });
  else {
    for (let number = 1; number <= draft.answers.length; number += 1) {
      screens.push({ kind: 'question', number });
    }
  }
  screens.push({ kind: 'check' });
  return screens;
}

const sameScreen = (a: Screen, b: Screen) => screenPath(a) === screenPath(b);

/** A question screen on a wide layout is the all-on-one page, and the other way round. */
export function screenForLayout(draft: Draft, screen: Screen, layout: Layout): Screen {
  if (layout === 'all-on-one' && screen.kind === 'question') return { kind: 'questions' };
  if (layout === 'one-per-screen' && screen.kind === 'questions') {
    const open = draft.answers.indexOf(null);
    return { kind: 'question', number: open === -1 ? 1 : open + 1 };
  }
  return screen;
}

export function nextScreen(draft: Draft, current: Screen, layout: Layout): Screen {
  const screens = screensFor(draft, layout);
  const index = screens.findIndex((screen) => sameScreen(screen, current));
  return screens[index + 1] ?? { kind: 'check' };
}

/** The screen before this one, or null at the start (Back leaves the questionnaire). */
export function previousScreen(draft: Draft, current: Screen, layout: Layout): Screen | null {
  const screens = screensFor(draft, layout);
  const index = screens.findIndex((screen) => sameScreen(screen, current));
  return index > 0 ? (screens[index - 1] ?? null) : null;
}

export function isComplete(draft: Draft, screen: Screen): boolean {
  switch (screen.kind) {
    case 'instrument':
      return draft.instrument !== null;
    case 'when':
      return draft.timepointCode !== null && draft.recordedOn !== '';
    case 'question':
      return draft.answers[screen.number - 1] !== null;
    case 'questions':
      return draft.answers.every((answer) => answer !== null);
    case 'score':
      return draft.instrument !== null && licensedScoreProblem(draft) === null;
    default:
      return true;
  }
}

/**
 * Where someone may be: the screen asked for if every screen before it is done, otherwise the
 * first one that is not (after a reload the answers are gone, so this is the start again).
 */
export function allowedScreen(draft: Draft, wanted: Screen, layout: Layout): Screen {
  // The result screen shows what the screen holds in memory; it decides for itself.
  if (wanted.kind === 'saved') return wanted;
  const target = screenForLayout(draft, wanted, layout);
  const screens = screensFor(draft, layout);
  for (const screen of screens) {
    if (sameScreen(screen, target)) return target;
    if (!isComplete(draft, screen)) return screen;
  }
  return screens.some((screen) => sameScreen(screen, target)) ? target : { kind: 'instrument' };
}

// ---- answers -------------------------------------------------------------------------------

export interface UnansweredItem {
  readonly index: number;
  readonly number: number;
  readonly short: string;
}

/** The question at `index` if it is still open, to be named in the error message. */
export function unansweredAt(draft: Draft, index: number): UnansweredItem | null {
  const definition = definitionOf(draft);
  const item = definition?.items[index];
  if (item === undefined || draft.answers[index] !== null) return null;
  return { index, number: index + 1, short: item.short };
}

export function unansweredItems(draft: Draft): UnansweredItem[] {
  return draft.answers.flatMap((_, index) => unansweredAt(draft, index) ?? []);
}

export function skippedCount(draft: Draft): number {
  return draft.answers.filter((answer) => answer === NOT_ANSWERED).length;
}

/**
 * Whether the "did not answer" choices so far already stop the questionnaire being scored
 * (PHQ-9 and GAD-7 allow up to two; the wellbeing scales none; ONS4 and MOS-SSS score what
 * they can). Said as soon as it happens, not after saving.
 */
export function tooManySkipped(draft: Draft): boolean {
  const definition = definitionOf(draft);
  if (definition === null) return false;
  const skipped = skippedCount(draft);
  switch (definition.code) {
    case 'PHQ9':
    case 'GAD7':
      return skipped > MAX_PRORATED_ITEMS;
    case 'WEMWBS':
    case 'SWEMWBS':
    case 'ONS4':
      return skipped > 0;
    case 'MOS_SSS':
      return !preview(fillOpen(draft))?.valid;
  }
}

/** For a look ahead: questions still open count as answered (with the lowest option). */
function fillOpen(draft: Draft): Draft {
  const definition = definitionOf(draft);
  if (definition === null) return draft;
  return {
    ...draft,
    answers: draft.answers.map((answer) => (answer === null ? definition.itemMin : answer)),
  };
}

/** What is sent: each answer, or null for a question not answered. */
export function submittedAnswers(draft: Draft): (number | null)[] {
  return draft.answers.map((answer) =>
    answer === null || answer === NOT_ANSWERED ? null : answer,
  );
}

/** PHQ-9 question 9 ("thoughts that you would be better off dead…") answered above 0. */
export function riskRaised(draft: Draft): boolean {
  const answer = draft.instrument === 'PHQ9' ? draft.answers[8] : null;
  return typeof answer === 'number' && answer > 0;
}

/** The score as the server will work it out, once every question has an answer. */
export function preview(draft: Draft): InstrumentScore | null {
  const definition = definitionOf(draft);
  if (definition === null || draft.answers.some((answer) => answer === null)) return null;
  return scoreInstrument(definition.code, submittedAnswers(draft));
}

// ---- licensed tools -------------------------------------------------------------------------

export type LicensedScoreProblem = 'missing' | 'invalid';

export function parseLicensedScore(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

export function licensedScoreProblem(draft: Draft): LicensedScoreProblem | null {
  if (draft.instrument === null || !isLicensed(draft.instrument)) return null;
  if (draft.licensedScore.trim() === '') return 'missing';
  const score = parseLicensedScore(draft.licensedScore);
  if (score === null) return 'invalid';
  try {
    validateLicensedScore(draft.instrument, score);
    return null;
  } catch {
    return 'invalid';
  }
}

export function licensedPreview(draft: Draft): LicensedScore | null {
  if (draft.instrument === null || !isLicensed(draft.instrument)) return null;
  if (licensedScoreProblem(draft) !== null) return null;
  const score = parseLicensedScore(draft.licensedScore);
  return score === null ? null : validateLicensedScore(draft.instrument, score);
}
