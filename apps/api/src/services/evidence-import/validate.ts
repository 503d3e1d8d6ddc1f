import {
  DISABILITY_STATUSES,
  DomainError,
  ETHNIC_GROUPS,
  INSTRUMENTS,
  LICENSED_INSTRUMENTS,
  MAIN_LANGUAGES,
  RELIGIONS,
  SEXES,
  scoreInstrument,
  validateLicensedScore,
} from '@coproduce/domain';
import { ZEnrolment } from '../../routers/participant/schemas.ts';
import type { Enrolment } from '../participant-service.ts';
import type { CollectorRole } from '../questionnaire-service.ts';
import { answerColumn, type ColumnSpec, type ImportInstrument, isLicensed } from './columns.ts';
import type { SheetRows } from './parse.ts';

/** One thing wrong with a file: the spreadsheet row (header = 1), the column and what to fix. */
export interface ImportProblem {
  readonly row: number;
  readonly column: string;
  readonly problem: string;
}

/** A data row, numbered as the spreadsheet shows it, with its cells looked up by column name. */
export interface TableRow {
  readonly row: number;
  get(column: string): string | null;
}

export interface Table {
  readonly problems: ImportProblem[];
  readonly rows: TableRow[];
}

/** "Given name", "GIVEN-NAME" and "given_name" are the same column. */
export const normaliseHeading = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

const isBlankRow = (cells: readonly (string | null)[]) => cells.every((cell) => cell === null);

/**
 * Finds the header (the first row with anything in it) and checks its columns against the
 * template's: unknown, repeated and missing columns are problems of the header row. Blank rows
 * are skipped but still counted, so row numbers stay those a person sees in Excel.
 */
export function readTable(sheet: SheetRows, columns: readonly ColumnSpec[]): Table {
  const problems: ImportProblem[] = [];
  const headerIndex = sheet.rows.findIndex((cells) => !isBlankRow(cells));
  const header = sheet.rows[headerIndex];
  if (!header) {
    return {
      problems: [{ row: 1, column: '', problem: 'The file is empty. Start from the template.' }],
      rows: [],
    };
  }
  const headerRow = headerIndex + 1;
  const known = new Map(columns.map((c) => [c.name, c]));
  const indexOf = new Map<string, number>();
  header.forEach((heading, index) => {
    if (heading === null) return;
    const name = normaliseHeading(heading);
    if (name === 'age_band') {
      problems.push({
        row: headerRow,
        column: heading,
        problem: 'Remove this column: the age band is worked out from the date of birth.',
      });
    } else if (!known.has(name)) {
      problems.push({
        row: headerRow,
        column: heading,
        problem: 'We do not know this column. Use the column names from the template.',
      });
    } else if (indexOf.has(name)) {
      problems.push({
        row: headerRow,
        column: heading,
        problem: `This column appears twice (columns ${columnLetter(indexOf.get(name) ?? 0)} and ${columnLetter(index)}). Keep one.`,
      });
    } else {
      indexOf.set(name, index);
    }
  });
  for (const column of columns) {
    if (column.required && !indexOf.has(column.name)) {
      problems.push({
        row: headerRow,
        column: column.name,
        problem: 'This column is missing. Add it, using the template’s column names.',
      });
    }
  }
  if (problems.length > 0) return { problems, rows: [] };

  const rows: TableRow[] = [];
  for (let i = headerIndex + 1; i < sheet.rows.length; i += 1) {
    const cells = sheet.rows[i] ?? [];
    if (isBlankRow(cells)) continue;
    const row = i + 1;
    cells.forEach((cell, index) => {
      if (cell !== null && (header[index] ?? null) === null) {
        problems.push({
          row,
          column: columnLetter(index),
          problem: 'This cell has no column heading. Move it under the right column or delete it.',
        });
      }
    });
    rows.push({
      row,
      get: (column) => {
        const index = indexOf.get(column);
        return index === undefined ? null : (cells[index] ?? null);
      },
    });
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({
      row: headerRow + 1,
      column: '',
      problem: 'There are no rows under the column headings. Add one row for each record.',
    });
  }
  return { problems, rows };
}

// ---------------------------------------------------------------------------------------------
// Cell values

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/** `YYYY-MM-DD` or the UK's `DD/MM/YYYY`, as a real calendar date in ISO form; null otherwise. */
export function parseDate(text: string): string | null {
  const iso = ISO.exec(text);
  const uk = iso ? null : UK.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day || year < 1900) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

export function parseYesNo(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return null;
}

const comparable = (text: string) =>
  text.trim().toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ');

/** Looks a category up by its code or its label, ignoring case and curly apostrophes. */
function categoryLookup<Code extends string>(list: readonly { code: Code; label: string }[]) {
  const byText = new Map<string, Code>();
  for (const c of list) {
    byText.set(c.code, c.code);
    byText.set(comparable(c.label), c.code);
  }
  return (text: string): Code | undefined => byText.get(comparable(text));
}

/** A date column: blank, unreadable and future dates are each a problem. */
function dateCell(
  row: TableRow,
  column: string,
  what: string,
  today: string,
  problems: ImportProblem[],
): string | null {
  const text = row.get(column);
  if (text === null) {
    problems.push({ row: row.row, column, problem: `Enter ${what}.` });
    return null;
  }
  const date = parseDate(text);
  if (date === null) {
    problems.push({
      row: row.row,
      column,
      problem: `Enter ${what} as a real date, like 31/12/2025 or 2025-12-31 (got “${text}”).`,
    });
    return null;
  }
  if (date > today) {
    problems.push({
      row: row.row,
      column,
      problem: `${capitalise(what)} cannot be in the future.`,
    });
    return null;
  }
  return date;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// ---------------------------------------------------------------------------------------------
// Participants

/** Where each field of an enrolment comes from, for naming the column of a schema problem. */
const ENROLMENT_COLUMNS: Record<string, string> = {
  enrolledOn: 'enrolled_on',
  'identity.givenName': 'given_name',
  'identity.familyName': 'family_name',
  'identity.dateOfBirth': 'date_of_birth',
  'identity.email': 'email',
  'identity.phone': 'phone',
  'identity.postcode': 'postcode',
  'identity.nhsNumber': 'nhs_number',
  'consent.noticeVersion': 'consent_notice_version',
  'consent.serviceDelivery': 'consent_service_delivery',
  'consent.evaluation': 'consent_evaluation',
  'consent.sharingWithCommissioners': 'consent_sharing_with_commissioners',
  'consent.givenOn': 'consent_given_on',
  'equality.sex': 'sex',
  'equality.ethnicGroup': 'ethnic_group',
  'equality.religion': 'religion',
  'equality.mainLanguage': 'main_language',
  'equality.disability': 'disability',
};

const EQUALITY_COLUMNS = [
  { column: 'sex', field: 'sex', find: categoryLookup(SEXES), what: 'sex' },
  {
    column: 'ethnic_group',
    field: 'ethnicGroup',
    find: categoryLookup(ETHNIC_GROUPS),
    what: 'ethnic group',
  },
  { column: 'religion', field: 'religion', find: categoryLookup(RELIGIONS), what: 'religion' },
  {
    column: 'main_language',
    field: 'mainLanguage',
    find: categoryLookup(MAIN_LANGUAGES),
    what: 'main language',
  },
  {
    column: 'disability',
    field: 'disability',
    find: categoryLookup(DISABILITY_STATUSES),
    what: 'disability',
  },
] as const;

/** Someone already enrolled in this programme at this site, for spotting a second enrolment. */
export interface EnrolledPerson {
  readonly code: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  readonly nhsNumber: string | null;
}

export interface ParticipantContext {
  readonly today: string;
  readonly enrolled: readonly EnrolledPerson[];
}

export interface ValidRow<T> {
  readonly row: number;
  readonly value: T;
}

export interface Validated<T> {
  readonly problems: ImportProblem[];
  readonly valid: ValidRow<T>[];
}

const EARLIEST = '1900-01-01';

const personKey = (givenName: string, familyName: string, dateOfBirth: string) =>
  `${comparable(givenName)}|${comparable(familyName)}|${dateOfBirth}`;

export function validateParticipants(
  table: Table,
  context: ParticipantContext,
): Validated<Enrolment> {
  const problems: ImportProblem[] = [...table.problems];
  const valid: ValidRow<Enrolment>[] = [];
  const enrolledByPerson = new Map(
    context.enrolled.map((p) => [personKey(p.givenName, p.familyName, p.dateOfBirth), p.code]),
  );
  const enrolledByNhs = new Map(
    context.enrolled.flatMap((p) => (p.nhsNumber ? [[p.nhsNumber, p.code] as const] : [])),
  );
  const seenPerson = new Map<string, number>();
  const seenNhs = new Map<string, number>();

  for (const row of table.rows) {
    const own: ImportProblem[] = [];
    const dateOfBirth = dateCell(row, 'date_of_birth', 'the date of birth', context.today, own);
    const enrolledOn = dateCell(row, 'enrolled_on', 'the enrolment date', context.today, own);
    const givenOn = dateCell(
      row,
      'consent_given_on',
      'the date consent was given',
      context.today,
      own,
    );
    const consentFlag = (column: string) => {
      const text = row.get(column);
      const value = text === null ? null : parseYesNo(text);
      if (value === null) own.push({ row: row.row, column, problem: 'Enter yes or no.' });
      return value ?? false;
    };
    const equality: Record<string, string> = {};
    for (const { column, field, find, what } of EQUALITY_COLUMNS) {
      const text = row.get(column);
      if (text === null) continue;
      const code = find(text);
      if (code === undefined) {
        own.push({
          row: row.row,
          column,
          problem: `“${text}” is not one of the ${what} answers. Use one from the template’s guidance, or leave it blank.`,
        });
      } else {
        equality[field] = code;
      }
    }
    // A date already reported stands in as one that cannot trip the schema's date-order checks.
    const candidate = {
      enrolledOn: enrolledOn ?? context.today,
      identity: {
        givenName: row.get('given_name') ?? '',
        familyName: row.get('family_name') ?? '',
        dateOfBirth: dateOfBirth ?? EARLIEST,
        email: row.get('email'),
        phone: row.get('phone'),
        postcode: row.get('postcode'),
        nhsNumber: row.get('nhs_number'),
      },
      consent: {
        noticeVersion: row.get('consent_notice_version') ?? '',
        serviceDelivery: consentFlag('consent_service_delivery'),
        evaluation: consentFlag('consent_evaluation'),
        sharingWithCommissioners: consentFlag('consent_sharing_with_commissioners'),
        givenOn: givenOn ?? EARLIEST,
      },
      equality,
    };
    const parsed = ZEnrolment.safeParse(candidate);
    // A column that already has a problem from reading its cell is not reported twice.
    const reported = new Set(own.map((p) => p.column));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = ENROLMENT_COLUMNS[issue.path.map(String).join('.')] ?? '';
        if (reported.has(column)) continue;
        reported.add(column);
        own.push({ row: row.row, column, problem: issue.message });
      }
    }
    if (parsed.success) {
      const { identity } = parsed.data;
      const key = personKey(identity.givenName, identity.familyName, identity.dateOfBirth);
      const earlier = seenPerson.get(key);
      const enrolledAs = enrolledByPerson.get(key);
      if (earlier !== undefined) {
        own.push({
          row: row.row,
          column: 'given_name',
          problem: `The same person (name and date of birth) is also on row ${earlier}. Keep one of the rows.`,
        });
      } else if (enrolledAs !== undefined) {
        own.push({
          row: row.row,
          column: 'given_name',
          problem: `Someone with this name and date of birth is already enrolled in this programme at your site, as ${enrolledAs}. Remove this row.`,
        });
      }
      seenPerson.set(key, seenPerson.get(key) ?? row.row);
      // The same person found by name is not reported a second time by NHS number.
      if (identity.nhsNumber && earlier === undefined && enrolledAs === undefined) {
        const earlierNhs = seenNhs.get(identity.nhsNumber);
        const nhsEnrolledAs = enrolledByNhs.get(identity.nhsNumber);
        if (earlierNhs !== undefined) {
          own.push({
            row: row.row,
            column: 'nhs_number',
            problem: `This NHS number is also on row ${earlierNhs}. Each person can be enrolled once.`,
          });
        } else if (nhsEnrolledAs !== undefined) {
          own.push({
            row: row.row,
            column: 'nhs_number',
            problem: `Someone with this NHS number is already enrolled in this programme at your site, as ${nhsEnrolledAs}.`,
          });
        }
        seenNhs.set(identity.nhsNumber, seenNhs.get(identity.nhsNumber) ?? row.row);
      }
    }
    if (own.length > 0 || !parsed.success) problems.push(...own);
    else valid.push({ row: row.row, value: parsed.data as Enrolment });
  }
  return { problems, valid };
}

// ---------------------------------------------------------------------------------------------
// Questionnaire answers

export interface KnownParticipant {
  readonly id: string;
  readonly erased: boolean;
  /** Whether consent in force allows recording something on this date. */
  mayRecordOn(date: string): boolean;
}

export interface Collector {
  readonly personId: string;
  readonly role: CollectorRole;
}

export interface ResponseContext {
  readonly instrument: ImportInstrument;
  readonly today: string;
  /** Participants of this site and programme, by code (upper case). */
  readonly participants: ReadonlyMap<string, KnownParticipant>;
  readonly timepoints: readonly { readonly code: string; readonly label: string }[];
  /** Current members of the site who may collect questionnaires, by email (lower case). */
  readonly collectors: ReadonlyMap<string, Collector>;
  /** Who is uploading: the collector when `collected_by_email` is blank. */
  readonly uploader: Collector;
  /** `participantId|timepoint|recordedOn` of this instrument's answers already stored. */
  readonly alreadyRecorded: ReadonlySet<string>;
}

export interface ResponseRow {
  readonly participantId: string;
  readonly timepointCode: string;
  readonly recordedOn: string;
  readonly answers: (number | null)[] | null;
  readonly licensedScore: number | null;
  readonly collectedBy: string;
  readonly collectorRole: CollectorRole;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * The answers as the domain scores them. A cell that is not a number is passed on as its text,
 * so `scoreInstrument` (which checks every answer it is given at run time) names it in its message.
 */
function answerValues(cells: readonly (string | null)[]): (number | null)[] {
  return cells.map((cell) =>
    cell === null ? null : NUMBER.test(cell) ? Number(cell) : (cell as unknown as number),
  );
}

/**
 * Every out-of-range answer in a row: the domain stops at the first, naming it as `answers.i`,
 * so that answer is set aside and the rest checked again.
 */
function answerProblems(
  code: Exclude<ImportInstrument, 'PAM' | 'OUTCOMES_STAR'>,
  answers: (number | null)[],
): { index: number | null; message: string }[] {
  const found: { index: number | null; message: string }[] = [];
  const trial = [...answers];
  for (let attempt = 0; attempt <= trial.length; attempt += 1) {
    try {
      scoreInstrument(code, trial);
      return found;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const match = /^answers\.(\d+)$/.exec(error.field ?? '');
      const index = match ? Number(match[1]) : null;
      found.push({ index, message: error.message });
      if (index === null) return found;
      trial[index] = null;
    }
  }
  return found;
}

export function validateResponses(table: Table, context: ResponseContext): Validated<ResponseRow> {
  const problems: ImportProblem[] = [...table.problems];
  const valid: ValidRow<ResponseRow>[] = [];
  const timepointByText = new Map<string, string>();
  for (const t of context.timepoints) {
    timepointByText.set(t.code, t.code);
    timepointByText.set(comparable(t.label), t.code);
  }
  const timepointList = context.timepoints.map((t) => t.code).join(', ');
  const seen = new Map<string, number>();
  const { instrument } = context;

  for (const row of table.rows) {
    const own: ImportProblem[] = [];
    const problem = (column: string, text: string) =>
      own.push({ row: row.row, column, problem: text });

    const codeText = row.get('participant_code');
    const code = codeText?.toUpperCase() ?? null;
    const participant = code === null ? undefined : context.participants.get(code);
    if (code === null) problem('participant_code', 'Enter the participant’s code.');
    else if (!participant) {
      problem(
        'participant_code',
        `No participant of this programme at your site has the code ${code}. Check it against their record.`,
      );
    } else if (participant.erased) {
      problem(
        'participant_code',
        'This participant’s details were erased: nothing more can be recorded.',
      );
    }

    const timepointText = row.get('timepoint');
    const timepointCode =
      timepointText === null ? undefined : timepointByText.get(comparable(timepointText));
    if (timepointText === null)
      problem('timepoint', `Enter the timepoint: one of ${timepointList}.`);
    else if (timepointCode === undefined) {
      problem(
        'timepoint',
        `“${timepointText}” is not one of this programme’s timepoints. Use one of ${timepointList}.`,
      );
    }

    const recordedOn = dateCell(
      row,
      'recorded_on',
      'the date it was completed',
      context.today,
      own,
    );
    if (recordedOn && participant && !participant.erased && !participant.mayRecordOn(recordedOn)) {
      problem(
        'recorded_on',
        `${code} has no consent in force on ${recordedOn}, so nothing can be recorded for that date.`,
      );
    }

    const email = row.get('collected_by_email');
    const collector =
      email === null ? context.uploader : context.collectors.get(email.toLowerCase());
    if (!collector) {
      problem(
        'collected_by_email',
        'No current practitioner, community researcher or site lead at your site has this email. Leave it blank if you collected it.',
      );
    }

    let answers: (number | null)[] | null = null;
    let licensedScore: number | null = null;
    if (isLicensed(instrument)) {
      const text = row.get('score');
      if (text === null) problem('score', LICENSED_INSTRUMENTS[instrument].entryHint);
      else {
        try {
          licensedScore = validateLicensedScore(
            instrument,
            NUMBER.test(text) ? Number(text) : Number.NaN,
          ).score;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          problem('score', error.message.replace(/got NaN\.$/, `got “${text}”.`));
        }
      }
    } else {
      const definition = INSTRUMENTS[instrument];
      const cells = definition.items.map((_, index) => row.get(answerColumn(index)));
      answers = answerValues(cells);
      if (cells.every((cell) => cell === null)) {
        problem(answerColumn(0), 'Every answer is blank. Enter the answers, or remove this row.');
      }
      for (const found of answerProblems(instrument, answers)) {
        problem(found.index === null ? '' : answerColumn(found.index), found.message);
      }
    }

    if (participant && timepointCode && recordedOn) {
      const key = `${participant.id}|${timepointCode}|${recordedOn}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problem(
          'participant_code',
          `The same participant, timepoint and date are also on row ${earlier}. Keep one of the rows.`,
        );
      } else if (context.alreadyRecorded.has(key)) {
        problem(
          'participant_code',
          `${code} already has ${instrumentShortName(instrument)} answers for this timepoint on ${recordedOn}. Remove this row.`,
        );
      }
      seen.set(key, earlier ?? row.row);
    }

    if (own.length > 0 || !participant || !timepointCode || !recordedOn || !collector) {
      problems.push(...own);
      continue;
    }
    valid.push({
      row: row.row,
      value: {
        participantId: participant.id,
        timepointCode,
        recordedOn,
        answers,
        licensedScore,
        collectedBy: collector.personId,
        collectorRole: collector.role,
      },
    });
  }
  return { problems, valid };
}

function instrumentShortName(code: ImportInstrument): string {
  return isLicensed(code) ? LICENSED_INSTRUMENTS[code].name : INSTRUMENTS[code].shortName;
}
