import { z } from 'zod';
import { invalid } from '../errors.ts';
import { isoDayNumber, isoFromDayNumber } from './iso-date.ts';

/**
 * When outcome questionnaires are due: the outcomes framework's timepoints and their windows,
 * anchored on a participant's first and last attended sessions. Dates are `YYYY-MM-DD`.
 */
export type TimepointKind = 'baseline' | 'session' | 'end-of-treatment' | 'follow-up';

export interface TimepointDefinition {
  code: string;
  label: string;
  kind: TimepointKind;
  /** Days after the anchor; for follow-ups, days after the end of treatment (91, 182). */
  offsetDays: number;
  windowDaysBefore: number;
  windowDaysAfter: number;
}

export const DEFAULT_OUTCOMES_FRAMEWORK: readonly TimepointDefinition[] = [
  // Within the 28 days before the first attended session, up to the day of it.
  {
    code: 'baseline',
    label: 'Baseline',
    kind: 'baseline',
    offsetDays: 0,
    windowDaysBefore: 28,
    windowDaysAfter: 0,
  },
  // On the day of each session.
  {
    code: 'session',
    label: 'Session',
    kind: 'session',
    offsetDays: 0,
    windowDaysBefore: 0,
    windowDaysAfter: 0,
  },
  // Within 14 days either side of the last attended treatment session.
  {
    code: 'end-of-treatment',
    label: 'End of treatment',
    kind: 'end-of-treatment',
    offsetDays: 0,
    windowDaysBefore: 14,
    windowDaysAfter: 14,
  },
  {
    code: 'follow-up-3m',
    label: '3-month follow-up',
    kind: 'follow-up',
    offsetDays: 91,
    windowDaysBefore: 21,
    windowDaysAfter: 21,
  },
  {
    code: 'follow-up-6m',
    label: '6-month follow-up',
    kind: 'follow-up',
    offsetDays: 182,
    windowDaysBefore: 28,
    windowDaysAfter: 28,
  },
];

const days = (what: string) =>
  z
    .number({ error: `Enter the ${what} in days` })
    .int(`Enter the ${what} as a whole number of days`)
    .min(0, `The ${what} cannot be negative`)
    .max(730, `The ${what} can be at most 730 days`);

export const ZTimepointDefinition = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and hyphens for a code'),
  label: z
    .string()
    .trim()
    .min(1, 'Enter a label')
    .max(100, 'Label must be 100 characters or fewer'),
  kind: z.enum(['baseline', 'session', 'end-of-treatment', 'follow-up'], {
    error: 'Choose baseline, session, end of treatment or follow-up',
  }),
  offsetDays: days('offset'),
  windowDaysBefore: days('window before'),
  windowDaysAfter: days('window after'),
});

export const ZOutcomesFramework = z
  .array(ZTimepointDefinition)
  .min(1, 'A framework needs at least a baseline')
  .max(20, 'A framework can have at most 20 timepoints')
  .refine(
    (timepoints) => new Set(timepoints.map((t) => t.code)).size === timepoints.length,
    'Each timepoint code can appear only once',
  )
  .refine(
    (timepoints) => timepoints.filter((t) => t.kind === 'baseline').length === 1,
    'A framework has exactly one baseline',
  );
export type OutcomesFramework = z.infer<typeof ZOutcomesFramework>;

export interface TimepointAnchors {
  firstAttendedSession: string | null;
  /** Known once treatment has ended; null until then. */
  lastAttendedTreatmentSession: string | null;
  /** For `session` timepoints: the date of the session the questionnaire belongs to. */
  session?: string | null;
}

export interface TimepointWindow {
  opens: string;
  closes: string;
}

export type WindowStatus = 'in-window' | 'early' | 'late' | 'not-yet-known';

/** The dates a timepoint's questionnaire is due between; null while its anchor is unknown. */
export function timepointWindow(
  definition: TimepointDefinition,
  anchors: TimepointAnchors,
): TimepointWindow | null {
  const anchor = anchorFor(definition, anchors);
  if (anchor === null) return null;
  const due = isoDayNumber(anchor.date, anchor.field) + definition.offsetDays;
  return {
    opens: isoFromDayNumber(due - definition.windowDaysBefore),
    closes: isoFromDayNumber(due + definition.windowDaysAfter),
  };
}

/**
 * Whether a questionnaire recorded on `recordedOn` falls in its timepoint's window. A baseline
 * recorded before anyone has attended a session counts as in window: its window closes on the
 * first session, which has not happened yet (it may become "early" if that session is more than
 * 28 days later, so re-check when the first session is attended).
 */
export function isInWindow(
  definition: TimepointDefinition,
  anchors: TimepointAnchors,
  recordedOn: string,
): WindowStatus {
  const recorded = isoDayNumber(recordedOn, 'recordedOn');
  if (definition.kind === 'baseline' && anchors.firstAttendedSession === null) return 'in-window';
  const window = timepointWindow(definition, anchors);
  if (window === null) return 'not-yet-known';
  if (recorded < isoDayNumber(window.opens, 'opens')) return 'early';
  if (recorded > isoDayNumber(window.closes, 'closes')) return 'late';
  return 'in-window';
}

function anchorFor(
  definition: TimepointDefinition,
  anchors: TimepointAnchors,
): { date: string; field: string } | null {
  const field = anchorField(definition.kind);
  if (field === null) {
    throw invalid('kind', `There is no timepoint kind called "${definition.kind}".`);
  }
  const date = anchors[field];
  return date === null || date === undefined ? null : { date, field: `anchors.${field}` };
}

function anchorField(kind: TimepointKind): keyof TimepointAnchors | null {
  switch (kind) {
    case 'baseline':
      return 'firstAttendedSession';
    case 'session':
      return 'session';
    case 'end-of-treatment':
    case 'follow-up':
      return 'lastAttendedTreatmentSession';
    default:
      return null;
  }
}
