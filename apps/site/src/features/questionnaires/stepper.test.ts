import { describe, expect, it } from 'vitest';
import {
  allowedScreen,
  chooseInstrument,
  type Draft,
  licensedPreview,
  licensedScoreProblem,
  NOT_ANSWERED,
  nextScreen,
  parseScreen,
  preview,
  previousScreen,
  riskRaised,
  type Screen,
  screenForLayout,
  screenPath,
  setAnswer,
  startDraft,
  submittedAnswers,
  tooManySkipped,
  unansweredAt,
  unansweredItems,
} from './stepper.ts';

const TODAY = '2026-05-01';

function buildDraft(overrides: Partial<Draft> = {}): Draft {
  return { ...startDraft({ today: TODAY, timepointCode: 'baseline' }), ...overrides };
}

function phq9(answers: Draft['answers']): Draft {
  return { ...chooseInstrument(buildDraft(), 'PHQ9'), answers };
}

/** Follows Continue from the start until it stops moving, as someone answering would. */
function walk(draft: Draft, layout: 'one-per-screen' | 'all-on-one'): string[] {
  const seen: string[] = [];
  let screen: Screen = { kind: 'instrument' };
  for (let step = 0; step < 40; step += 1) {
    seen.push(screenPath(screen));
    if (screen.kind === 'check') break;
    screen = nextScreen(draft, screen, layout);
  }
  return seen;
}

describe('questionnaire stepper', () => {
  it('puts each PHQ-9 question on its own screen on a phone', () => {
    expect(walk(chooseInstrument(buildDraft(), 'PHQ9'), 'one-per-screen')).toEqual([
      'instrument',
      'when',
      ...Array.from({ length: 9 }, (_, i) => `question-${i + 1}`),
      'check',
    ]);
  });

  it('puts every question on one page on a wider screen', () => {
    expect(walk(chooseInstrument(buildDraft(), 'GAD7'), 'all-on-one')).toEqual([
      'instrument',
      'when',
      'questions',
      'check',
    ]);
  });

  it('asks a licensed tool only for its score, never its questions', () => {
    expect(walk(chooseInstrument(buildDraft(), 'PAM'), 'one-per-screen')).toEqual([
      'instrument',
      'when',
      'score',
      'check',
    ]);
  });

  it('goes back one screen at a time, and off the start', () => {
    const draft = chooseInstrument(buildDraft(), 'GAD7');
    expect(previousScreen(draft, { kind: 'check' }, 'one-per-screen')).toEqual({
      kind: 'question',
      number: 7,
    });
    expect(previousScreen(draft, { kind: 'question', number: 1 }, 'one-per-screen')).toEqual({
      kind: 'when',
    });
    expect(previousScreen(draft, { kind: 'instrument' }, 'one-per-screen')).toBeNull();
  });

  it('reads and writes screens in the URL', () => {
    for (const screen of [
      { kind: 'instrument' },
      { kind: 'question', number: 12 },
      { kind: 'questions' },
      { kind: 'check' },
      { kind: 'saved' },
    ] as const) {
      expect(parseScreen(screenPath(screen))).toEqual(screen);
    }
    expect(parseScreen(undefined)).toEqual({ kind: 'instrument' });
    expect(parseScreen('question-x')).toBeNull();
    expect(parseScreen('elsewhere')).toBeNull();
  });

  it('swaps a question screen for the one-page form when the screen widens, and back', () => {
    const draft = setAnswer(chooseInstrument(buildDraft(), 'GAD7'), 0, 2);
    expect(screenForLayout(draft, { kind: 'question', number: 4 }, 'all-on-one')).toEqual({
      kind: 'questions',
    });
    expect(screenForLayout(draft, { kind: 'questions' }, 'one-per-screen')).toEqual({
      kind: 'question',
      number: 2,
    });
  });

  it('sends someone who jumps ahead (or reloads) to the first screen not done', () => {
    const fresh = buildDraft({ timepointCode: null });
    expect(allowedScreen(fresh, { kind: 'check' }, 'one-per-screen')).toEqual({
      kind: 'instrument',
    });
    const chosen = { ...chooseInstrument(fresh, 'GAD7'), timepointCode: 'baseline' };
    const twoAnswered = setAnswer(setAnswer(chosen, 0, 1), 1, NOT_ANSWERED);
    expect(allowedScreen(twoAnswered, { kind: 'check' }, 'one-per-screen')).toEqual({
      kind: 'question',
      number: 3,
    });
    expect(allowedScreen(twoAnswered, { kind: 'question', number: 2 }, 'one-per-screen')).toEqual({
      kind: 'question',
      number: 2,
    });
    expect(allowedScreen(twoAnswered, { kind: 'saved' }, 'one-per-screen')).toEqual({
      kind: 'saved',
    });
  });

  it('keeps the answers when the same questionnaire is chosen again, and clears them for another', () => {
    const answered = setAnswer(chooseInstrument(buildDraft(), 'PHQ9'), 0, 3);
    expect(chooseInstrument(answered, 'PHQ9').answers[0]).toBe(3);
    const other = chooseInstrument(answered, 'GAD7');
    expect(other.answers).toEqual(Array(7).fill(null));
  });

  it('names the open question in its error, by number and opening words', () => {
    const draft = chooseInstrument(buildDraft(), 'PHQ9');
    expect(unansweredAt(draft, 2)).toEqual({
      index: 2,
      number: 3,
      short: 'Trouble falling or staying asleep…',
    });
    expect(unansweredAt(setAnswer(draft, 2, 0), 2)).toBeNull();
    expect(unansweredItems(setAnswer(draft, 0, NOT_ANSWERED)).map((i) => i.number)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it('raises the safeguarding prompt as soon as PHQ-9 question 9 is answered above 0', () => {
    const draft = chooseInstrument(buildDraft(), 'PHQ9');
    expect(riskRaised(draft)).toBe(false);
    expect(riskRaised(setAnswer(draft, 8, 0))).toBe(false);
    expect(riskRaised(setAnswer(draft, 8, NOT_ANSWERED))).toBe(false);
    expect(riskRaised(setAnswer(draft, 8, 1))).toBe(true);
    // GAD-7 has no question 9, and no other answer raises it.
    expect(riskRaised(setAnswer(chooseInstrument(buildDraft(), 'GAD7'), 6, 3))).toBe(false);
  });

  it('sends "did not answer" as a missing item, and previews the published score', () => {
    const draft = phq9([3, 2, 2, 1, 1, 1, 1, 1, NOT_ANSWERED]);
    expect(submittedAnswers(draft)).toEqual([3, 2, 2, 1, 1, 1, 1, 1, null]);
    // 12 over 8 answered items, prorated to 9: 13.5 rounds half up to 14.
    expect(preview(draft)).toMatchObject({ valid: true, total: 14, band: 'moderate' });
    expect(preview(setAnswer(draft, 0, null))).toBeNull();
  });

  it('says as soon as too many questions are left unanswered to score', () => {
    const two = phq9([NOT_ANSWERED, NOT_ANSWERED, 1, null, null, null, null, null, null]);
    expect(tooManySkipped(two)).toBe(false);
    expect(tooManySkipped(setAnswer(two, 3, NOT_ANSWERED))).toBe(true);
    const wellbeing = setAnswer(chooseInstrument(buildDraft(), 'SWEMWBS'), 0, NOT_ANSWERED);
    expect(tooManySkipped(wellbeing)).toBe(true);
    const support = chooseInstrument(buildDraft(), 'MOS_SSS');
    expect(tooManySkipped(setAnswer(support, 0, NOT_ANSWERED))).toBe(false);
    // Tangible support is items 2, 5, 12 and 15: three of four missing leaves it unscored.
    const tangibleGone = [0, 3, 10].reduce(
      (d, index) => setAnswer(d, index, NOT_ANSWERED),
      support,
    );
    expect(tooManySkipped(tangibleGone)).toBe(true);
  });

  it.each([
    ['PAM', '', 'missing'],
    ['PAM', 'sixty', 'invalid'],
    ['PAM', '101', 'invalid'],
    ['PAM', '55.25', 'invalid'],
    ['PAM', '55.2', null],
    ['OUTCOMES_STAR', '42.5', 'invalid'],
    ['OUTCOMES_STAR', '42', null],
  ] as const)('checks a %s score of "%s" as %s', (code, text, problem) => {
    const draft = { ...chooseInstrument(buildDraft(), code), licensedScore: text };
    expect(licensedScoreProblem(draft)).toBe(problem);
  });

  it('gives the PAM level with the score', () => {
    const draft = { ...chooseInstrument(buildDraft(), 'PAM'), licensedScore: '60' };
    expect(licensedPreview(draft)).toEqual({ instrument: 'PAM', score: 60, level: 3 });
  });
});
