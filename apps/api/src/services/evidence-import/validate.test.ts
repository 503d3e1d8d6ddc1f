import { describe, expect, it } from 'vitest';
import { columnsFor, type ImportKind } from './columns.ts';
import type { SheetRows } from './parse.ts';
import {
  columnLetter,
  type EnrolledPerson,
  type ImportProblem,
  type KnownParticipant,
  parseDate,
  parseYesNo,
  type ResponseContext,
  readTable,
  validateParticipants,
  validateResponses,
} from './validate.ts';

const TODAY = '2026-06-30';

const sheet = (rows: (string | null)[][]): SheetRows => ({ format: 'csv', rows });

const PARTICIPANT_HEADER = columnsFor('participants').map((c) => c.name);

/** A good participant row, with some cells replaced. */
function participantRow(overrides: Record<string, string | null> = {}): (string | null)[] {
  const good: Record<string, string | null> = {
    given_name: 'Amina',
    family_name: 'Hussain',
    date_of_birth: '14/03/1986',
    email: 'amina@example.org',
    phone: '07700 900123',
    postcode: 'LS1 4AP',
    nhs_number: '943 476 5919',
    enrolled_on: '2026-06-02',
    consent_notice_version: 'v1.0',
    consent_service_delivery: 'yes',
    consent_evaluation: 'Yes',
    consent_sharing_with_commissioners: 'no',
    consent_given_on: '02/06/2026',
    sex: 'Female',
    ethnic_group: 'pakistani',
    religion: 'Muslim',
    main_language: 'Urdu',
    disability: 'No',
  };
  return PARTICIPANT_HEADER.map((name) =>
    Object.hasOwn(overrides, name) ? (overrides[name] ?? null) : (good[name] ?? null),
  );
}

function participantsOf(rows: (string | null)[][], enrolled: EnrolledPerson[] = []) {
  const table = readTable(sheet(rows), columnsFor('participants'));
  return validateParticipants(table, { today: TODAY, enrolled });
}

const only = (problems: ImportProblem[]) => problems.map((p) => `${p.row} ${p.column}`);

describe('parseDate', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2026-3-1', '2026-03-01'],
    ['31/03/2026', '2026-03-31'],
    ['1/3/2026', '2026-03-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['31/04/2026', null],
    ['2026-13-01', null],
    ['03/31/2026', null],
    ['31/03/26', null],
    ['1899-12-31', null],
    ['next Tuesday', null],
    ['', null],
  ])('reads %j as %j', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });
});

describe('parseYesNo', () => {
  it.each([
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['1', true],
    ['no', false],
    ['N', false],
    ['false', false],
    ['0', false],
    ['maybe', null],
  ])('reads %j as %j', (text, expected) => {
    expect(parseYesNo(text)).toBe(expected);
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i is %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });
});

describe('readTable', () => {
  const kind: ImportKind = 'responses:GAD7';
  const header = columnsFor(kind).map((c) => c.name);

  it.each<[string, (string | null)[][], string[]]>([
    ['an empty file', [], ['1 ']],
    ['a header with no rows under it', [header], ['2 ']],
    ['an unknown column', [[...header, 'notes'], ['x']], ['1 notes']],
    ['a missing column', [header.filter((h) => h !== 'q7'), ['x']], ['1 q7']],
    ['a column given twice', [[...header, 'q1'], ['x']], ['1 q1']],
    ['an age band column', [[...header, 'Age band'], ['x']], ['1 Age band']],
  ])('refuses %s, naming the header row and column', (_, rows, expected) => {
    expect(only(readTable(sheet(rows), columnsFor(kind)).problems)).toEqual(expected);
  });

  it('accepts headings in any case, with spaces or hyphens, in any order', () => {
    const shuffled = [...header].reverse().map((h) => h.toUpperCase().replace(/_/g, ' '));
    const table = readTable(sheet([shuffled, ['1']]), columnsFor(kind));
    expect(table.problems).toEqual([]);
    expect(table.rows[0]?.get('q7')).toBe('1');
  });

  it('numbers rows as the spreadsheet does, counting blank rows and rows above the header', () => {
    const table = readTable(sheet([[null], header, ['A'], [null, null], ['B']]), columnsFor(kind));
    expect(table.rows.map((r) => [r.row, r.get('participant_code')])).toEqual([
      [3, 'A'],
      [5, 'B'],
    ]);
  });

  it('names a cell that has no column heading by its column letter', () => {
    const rows = [
      [...header, null],
      [...header.map(() => '1'), 'stray'],
    ];
    expect(only(readTable(sheet(rows), columnsFor(kind)).problems)).toEqual([
      `2 ${columnLetter(header.length)}`,
    ]);
  });
});

describe('validateParticipants', () => {
  it('takes a good row, with UK dates, labels for equality answers and a spaced NHS number', () => {
    const { problems, valid } = participantsOf([PARTICIPANT_HEADER, participantRow()]);
    expect(problems).toEqual([]);
    expect(valid).toHaveLength(1);
    expect(valid[0]?.row).toBe(2);
    expect(valid[0]?.value).toMatchObject({
      enrolledOn: '2026-06-02',
      identity: { dateOfBirth: '1986-03-14', nhsNumber: '9434765919', email: 'amina@example.org' },
      consent: { serviceDelivery: true, evaluation: true, sharingWithCommissioners: false },
      equality: {
        sex: 'female',
        ethnicGroup: 'pakistani',
        religion: 'muslim',
        mainLanguage: 'ur',
        disability: 'no',
      },
    });
  });

  it('treats blank optional cells as not given', () => {
    const { problems, valid } = participantsOf([
      PARTICIPANT_HEADER,
      participantRow({
        email: null,
        phone: null,
        postcode: null,
        nhs_number: null,
        sex: null,
        ethnic_group: null,
        religion: null,
        main_language: null,
        disability: null,
      }),
    ]);
    expect(problems).toEqual([]);
    expect(valid[0]?.value.identity).toMatchObject({ email: null, nhsNumber: null });
    expect(valid[0]?.value.equality).toEqual({});
  });

  it.each<[string, Record<string, string | null>, string, RegExp]>([
    ['a missing first name', { given_name: null }, 'given_name', /first name/],
    ['a blank date of birth', { date_of_birth: null }, 'date_of_birth', /Enter the date of birth/],
    ['an impossible date', { date_of_birth: '31/02/1990' }, 'date_of_birth', /real date/],
    ['a US-style date', { enrolled_on: '06/30/2026' }, 'enrolled_on', /real date/],
    ['a future enrolment', { enrolled_on: '2026-07-01' }, 'enrolled_on', /future/],
    [
      'birth after enrolment',
      { date_of_birth: '2026-06-10' },
      'date_of_birth',
      /before the enrolment/,
    ],
    [
      'consent after enrolment',
      { consent_given_on: '2026-06-03' },
      'consent_given_on',
      /on or before/,
    ],
    [
      'no consent to the service',
      { consent_service_delivery: 'no' },
      'consent_service_delivery',
      /consent to receive/,
    ],
    [
      'a consent that is not yes or no',
      { consent_evaluation: 'maybe' },
      'consent_evaluation',
      /yes or no/,
    ],
    [
      'a blank notice version',
      { consent_notice_version: null },
      'consent_notice_version',
      /privacy notice/,
    ],
    ['a bad email', { email: 'amina@' }, 'email', /email address/],
    ['a bad postcode', { postcode: 'nowhere' }, 'postcode', /postcode/],
    [
      'an NHS number failing modulus 11',
      { nhs_number: '9434765918' },
      'nhs_number',
      /not a valid NHS number/,
    ],
    ['an NHS number of the wrong length', { nhs_number: '12345' }, 'nhs_number', /10 digits/],
    [
      'an unknown ethnic group',
      { ethnic_group: 'Martian' },
      'ethnic_group',
      /not one of the ethnic group/,
    ],
    ['an unknown language', { main_language: 'Klingon' }, 'main_language', /main language/],
  ])('refuses %s, naming its column', (_, overrides, column, message) => {
    const { problems, valid } = participantsOf([PARTICIPANT_HEADER, participantRow(overrides)]);
    expect(valid).toEqual([]);
    expect(problems).toEqual([{ row: 2, column, problem: expect.stringMatching(message) }]);
  });

  it('reports every problem of a row, each once', () => {
    const { problems } = participantsOf([
      PARTICIPANT_HEADER,
      participantRow({ given_name: null, enrolled_on: 'soon', email: 'x', sex: 'other' }),
    ]);
    expect(only(problems).sort()).toEqual(['2 email', '2 enrolled_on', '2 given_name', '2 sex']);
  });

  it('refuses the same person twice in a file, naming the earlier row', () => {
    const { problems } = participantsOf([
      PARTICIPANT_HEADER,
      participantRow(),
      participantRow({ given_name: 'Bilal' }),
      participantRow({ given_name: ' AMINA ', nhs_number: null }),
    ]);
    expect(problems).toEqual([
      { row: 3, column: 'nhs_number', problem: expect.stringContaining('also on row 2') },
      { row: 4, column: 'given_name', problem: expect.stringContaining('also on row 2') },
    ]);
  });

  it('refuses someone already enrolled at the site, giving their code', () => {
    const { problems } = participantsOf(
      [PARTICIPANT_HEADER, participantRow({ nhs_number: null })],
      [
        {
          code: 'SBC-4F7Q2K',
          givenName: 'amina',
          familyName: 'HUSSAIN',
          dateOfBirth: '1986-03-14',
          nhsNumber: null,
        },
      ],
    );
    expect(problems).toEqual([
      { row: 2, column: 'given_name', problem: expect.stringContaining('SBC-4F7Q2K') },
    ]);
  });
});

describe('validateResponses', () => {
  const participant = (
    id: string,
    overrides: Partial<KnownParticipant> = {},
  ): KnownParticipant => ({
    id,
    erased: false,
    mayRecordOn: () => true,
    ...overrides,
  });
  const context = (overrides: Partial<ResponseContext> = {}): ResponseContext => ({
    instrument: 'PHQ9',
    today: TODAY,
    participants: new Map([
      ['SBC-AAAAAA', participant('p-1')],
      ['SBC-BBBBBB', participant('p-2', { erased: true })],
      ['SBC-CCCCCC', participant('p-3', { mayRecordOn: (date) => date < '2026-06-01' })],
    ]),
    timepoints: [
      { code: 'baseline', label: 'Baseline' },
      { code: 'follow-up-3m', label: '3-month follow-up' },
    ],
    collectors: new Map([
      ['imran@alnoor.example.org', { personId: 'imran', role: 'community_researcher' as const }],
    ]),
    uploader: { personId: 'samuel', role: 'site_lead' },
    alreadyRecorded: new Set(['p-1|follow-up-3m|2026-05-01']),
    ...overrides,
  });
  const header = (kind: ImportKind) => columnsFor(kind).map((c) => c.name);
  const PHQ9 = header('responses:PHQ9');
  const row = (cells: Record<string, string | null>, answers: (string | null)[]) => [
    cells.participant_code ?? 'SBC-AAAAAA',
    cells.timepoint ?? 'baseline',
    cells.recorded_on ?? '2026-06-09',
    cells.collected_by_email ?? null,
    ...answers,
  ];
  const ANSWERS = ['0', '1', '2', '3', '0', '1', '2', '3', '0'];
  const responsesOf = (
    rows: (string | null)[][],
    kind: ImportKind = 'responses:PHQ9',
    ctx = context(),
  ) => validateResponses(readTable(sheet(rows), columnsFor(kind)), ctx);

  it('takes a good row, with the uploader as collector when the email is blank', () => {
    const { problems, valid } = responsesOf([PHQ9, row({}, ANSWERS)]);
    expect(problems).toEqual([]);
    expect(valid).toEqual([
      {
        row: 2,
        value: {
          participantId: 'p-1',
          timepointCode: 'baseline',
          recordedOn: '2026-06-09',
          answers: [0, 1, 2, 3, 0, 1, 2, 3, 0],
          licensedScore: null,
          collectedBy: 'samuel',
          collectorRole: 'site_lead',
        },
      },
    ]);
  });

  it('accepts a lower-case code, a timepoint label and a collector’s email in any case', () => {
    const { problems, valid } = responsesOf([
      PHQ9,
      row(
        {
          participant_code: 'sbc-aaaaaa',
          timepoint: '3-Month Follow-up',
          collected_by_email: 'Imran@AlNoor.example.org',
        },
        ANSWERS,
      ),
    ]);
    expect(problems).toEqual([]);
    expect(valid[0]?.value).toMatchObject({
      timepointCode: 'follow-up-3m',
      collectedBy: 'imran',
      collectorRole: 'community_researcher',
    });
  });

  it('keeps blank answers as missing items', () => {
    const { valid } = responsesOf([PHQ9, row({}, ['0', null, '2', '3', '0', '1', '2', null, '0'])]);
    expect(valid[0]?.value.answers).toEqual([0, null, 2, 3, 0, 1, 2, null, 0]);
  });

  it.each<[string, Record<string, string | null>, (string | null)[], [string, RegExp][]]>([
    [
      'an unknown code',
      { participant_code: 'SBC-ZZZZZZ' },
      ANSWERS,
      [['participant_code', /No participant/]],
    ],
    [
      'an erased participant',
      { participant_code: 'SBC-BBBBBB' },
      ANSWERS,
      [['participant_code', /erased/]],
    ],
    [
      'a date without consent',
      { participant_code: 'SBC-CCCCCC' },
      ANSWERS,
      [['recorded_on', /no consent in force on 2026-06-09/]],
    ],
    [
      'an unknown timepoint',
      { timepoint: 'week 3' },
      ANSWERS,
      [['timepoint', /not one of this programme/]],
    ],
    ['a bad date', { recorded_on: '2026-02-30' }, ANSWERS, [['recorded_on', /real date/]]],
    ['a future date', { recorded_on: '2026-07-01' }, ANSWERS, [['recorded_on', /future/]]],
    [
      'an unknown collector',
      { collected_by_email: 'someone@else.org' },
      ANSWERS,
      [['collected_by_email', /No current practitioner/]],
    ],
    [
      'an answer out of range',
      {},
      ['0', '1', '4', '3', '0', '1', '2', '3', '0'],
      [['q3', /Item 3 .* from 0 to 3; got 4/]],
    ],
    [
      'a word for an answer',
      {},
      ['0', '1', '2', '3', '0', '1', '2', '3', 'never'],
      [['q9', /Item 9 .*got "never"/]],
    ],
    ['a fraction', {}, ['0.5', '1', '2', '3', '0', '1', '2', '3', '0'], [['q1', /whole number/]]],
    ['every answer blank', {}, Array(9).fill(null), [['q1', /Every answer is blank/]]],
    [
      'answers already stored',
      { timepoint: 'follow-up-3m', recorded_on: '2026-05-01' },
      ANSWERS,
      [['participant_code', /already has PHQ-9 answers/]],
    ],
  ])('refuses %s, naming its column', (_, cells, answers, expected) => {
    const { problems, valid } = responsesOf([PHQ9, row(cells, answers)]);
    expect(valid).toEqual([]);
    expect(problems).toEqual(
      expected.map(([column, message]) => ({
        row: 2,
        column,
        problem: expect.stringMatching(message),
      })),
    );
  });

  it('names every out-of-range answer in a row, not just the first', () => {
    const { problems } = responsesOf([
      PHQ9,
      row({}, ['9', '1', '2', '3', '-1', '1', '2', '3', '4']),
    ]);
    expect(only(problems)).toEqual(['2 q1', '2 q5', '2 q9']);
  });

  it('refuses the same participant, timepoint and date twice in a file', () => {
    const { problems } = responsesOf([PHQ9, row({}, ANSWERS), row({}, ANSWERS)]);
    expect(problems).toEqual([
      { row: 3, column: 'participant_code', problem: expect.stringContaining('also on row 2') },
    ]);
  });

  it.each<[string, string | null, RegExp | null, number | null]>([
    ['a score with one decimal', '55.2', null, 55.2],
    ['the top of the range', '100', null, 100],
    ['two decimals', '55.25', /at most one decimal place/, null],
    ['above the range', '100.1', /from 0 to 100/, null],
    ['a word', 'high', /got “high”/, null],
    ['a blank score', null, /Enter the activation score/, null],
  ])('checks a PAM score: %s', (_, score, message, stored) => {
    const { problems, valid } = responsesOf(
      [header('responses:PAM'), row({}, [score])],
      'responses:PAM',
      context({ instrument: 'PAM' }),
    );
    if (message === null) {
      expect(problems).toEqual([]);
      expect(valid[0]?.value).toMatchObject({ answers: null, licensedScore: stored });
    } else {
      expect(problems).toEqual([
        { row: 2, column: 'score', problem: expect.stringMatching(message) },
      ]);
    }
  });
});
