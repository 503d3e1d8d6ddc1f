import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  DEFAULT_OUTCOMES_FRAMEWORK,
  isInWindow,
  type TimepointAnchors,
  type TimepointDefinition,
  timepointWindow,
  ZOutcomesFramework,
} from './timepoints.ts';

function timepoint(code: string): TimepointDefinition {
  const found = DEFAULT_OUTCOMES_FRAMEWORK.find((t) => t.code === code);
  if (!found) throw new Error(`No timepoint ${code}`);
  return found;
}

const anchors = (overrides: Partial<TimepointAnchors>): TimepointAnchors => ({
  firstAttendedSession: null,
  lastAttendedTreatmentSession: null,
  ...overrides,
});

function expectInvalid(run: () => unknown, field: string) {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect(thrown).toMatchObject({ code: 'invalid', field });
}

describe('DEFAULT_OUTCOMES_FRAMEWORK', () => {
  it('is a valid framework', () => {
    expect(ZOutcomesFramework.parse(DEFAULT_OUTCOMES_FRAMEWORK)).toEqual(
      DEFAULT_OUTCOMES_FRAMEWORK,
    );
  });
});

describe('ZOutcomesFramework', () => {
  const [baseline, session] = DEFAULT_OUTCOMES_FRAMEWORK as [
    TimepointDefinition,
    TimepointDefinition,
  ];

  it.each([
    [
      'a repeated code',
      [baseline, { ...session, code: 'baseline' }],
      'Each timepoint code can appear only once',
    ],
    ['no baseline', [session], 'A framework has exactly one baseline'],
    [
      'two baselines',
      [baseline, { ...baseline, code: 'baseline-2' }],
      'A framework has exactly one baseline',
    ],
    ['no timepoints', [], 'A framework needs at least a baseline'],
    [
      'a code with spaces',
      [{ ...baseline, code: 'Base line' }],
      'Use lower-case letters, digits and hyphens for a code',
    ],
    [
      'a negative window',
      [{ ...baseline, windowDaysBefore: -1 }],
      'The window before cannot be negative',
    ],
    ['part days', [{ ...baseline, offsetDays: 1.5 }], 'Enter the offset as a whole number of days'],
  ])('refuses %s', (_, framework, message) => {
    const result = ZOutcomesFramework.safeParse(framework);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});

describe('timepointWindow', () => {
  it.each([
    // 28 days before the first session: across a leap day, and without one.
    ['baseline', { firstAttendedSession: '2024-03-01' }, '2024-02-02', '2024-03-01'],
    ['baseline', { firstAttendedSession: '2023-03-01' }, '2023-02-01', '2023-03-01'],
    ['session', { session: '2025-01-31' }, '2025-01-31', '2025-01-31'],
    // 14 days either side, across the year end.
    [
      'end-of-treatment',
      { lastAttendedTreatmentSession: '2024-12-25' },
      '2024-12-11',
      '2025-01-08',
    ],
    // 91 days after 30 November 2024 is 1 March 2025.
    ['follow-up-3m', { lastAttendedTreatmentSession: '2024-11-30' }, '2025-02-08', '2025-03-22'],
    ['follow-up-3m', { lastAttendedTreatmentSession: '2025-12-31' }, '2026-03-11', '2026-04-22'],
    // 182 days after 31 August 2023 is 29 February 2024.
    ['follow-up-6m', { lastAttendedTreatmentSession: '2023-08-31' }, '2024-02-01', '2024-03-28'],
  ])('%s with %j opens %s and closes %s', (code, given, opens, closes) => {
    expect(timepointWindow(timepoint(code), anchors(given))).toEqual({ opens, closes });
  });

  it.each([
    ['baseline', {}],
    ['session', { firstAttendedSession: '2025-01-01' }],
    ['end-of-treatment', { firstAttendedSession: '2025-01-01' }],
    ['follow-up-6m', { firstAttendedSession: '2025-01-01' }],
  ])('%s has no window yet with %j', (code, given) => {
    expect(timepointWindow(timepoint(code), anchors(given))).toBeNull();
  });

  it('refuses a date that does not exist', () => {
    expectInvalid(
      () => timepointWindow(timepoint('baseline'), anchors({ firstAttendedSession: '2025-02-29' })),
      'anchors.firstAttendedSession',
    );
  });
});

describe('isInWindow', () => {
  const started = anchors({ firstAttendedSession: '2024-03-01' });
  const finished = anchors({
    firstAttendedSession: '2024-09-02',
    lastAttendedTreatmentSession: '2024-11-30',
  });

  it.each([
    ['baseline', anchors({}), '2020-01-01', 'in-window'],
    ['baseline', started, '2024-02-01', 'early'],
    ['baseline', started, '2024-02-02', 'in-window'],
    ['baseline', started, '2024-02-29', 'in-window'],
    ['baseline', started, '2024-03-01', 'in-window'],
    ['baseline', started, '2024-03-02', 'late'],
    ['end-of-treatment', started, '2024-06-01', 'not-yet-known'],
    ['follow-up-3m', started, '2024-06-01', 'not-yet-known'],
    ['end-of-treatment', finished, '2024-11-15', 'early'],
    ['end-of-treatment', finished, '2024-11-16', 'in-window'],
    ['end-of-treatment', finished, '2024-12-14', 'in-window'],
    ['end-of-treatment', finished, '2024-12-15', 'late'],
    ['follow-up-3m', finished, '2025-02-07', 'early'],
    ['follow-up-3m', finished, '2025-02-08', 'in-window'],
    ['follow-up-3m', finished, '2025-03-22', 'in-window'],
    ['follow-up-3m', finished, '2025-03-23', 'late'],
    ['session', anchors({ session: '2024-10-01' }), '2024-10-01', 'in-window'],
    ['session', anchors({ session: '2024-10-01' }), '2024-10-02', 'late'],
  ])('%s recorded with %j on %s is %s', (code, given, recordedOn, status) => {
    expect(isInWindow(timepoint(code), given, recordedOn)).toBe(status);
  });

  it.each(['2024-02-30', '2024-2-1', '', '2024-02-01T00:00:00Z'])(
    'refuses a recorded date of %j',
    (recordedOn) => {
      expectInvalid(() => isInWindow(timepoint('baseline'), started, recordedOn), 'recordedOn');
    },
  );
});
