import {
  DISABILITY_STATUSES,
  ETHNIC_GROUPS,
  INSTRUMENT_CODES,
  INSTRUMENTS,
  type InstrumentCode,
  LICENSED_INSTRUMENTS,
  type LicensedInstrumentCode,
  MAIN_LANGUAGES,
  RELIGIONS,
  SEXES,
} from '@coproduce/domain';
import { z } from 'zod';

/**
 * What a file holds: participants (one row per person) or one instrument's answers (one row per
 * completed questionnaire). The kind is part of a file's identity: the same bytes imported as
 * two kinds would be two imports, but that cannot pass validation for both.
 */
export type ImportInstrument = InstrumentCode | LicensedInstrumentCode;
const LICENSED_CODES = Object.keys(LICENSED_INSTRUMENTS) as LicensedInstrumentCode[];
export const IMPORT_INSTRUMENTS: readonly ImportInstrument[] = [
  ...INSTRUMENT_CODES,
  ...LICENSED_CODES,
];

export const IMPORT_KINDS = [
  'participants',
  ...IMPORT_INSTRUMENTS.map((code) => `responses:${code}` as const),
] as const;
export type ImportKind = 'participants' | `responses:${ImportInstrument}`;

export const ZImportKind = z.enum(IMPORT_KINDS as unknown as [ImportKind, ...ImportKind[]], {
  error: 'Choose what the file holds: participants, or the answers to one questionnaire',
});

/** The instrument a responses file is for; null for a participants file. */
export function instrumentOf(kind: ImportKind): ImportInstrument | null {
  return kind === 'participants' ? null : (kind.slice('responses:'.length) as ImportInstrument);
}

export const isLicensed = (code: ImportInstrument): code is LicensedInstrumentCode =>
  Object.hasOwn(LICENSED_INSTRUMENTS, code);

export function instrumentName(code: ImportInstrument): string {
  return isLicensed(code) ? LICENSED_INSTRUMENTS[code].name : INSTRUMENTS[code].name;
}

export interface ColumnSpec {
  readonly name: string;
  /** The column must be in the file (its cells may still be blank, e.g. an unanswered item). */
  readonly required: boolean;
  /** Every row needs a value here. */
  readonly mustFill: boolean;
  /** What to put in it, for the template's guidance sheet. */
  readonly guidance: string;
  readonly example: string;
}

const labels = (list: readonly { label: string }[]) => list.map((c) => c.label).join('; ');

const yesNo = (what: string): ColumnSpec => ({
  name: `consent_${what.replace(/ /g, '_')}`,
  required: true,
  mustFill: true,
  guidance: `Did they agree to ${what}? Enter yes or no.`,
  example: 'yes',
});

/** One row per person; `age_band` is not a column: it is worked out from the date of birth. */
export const PARTICIPANT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'given_name', required: true, mustFill: true, guidance: 'First name.', example: 'Amina' },
  {
    name: 'family_name',
    required: true,
    mustFill: true,
    guidance: 'Last name.',
    example: 'Hussain',
  },
  {
    name: 'date_of_birth',
    required: true,
    mustFill: true,
    guidance: 'Date of birth, as 31/12/1980 or 1980-12-31.',
    example: '14/03/1986',
  },
  {
    name: 'email',
    required: false,
    mustFill: false,
    guidance: 'Email address, if they gave one.',
    example: '',
  },
  {
    name: 'phone',
    required: false,
    mustFill: false,
    guidance: 'Phone number, if they gave one.',
    example: '',
  },
  {
    name: 'postcode',
    required: false,
    mustFill: false,
    guidance: 'Postcode, if they gave one.',
    example: '',
  },
  {
    name: 'nhs_number',
    required: false,
    mustFill: false,
    guidance: 'NHS number (10 digits), if known. We check the last digit.',
    example: '',
  },
  {
    name: 'enrolled_on',
    required: true,
    mustFill: true,
    guidance: 'The date they joined the programme, as 31/12/2025 or 2025-12-31.',
    example: '02/06/2025',
  },
  {
    name: 'consent_notice_version',
    required: true,
    mustFill: true,
    guidance: 'The version of the privacy notice they were given, as printed on it.',
    example: 'v1.0',
  },
  yesNo('service delivery'),
  yesNo('evaluation'),
  yesNo('sharing with commissioners'),
  {
    name: 'consent_given_on',
    required: true,
    mustFill: true,
    guidance: 'The date they gave consent.',
    example: '02/06/2025',
  },
  {
    name: 'sex',
    required: false,
    mustFill: false,
    guidance: `Optional. One of: ${labels(SEXES)}. Leave blank if not asked.`,
    example: '',
  },
  {
    name: 'ethnic_group',
    required: false,
    mustFill: false,
    guidance: `Optional. One of: ${labels(ETHNIC_GROUPS)}. Leave blank if not asked.`,
    example: '',
  },
  {
    name: 'religion',
    required: false,
    mustFill: false,
    guidance: `Optional. One of: ${labels(RELIGIONS)}. Leave blank if not asked.`,
    example: '',
  },
  {
    name: 'main_language',
    required: false,
    mustFill: false,
    guidance: `Optional. One of: ${labels(MAIN_LANGUAGES)}. Leave blank if not asked.`,
    example: '',
  },
  {
    name: 'disability',
    required: false,
    mustFill: false,
    guidance: `Optional. Are their day-to-day activities limited by a long-term condition? One of: ${labels(DISABILITY_STATUSES)}. Leave blank if not asked.`,
    example: '',
  },
];

/** The answer columns of a published instrument: q1 … qN in the form's order. */
export const answerColumn = (index: number) => `q${index + 1}`;

export function responseColumns(code: ImportInstrument): readonly ColumnSpec[] {
  const common: ColumnSpec[] = [
    {
      name: 'participant_code',
      required: true,
      mustFill: true,
      guidance: 'The participant’s code, as shown in Coproduce.',
      example: 'SBC-4F7Q2K',
    },
    {
      name: 'timepoint',
      required: true,
      mustFill: true,
      guidance: 'When in the programme this was collected: one of the timepoint codes below.',
      example: 'baseline',
    },
    {
      name: 'recorded_on',
      required: true,
      mustFill: true,
      guidance: 'The date the questionnaire was completed, as 31/12/2025 or 2025-12-31.',
      example: '09/06/2025',
    },
    {
      name: 'collected_by_email',
      required: false,
      mustFill: false,
      guidance:
        'The email of the practitioner, community researcher or site lead who collected it. Leave blank if it was you.',
      example: '',
    },
  ];
  if (isLicensed(code)) {
    return [
      ...common,
      {
        name: 'score',
        required: true,
        mustFill: true,
        guidance: LICENSED_INSTRUMENTS[code].entryHint,
        example: '',
      },
    ];
  }
  const definition = INSTRUMENTS[code];
  const options = definition.options.map((o) => `${o.value} = ${o.label}`).join('; ');
  return [
    ...common,
    ...definition.items.map((item, index) => ({
      name: answerColumn(index),
      required: true,
      mustFill: false,
      guidance: `${item.text} (${options}; leave blank if not answered)`,
      example: '',
    })),
  ];
}

export function columnsFor(kind: ImportKind): readonly ColumnSpec[] {
  const instrument = instrumentOf(kind);
  return instrument === null ? PARTICIPANT_COLUMNS : responseColumns(instrument);
}
