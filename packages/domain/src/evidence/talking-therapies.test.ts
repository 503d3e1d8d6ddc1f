import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  type TalkingTherapiesEpisode,
  talkingTherapiesOutcome,
  talkingTherapiesRates,
} from './talking-therapies.ts';

const episode = (
  phq9: [number, number],
  gad7: [number, number],
  attendedTreatmentSessions = 6,
): TalkingTherapiesEpisode => ({
  attendedTreatmentSessions,
  phq9: { first: phq9[0], last: phq9[1] },
  gad7: { first: gad7[0], last: gad7[1] },
});

function expectInvalid(run: () => unknown, field: string, message: string) {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect(thrown).toMatchObject({ code: 'invalid', field, message });
}

describe('talkingTherapiesOutcome', () => {
  it.each([0, 1])('leaves everything but "finished" unset after %i sessions', (sessions) => {
    expect(talkingTherapiesOutcome(episode([20, 2], [15, 1], sessions))).toEqual({
      finishedTreatment: false,
      caseAtStart: null,
      caseAtEnd: null,
      recovered: null,
      reliableImprovement: null,
      reliableDeterioration: null,
      reliableRecovery: null,
    });
  });

  it.each<[string, [number, number], [number, number], Record<string, boolean | null>]>([
    [
      'recovered and reliably improved on both',
      [18, 6],
      [14, 5],
      {
        caseAtStart: true,
        caseAtEnd: false,
        recovered: true,
        reliableImprovement: true,
        reliableDeterioration: false,
        reliableRecovery: true,
      },
    ],
    [
      'recovered without reliable change (PHQ-9 10 → 9, GAD-7 8 → 7)',
      [10, 9],
      [8, 7],
      {
        caseAtStart: true,
        caseAtEnd: false,
        recovered: true,
        reliableImprovement: false,
        reliableDeterioration: false,
        reliableRecovery: false,
      },
    ],
    [
      'at caseness on GAD-7 only, reliably improved by exactly 4',
      [5, 5],
      [9, 5],
      {
        caseAtStart: true,
        caseAtEnd: false,
        recovered: true,
        reliableImprovement: true,
        reliableDeterioration: false,
        reliableRecovery: true,
      },
    ],
    [
      'reliably improved but still a case at the end',
      [22, 16],
      [10, 10],
      {
        caseAtStart: true,
        caseAtEnd: true,
        recovered: false,
        reliableImprovement: true,
        reliableDeterioration: false,
        reliableRecovery: false,
      },
    ],
    [
      'PHQ-9 improved by 5: one short of reliable',
      [15, 10],
      [3, 3],
      {
        caseAtStart: true,
        caseAtEnd: true,
        recovered: false,
        reliableImprovement: false,
        reliableDeterioration: false,
        reliableRecovery: false,
      },
    ],
    [
      'reliably better on PHQ-9 but reliably worse on GAD-7',
      [20, 9],
      [3, 7],
      {
        caseAtStart: true,
        caseAtEnd: false,
        recovered: true,
        reliableImprovement: false,
        reliableDeterioration: true,
        reliableRecovery: false,
      },
    ],
    [
      'not at caseness at the start, then reliably worse',
      [4, 12],
      [3, 5],
      {
        caseAtStart: false,
        caseAtEnd: true,
        recovered: null,
        reliableImprovement: false,
        reliableDeterioration: true,
        reliableRecovery: null,
      },
    ],
    [
      'not at caseness at the start, reliably improved',
      [9, 2],
      [7, 1],
      {
        caseAtStart: false,
        caseAtEnd: false,
        recovered: null,
        reliableImprovement: true,
        reliableDeterioration: false,
        reliableRecovery: null,
      },
    ],
  ])('%s', (_, phq9, gad7, expected) => {
    expect(talkingTherapiesOutcome(episode(phq9, gad7, 2))).toEqual({
      finishedTreatment: true,
      ...expected,
    });
  });

  it('never calls an episode both reliably improved and reliably deteriorated', () => {
    const phq9 = fc.tuple(fc.integer({ min: 0, max: 27 }), fc.integer({ min: 0, max: 27 }));
    const gad7 = fc.tuple(fc.integer({ min: 0, max: 21 }), fc.integer({ min: 0, max: 21 }));
    fc.assert(
      fc.property(phq9, gad7, (p, g) => {
        const outcome = talkingTherapiesOutcome(episode(p, g));
        expect(outcome.reliableImprovement && outcome.reliableDeterioration).toBe(false);
        if (outcome.reliableRecovery) {
          expect(outcome.recovered && outcome.reliableImprovement).toBe(true);
        }
        expect(outcome.recovered === null).toBe(outcome.caseAtStart === false);
      }),
    );
  });

  it.each<[TalkingTherapiesEpisode, string, string]>([
    [
      episode([10, 5], [8, 4], -1),
      'attendedTreatmentSessions',
      'Attended treatment sessions must be a whole number, 0 or more; got -1.',
    ],
    [
      episode([10, 5], [8, 4], 2.5),
      'attendedTreatmentSessions',
      'Attended treatment sessions must be a whole number, 0 or more; got 2.5.',
    ],
    [
      episode([28, 5], [8, 4]),
      'phq9.first',
      'The first PHQ-9 total must be a whole number from 0 to 27; got 28.',
    ],
    [
      episode([10, 4.5], [8, 4]),
      'phq9.last',
      'The last PHQ-9 total must be a whole number from 0 to 27; got 4.5.',
    ],
    [
      episode([10, 5], [-1, 4]),
      'gad7.first',
      'The first GAD-7 total must be a whole number from 0 to 21; got -1.',
    ],
    [
      episode([10, 5], [8, 22]),
      'gad7.last',
      'The last GAD-7 total must be a whole number from 0 to 21; got 22.',
    ],
  ])('refuses %j', (input, field, message) => {
    expectInvalid(() => talkingTherapiesOutcome(input), field, message);
  });
});

describe('talkingTherapiesRates', () => {
  it('reproduces the NHS Digital recovery arithmetic: 27,884 of (57,060 − 3,200) is 51.8%', () => {
    const rates = talkingTherapiesRates({
      finishedTreatment: 57_060,
      notAtCasenessAtStart: 3_200,
      recovered: 27_884,
      reliablyImproved: 38_000,
      reliablyRecovered: 26_000,
    });
    expect(rates.recoveryRate).toBeCloseTo(27_884 / 53_860, 12);
    expect(((rates.recoveryRate ?? 0) * 100).toFixed(1)).toBe('51.8');
    expect(rates.reliableImprovementRate).toBeCloseTo(38_000 / 57_060, 12);
    expect(rates.reliableRecoveryRate).toBeCloseTo(26_000 / 53_860, 12);
  });

  it.each([
    [
      { finishedTreatment: 0, notAtCasenessAtStart: 0 },
      { recoveryRate: null, reliableImprovementRate: null, reliableRecoveryRate: null },
    ],
    [
      // Everyone who finished started below caseness: no recovery denominator.
      { finishedTreatment: 4, notAtCasenessAtStart: 4, reliablyImproved: 1 },
      { recoveryRate: null, reliableImprovementRate: 0.25, reliableRecoveryRate: null },
    ],
    [
      { finishedTreatment: 10, notAtCasenessAtStart: 2, recovered: 4, reliablyRecovered: 2 },
      { recoveryRate: 0.5, reliableImprovementRate: 0, reliableRecoveryRate: 0.25 },
    ],
  ])('for %j gives %j', (counts, expected) => {
    expect(
      talkingTherapiesRates({
        recovered: 0,
        reliablyImproved: 0,
        reliablyRecovered: 0,
        ...counts,
      }),
    ).toEqual(expected);
  });

  it.each([
    [{ recovered: -1 }, 'recovered', 'recovered must be a whole number, 0 or more; got -1.'],
    [
      { notAtCasenessAtStart: 11 },
      'notAtCasenessAtStart',
      '11 not at caseness at the start is more than the 10 who finished treatment.',
    ],
    [
      { notAtCasenessAtStart: 4, recovered: 7 },
      'recovered',
      'recovered is 7, more than the 6 who finished treatment at caseness.',
    ],
    [
      { recovered: 3, reliablyRecovered: 4 },
      'reliablyRecovered',
      'reliablyRecovered is 4, more than the 3 who recovered.',
    ],
    [
      { reliablyImproved: 11 },
      'reliablyImproved',
      'reliablyImproved is 11, more than the 10 who finished treatment.',
    ],
  ])('refuses %j', (overrides, field, message) => {
    expectInvalid(
      () =>
        talkingTherapiesRates({
          finishedTreatment: 10,
          notAtCasenessAtStart: 0,
          recovered: 0,
          reliablyImproved: 0,
          reliablyRecovered: 0,
          ...overrides,
        }),
      field,
      message,
    );
  });
});
