import { ETHNIC_GROUPS, parseNhsNumber } from '@coproduce/domain';
import type { participantsEn } from '../../../messages/participants.en.ts';

/**
 * The enrolment journey as pure functions: one thing per page, in order; the equality
 * questions only if the participant wants to answer them (each one optional, each with
 * "Prefer not to say"); then check the answers. Steps are in the URL.
 */
export const STEPS = [
  'programme',
  'name',
  'date-of-birth',
  'contact',
  'nhs-number',
  'consent',
  'equality',
  'sex',
  'ethnic-group',
  'ethnic-background',
  'religion',
  'language',
  'disability',
  'enrolled-on',
  'check',
  'done',
] as const;
export type StepId = (typeof STEPS)[number];

export function isStepId(value: string | undefined): value is StepId {
  return (STEPS as readonly string[]).includes(value ?? '');
}

const EQUALITY_STEPS: readonly StepId[] = [
  'sex',
  'ethnic-group',
  'ethnic-background',
  'religion',
  'language',
  'disability',
];

export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export interface EnrolDraft {
  readonly programmeId: string | null;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: DateParts;
  readonly email: string;
  readonly phone: string;
  readonly postcode: string;
  readonly nhsNumber: string;
  readonly serviceDelivery: boolean;
  readonly evaluation: boolean;
  readonly sharingWithCommissioners: boolean;
  readonly noticeVersion: string;
  readonly consentGivenOn: string;
  readonly enrolledOn: string;
  readonly wantsEquality: 'yes' | 'no' | null;
  readonly sex: string | null;
  /** The broad group first (ONS asks it in two steps), then the detailed one. */
  readonly ethnicHeading: string | null;
  readonly ethnicGroup: string | null;
  readonly religion: string | null;
  readonly mainLanguage: string | null;
  readonly disability: string | null;
}

export function emptyDraft(today: string, noticeVersion = ''): EnrolDraft {
  return {
    programmeId: null,
    givenName: '',
    familyName: '',
    dateOfBirth: { day: '', month: '', year: '' },
    email: '',
    phone: '',
    postcode: '',
    nhsNumber: '',
    serviceDelivery: false,
    evaluation: false,
    sharingWithCommissioners: false,
    noticeVersion,
    consentGivenOn: today,
    enrolledOn: today,
    wantsEquality: null,
    sex: null,
    ethnicHeading: null,
    ethnicGroup: null,
    religion: null,
    mainLanguage: null,
    disability: null,
  };
}

const PREFER_NOT_TO_SAY = 'prefer-not-to-say';

/** The pages someone goes through, in order, for what has been answered so far. */
export function stepsFor(draft: EnrolDraft): StepId[] {
  return STEPS.filter((step) => {
    if (step === 'enrolled-on' || step === 'done') return false;
    if (EQUALITY_STEPS.includes(step) && draft.wantsEquality !== 'yes') return false;
    if (
      step === 'ethnic-background' &&
      (draft.ethnicHeading === null || draft.ethnicHeading === PREFER_NOT_TO_SAY)
    ) {
      return false;
    }
    return true;
  });
}

export function nextStep(draft: EnrolDraft, step: StepId): StepId {
  const steps = stepsFor(draft);
  return steps[steps.indexOf(step) + 1] ?? 'check';
}

/** The page before, or null on the first (Back leaves the journey). */
export function previousStep(draft: EnrolDraft, step: StepId): StepId | null {
  if (step === 'enrolled-on') return 'check';
  const steps = stepsFor(draft);
  const index = steps.indexOf(step);
  return index > 0 ? (steps[index - 1] ?? null) : null;
}

/** The step asked for if everything before it is answered; otherwise the first that is not. */
export function allowedStep(draft: EnrolDraft, wanted: StepId, today: string): StepId {
  if (wanted === 'done') return 'done';
  for (const step of stepsFor(draft)) {
    if (step === wanted) return wanted;
    if (Object.keys(validateStep(draft, step, today)).length > 0) return step;
  }
  return wanted === 'enrolled-on' ? wanted : 'programme';
}

// ---- validation ------------------------------------------------------------------------------

type MessageKey = keyof typeof participantsEn;

/** A message for a field: one of ours by key (with its values), or the domain's own words. */
export type Problem =
  | { readonly key: MessageKey; readonly params?: Readonly<Record<string, string>> }
  | { readonly text: string };

export type Problems = Record<string, Problem>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type DatePartsResult =
  | { readonly iso: string }
  | { readonly problem: 'missing' | 'day' | 'month' | 'year' | 'year-digits' | 'not-real' };

/** GOV.UK's date input: three boxes, checked one by one, then as a real calendar date. */
export function readDateParts(parts: DateParts): DatePartsResult {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return { problem: 'missing' };
  if (day === '') return { problem: 'day' };
  if (month === '') return { problem: 'month' };
  if (year === '') return { problem: 'year' };
  if (!/^\d{4}$/.test(year)) return { problem: 'year-digits' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) return { problem: 'not-real' };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    return { problem: 'not-real' };
  }
  return { iso };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+() -]{6,30}$/;
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

function checkDate(value: string, today: string, empty: MessageKey, future: MessageKey) {
  if (!ISO_DATE.test(value)) return { key: empty };
  if (value > today) return { key: future };
  return null;
}

/** What is wrong on one page, by field name (empty when it can move on). */
export function validateStep(draft: EnrolDraft, step: StepId, today: string): Problems {
  const problems: Problems = {};
  const add = (field: string, problem: Problem | null) => {
    if (problem !== null) problems[field] = problem;
  };
  switch (step) {
    case 'programme':
      if (draft.programmeId === null) add('programmeId', { key: 'enrol.programme.error' });
      break;
    case 'name':
      if (draft.givenName.trim() === '') add('givenName', { key: 'enrol.name.givenError' });
      else if (draft.givenName.trim().length > 100)
        add('givenName', { key: 'enrol.name.givenLong' });
      if (draft.familyName.trim() === '') add('familyName', { key: 'enrol.name.familyError' });
      else if (draft.familyName.trim().length > 100) {
        add('familyName', { key: 'enrol.name.familyLong' });
      }
      break;
    case 'date-of-birth': {
      const read = readDateParts(draft.dateOfBirth);
      if ('problem' in read) add('dateOfBirth', { key: `enrol.dob.error.${read.problem}` });
      else if (read.iso > today) add('dateOfBirth', { key: 'enrol.dob.error.future' });
      else if (read.iso < '1900-01-01') add('dateOfBirth', { key: 'enrol.dob.error.past' });
      break;
    }
    case 'contact':
      if (draft.email.trim() !== '' && !EMAIL.test(draft.email.trim())) {
        add('email', { key: 'enrol.contact.emailError' });
      }
      if (draft.phone.trim() !== '' && !PHONE.test(draft.phone.trim())) {
        add('phone', { key: 'enrol.contact.phoneError' });
      }
      if (draft.postcode.trim() !== '' && !POSTCODE.test(draft.postcode.trim())) {
        add('postcode', { key: 'enrol.contact.postcodeError' });
      }
      break;
    case 'nhs-number':
      if (draft.nhsNumber.trim() !== '') {
        try {
          parseNhsNumber(draft.nhsNumber);
        } catch (error) {
          add('nhsNumber', { text: (error as Error).message });
        }
      }
      break;
    case 'consent':
      Object.assign(problems, validateConsent(draft, today));
      break;
    case 'equality':
      if (draft.wantsEquality === null) add('wantsEquality', { key: 'enrol.equality.error' });
      break;
    case 'enrolled-on': {
      const problem = checkDate(
        draft.enrolledOn,
        today,
        'enrol.enrolledOn.error',
        'enrol.enrolledOn.future',
      );
      if (problem !== null) add('enrolledOn', problem);
      else if (ISO_DATE.test(draft.consentGivenOn) && draft.enrolledOn < draft.consentGivenOn) {
        add('enrolledOn', { key: 'enrol.enrolledOn.beforeConsent' });
      }
      break;
    }
    default:
      // The equality questions are optional: moving on without an answer is allowed.
      break;
  }
  return problems;
}

/** The consent page, also used to record a new consent later. */
export function validateConsent(
  consent: Pick<EnrolDraft, 'serviceDelivery' | 'noticeVersion' | 'consentGivenOn'>,
  today: string,
): Problems {
  const problems: Problems = {};
  if (!consent.serviceDelivery) problems.scope = { key: 'consent.form.serviceDeliveryError' };
  if (consent.noticeVersion.trim() === '') {
    problems.noticeVersion = { key: 'consent.form.noticeVersionError' };
  } else if (consent.noticeVersion.trim().length > 40) {
    problems.noticeVersion = { key: 'consent.form.noticeVersionLong' };
  }
  const date = checkDate(
    consent.consentGivenOn,
    today,
    'consent.form.givenOnError',
    'consent.form.givenOnFuture',
  );
  if (date !== null) problems.givenOn = date;
  return problems;
}

/** Every problem before the check page, for a last look (a date that moved, say). */
export function problemsBeforeCheck(draft: EnrolDraft, today: string): Problems {
  const problems: Problems = validateStep(draft, 'enrolled-on', today);
  for (const step of stepsFor(draft)) Object.assign(problems, validateStep(draft, step, today));
  return problems;
}

/** The ethnic group to record: the detailed one, or "prefer not to say" chosen at the first step. */
export function ethnicGroupOf(draft: EnrolDraft): string | null {
  if (draft.ethnicHeading === PREFER_NOT_TO_SAY) return PREFER_NOT_TO_SAY;
  if (draft.ethnicGroup === null) return null;
  if (draft.ethnicGroup === PREFER_NOT_TO_SAY) return PREFER_NOT_TO_SAY;
  const group = ETHNIC_GROUPS.find((g) => g.code === draft.ethnicGroup);
  return group?.heading === draft.ethnicHeading ? draft.ethnicGroup : null;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** What `participant.enrol` is sent. */
export function toEnrolment(draft: EnrolDraft, siteId: string) {
  const dob = readDateParts(draft.dateOfBirth);
  const equality = draft.wantsEquality === 'yes';
  const pick = (value: string | null) => (equality && value !== null ? value : undefined);
  return {
    programmeId: draft.programmeId ?? '',
    siteId,
    enrolment: {
      enrolledOn: draft.enrolledOn,
      identity: {
        givenName: draft.givenName.trim(),
        familyName: draft.familyName.trim(),
        dateOfBirth: 'iso' in dob ? dob.iso : '',
        email: orNull(draft.email),
        phone: orNull(draft.phone),
        postcode: orNull(draft.postcode)?.toUpperCase() ?? null,
        nhsNumber: orNull(draft.nhsNumber),
      },
      consent: {
        noticeVersion: draft.noticeVersion.trim(),
        serviceDelivery: draft.serviceDelivery,
        evaluation: draft.evaluation,
        sharingWithCommissioners: draft.sharingWithCommissioners,
        givenOn: draft.consentGivenOn,
      },
      equality: Object.fromEntries(
        Object.entries({
          sex: pick(draft.sex),
          ethnicGroup: pick(ethnicGroupOf(draft)),
          religion: pick(draft.religion),
          mainLanguage: pick(draft.mainLanguage),
          disability: pick(draft.disability),
        }).filter(([, value]) => value !== undefined),
      ),
    },
  };
}

/** Which page a server message about a field belongs to (its key is the input's path). */
export function stepOfServerField(field: string): StepId | null {
  const map: Record<string, StepId> = {
    programmeId: 'programme',
    'enrolment.identity.givenName': 'name',
    'enrolment.identity.familyName': 'name',
    'enrolment.identity.dateOfBirth': 'date-of-birth',
    'enrolment.identity.email': 'contact',
    'enrolment.identity.phone': 'contact',
    'enrolment.identity.postcode': 'contact',
    'enrolment.identity.nhsNumber': 'nhs-number',
    'enrolment.enrolledOn': 'enrolled-on',
  };
  if (field in map) return map[field] ?? null;
  if (field.startsWith('enrolment.consent')) return 'consent';
  if (field.startsWith('enrolment.equality')) return 'equality';
  return null;
}

/**
 * Search words as people type them: a date like 14/3/1985 becomes 1985-03-14, which is how the
 * server matches dates of birth.
 */
export function normaliseSearch(query: string): string {
  return query
    .trim()
    .split(/\s+/)
    .map((word) => {
      const date = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(word);
      return date ? `${date[3]}-${date[2]?.padStart(2, '0')}-${date[1]?.padStart(2, '0')}` : word;
    })
    .join(' ');
}
