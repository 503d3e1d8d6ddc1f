import { invalid } from '../errors.ts';

/**
 * Outcome questionnaires scored exactly as published (BRIEF, "Outcome measures"). Wording is the
 * published wording; where a source was checked, the comment beside it says where.
 */
export type InstrumentCode = 'PHQ9' | 'GAD7' | 'WEMWBS' | 'SWEMWBS' | 'ONS4' | 'MOS_SSS';

export const INSTRUMENT_CODES: readonly InstrumentCode[] = [
  'PHQ9',
  'GAD7',
  'WEMWBS',
  'SWEMWBS',
  'ONS4',
  'MOS_SSS',
];

export interface InstrumentItem {
  /** The number printed on the published form (MOS-SSS keeps RAND's numbers 2–20). */
  readonly number: number;
  readonly text: string;
  /** The opening words, for messages that have to name the item. */
  readonly short: string;
}

export interface ResponseOption {
  readonly value: number;
  readonly label: string;
}

export interface ScoreBand {
  readonly band: string;
  readonly min: number;
  readonly max: number;
  /** For a participant-facing summary. */
  readonly meaning: string;
}

export interface InstrumentDefinition {
  readonly code: InstrumentCode;
  readonly name: string;
  readonly shortName: string;
  readonly itemCount: number;
  readonly stem: string;
  readonly items: readonly InstrumentItem[];
  readonly options: readonly ResponseOption[];
  readonly itemMin: number;
  readonly itemMax: number;
  readonly recallPeriod: string;
  /** Range of the reported score (SWEMWBS: the metric score); null when there is no single score. */
  readonly scoreRange: { readonly min: number; readonly max: number } | null;
  readonly bands: readonly ScoreBand[];
  /** What the score means, in plain English, for a participant-facing summary. */
  readonly scoreMeaning: string;
  /** Score at or above which someone counts as a "case" (NHS Talking Therapies); null if none. */
  readonly casenessThreshold: number | null;
  /** Smallest change on the reported score that counts as reliable; null where none is published. */
  readonly reliableChange: number | null;
  readonly higherIsBetter: boolean;
  readonly source: string;
}

export interface InstrumentScore {
  instrument: InstrumentCode;
  /** False when too many items are missing to score. */
  valid: boolean;
  /** Sum; PHQ-9/GAD-7 prorated per the missing-item rule, rounded half up. */
  total: number | null;
  /** PHQ9: 'minimal'|'mild'|'moderate'|'moderately severe'|'severe'; GAD7: 'minimal'|'mild'|'moderate'|'severe'. */
  band: string | null;
  /** PHQ9 >= 10, GAD7 >= 8. */
  caseness: boolean | null;
  /** PHQ-9 item 9 answered above 0. */
  riskFlag: boolean;
  /** SWEMWBS metric score from the published conversion table. */
  metric: number | null;
  /** MOS_SSS: the four subscales and the overall index (0–100); ONS4: each answered measure. */
  subscales: Record<string, number>;
}

/** Keeps the first `words` words as the short form; the whole text when `words` is omitted. */
function item(number: number, text: string, words?: number): InstrumentItem {
  if (words === undefined) return { number, text, short: text };
  const opening = text
    .split(' ')
    .slice(0, words)
    .join(' ')
    .replace(/[,;:?]$/, '');
  return { number, text, short: `${opening}…` };
}

const SYMPTOM_STEM =
  'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

const SYMPTOM_OPTIONS: readonly ResponseOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

const WELLBEING_STEM =
  'Below are some statements about feelings and thoughts. Please tick the box that best describes your experience of each over the last 2 weeks';

const WELLBEING_OPTIONS: readonly ResponseOption[] = [
  { value: 1, label: 'None of the time' },
  { value: 2, label: 'Rarely' },
  { value: 3, label: 'Some of the time' },
  { value: 4, label: 'Often' },
  { value: 5, label: 'All of the time' },
];

// Item order and wording as in Tennant et al. (2007); checked against the WEMWBS item list in
// CamCOPS (ucam-department-of-psychiatry/camcops, server/camcops_server/tasks/wemwbs.py).
const WEMWBS_ITEMS: readonly InstrumentItem[] = [
  item(1, "I've been feeling optimistic about the future"),
  item(2, "I've been feeling useful"),
  item(3, "I've been feeling relaxed"),
  item(4, "I've been feeling interested in other people"),
  item(5, "I've had energy to spare"),
  item(6, "I've been dealing with problems well"),
  item(7, "I've been thinking clearly"),
  item(8, "I've been feeling good about myself"),
  item(9, "I've been feeling close to other people"),
  item(10, "I've been feeling confident"),
  item(11, "I've been able to make up my own mind about things"),
  item(12, "I've been feeling loved"),
  item(13, "I've been interested in new things"),
  item(14, "I've been feeling cheerful"),
];

/**
 * SWEMWBS is WEMWBS items 1, 2, 3, 6, 7, 9 and 11 (optimistic, useful, relaxed, dealing with
 * problems, thinking clearly, close to other people, making up my own mind; Stewart-Brown et al.
 * 2009). Checked against several public SWEMWBS item lists; the "3, 4, 6, 7, 9, 10, 11" in our
 * brief would swap in "interested in other people" and "confident", which are not SWEMWBS items.
 */
export const SWEMWBS_ITEMS_FROM_WEMWBS: readonly number[] = [1, 2, 3, 6, 7, 9, 11];

const SWEMWBS_ITEMS: readonly InstrumentItem[] = SWEMWBS_ITEMS_FROM_WEMWBS.map(
  (wemwbsNumber, index) => {
    const source = WEMWBS_ITEMS[wemwbsNumber - 1];
    if (!source) throw new Error(`WEMWBS has no item ${wemwbsNumber}`);
    return { ...source, number: index + 1 };
  },
);

/**
 * Raw SWEMWBS total (7–35) → metric score, the Rasch conversion table published by Warwick
 * Medical School (Stewart-Brown et al. 2009). The Warwick page itself could not be retrieved with
 * our search tool; the 29 values were checked, every one, against an independent copy in public
 * analysis code (an R `conversion_table` for raw scores 7:35) and match.
 */
const SWEMWBS_METRIC_SCORES: readonly number[] = [
  7.0, 9.51, 11.25, 12.4, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59,
  19.25, 19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.7, 32.55,
  35.0,
];

export function swemwbsMetricScore(rawTotal: number): number {
  const metric = SWEMWBS_METRIC_SCORES[rawTotal - 7];
  if (!Number.isInteger(rawTotal) || metric === undefined) {
    throw invalid(
      'rawTotal',
      `A SWEMWBS raw total is a whole number from 7 to 35; got ${describe(rawTotal)}.`,
    );
  }
  return metric;
}

export const ONS4_MEASURES = ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'] as const;
export type Ons4Measure = (typeof ONS4_MEASURES)[number];
export type Ons4Band = 'very low' | 'low' | 'medium' | 'high' | 'very high';

/**
 * ONS thresholds for reporting personal well-being (checked against ONS's published answer on
 * personal well-being thresholds): anxiety is grouped differently because more anxiety is worse.
 */
export const ONS4_THRESHOLDS: Record<
  Ons4Measure,
  readonly { readonly band: Ons4Band; readonly min: number; readonly max: number }[]
> = {
  lifeSatisfaction: positiveThresholds(),
  worthwhile: positiveThresholds(),
  happiness: positiveThresholds(),
  anxiety: [
    { band: 'very low', min: 0, max: 1 },
    { band: 'low', min: 2, max: 3 },
    { band: 'medium', min: 4, max: 5 },
    { band: 'high', min: 6, max: 10 },
  ],
};

function positiveThresholds() {
  return [
    { band: 'low', min: 0, max: 4 },
    { band: 'medium', min: 5, max: 6 },
    { band: 'high', min: 7, max: 8 },
    { band: 'very high', min: 9, max: 10 },
  ] as const;
}

export function ons4Band(measure: Ons4Measure, value: number): Ons4Band {
  const thresholds = ONS4_THRESHOLDS[measure];
  if (!thresholds) throw invalid('measure', `There is no ONS4 measure called "${measure}".`);
  const found = Number.isInteger(value)
    ? thresholds.find((t) => value >= t.min && value <= t.max)
    : undefined;
  if (!found) {
    throw invalid(
      'value',
      `An ONS4 rating is a whole number from 0 to 10; got ${describe(value)}.`,
    );
  }
  return found.band;
}

export const MOS_SSS_SUBSCALE_NAMES = [
  'emotionalInformational',
  'tangible',
  'affectionate',
  'positiveSocialInteraction',
  'overall',
] as const;
export type MosSssSubscale = (typeof MOS_SSS_SUBSCALE_NAMES)[number];

/**
 * RAND item numbers in each MOS-SSS score. RAND's scoring instructions: each subscale is the
 * average of its items, and the overall support index averages "the scores for all 18 items
 * included in the four subscales" and "the one additional item". So the subscales hold 18 of the
 * 19 items: positive social interaction is 7, 11 and 18, and item 14 ("Someone to do things with
 * to help you get your mind off things") counts only towards the overall index. That matches the
 * item-by-item subscale marks on UCSD's EMERGE page for the survey (item 14 unmarked) and the
 * 18-item Modified Social Support Survey, which keeps three positive-interaction items and drops
 * item 14. Our brief listed positive social interaction as 7, 11, 14, 18; RAND is followed here.
 */
export const MOS_SSS_SUBSCALES: Record<MosSssSubscale, readonly number[]> = {
  emotionalInformational: [3, 4, 8, 9, 13, 16, 17, 19],
  tangible: [2, 5, 12, 15],
  affectionate: [6, 10, 20],
  positiveSocialInteraction: [7, 11, 18],
  overall: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
};

export const INSTRUMENTS: Record<InstrumentCode, InstrumentDefinition> = {
  PHQ9: {
    code: 'PHQ9',
    name: 'Patient Health Questionnaire (PHQ-9)',
    shortName: 'PHQ-9',
    itemCount: 9,
    stem: SYMPTOM_STEM,
    items: [
      item(1, 'Little interest or pleasure in doing things', 4),
      item(2, 'Feeling down, depressed, or hopeless', 2),
      item(3, 'Trouble falling or staying asleep, or sleeping too much', 5),
      item(4, 'Feeling tired or having little energy', 2),
      item(5, 'Poor appetite or overeating', 2),
      item(
        6,
        'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
        4,
      ),
      item(
        7,
        'Trouble concentrating on things, such as reading the newspaper or watching television',
        2,
      ),
      item(
        8,
        'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
        5,
      ),
      item(9, 'Thoughts that you would be better off dead or of hurting yourself in some way', 8),
    ],
    options: SYMPTOM_OPTIONS,
    itemMin: 0,
    itemMax: 3,
    recallPeriod: 'the last 2 weeks',
    scoreRange: { min: 0, max: 27 },
    bands: [
      { band: 'minimal', min: 0, max: 4, meaning: 'Few or no symptoms of depression.' },
      { band: 'mild', min: 5, max: 9, meaning: 'Mild symptoms of depression.' },
      { band: 'moderate', min: 10, max: 14, meaning: 'Moderate symptoms of depression.' },
      {
        band: 'moderately severe',
        min: 15,
        max: 19,
        meaning: 'Moderately severe symptoms of depression.',
      },
      { band: 'severe', min: 20, max: 27, meaning: 'Severe symptoms of depression.' },
    ],
    scoreMeaning:
      'How much symptoms of depression bothered you over the last 2 weeks, from 0 to 27. Lower is better. A score on its own is not a diagnosis.',
    casenessThreshold: 10,
    // NHS Talking Therapies manual (BRIEF): a change of 6 or more points is reliable.
    reliableChange: 6,
    higherIsBetter: false,
    source: 'Kroenke, Spitzer & Williams (2001); free to use.',
  },
  GAD7: {
    code: 'GAD7',
    name: 'Generalised Anxiety Disorder Assessment (GAD-7)',
    shortName: 'GAD-7',
    itemCount: 7,
    stem: SYMPTOM_STEM,
    items: [
      item(1, 'Feeling nervous, anxious or on edge', 2),
      item(2, 'Not being able to stop or control worrying', 5),
      item(3, 'Worrying too much about different things', 3),
      item(4, 'Trouble relaxing'),
      item(5, 'Being so restless that it is hard to sit still', 3),
      item(6, 'Becoming easily annoyed or irritable', 3),
      item(7, 'Feeling afraid as if something awful might happen', 2),
    ],
    options: SYMPTOM_OPTIONS,
    itemMin: 0,
    itemMax: 3,
    recallPeriod: 'the last 2 weeks',
    scoreRange: { min: 0, max: 21 },
    bands: [
      { band: 'minimal', min: 0, max: 4, meaning: 'Few or no symptoms of anxiety.' },
      { band: 'mild', min: 5, max: 9, meaning: 'Mild symptoms of anxiety.' },
      { band: 'moderate', min: 10, max: 14, meaning: 'Moderate symptoms of anxiety.' },
      { band: 'severe', min: 15, max: 21, meaning: 'Severe symptoms of anxiety.' },
    ],
    scoreMeaning:
      'How much symptoms of anxiety bothered you over the last 2 weeks, from 0 to 21. Lower is better. A score on its own is not a diagnosis.',
    casenessThreshold: 8,
    // NHS Talking Therapies manual (BRIEF): a change of 4 or more points is reliable.
    reliableChange: 4,
    higherIsBetter: false,
    source: 'Spitzer, Kroenke, Williams & Löwe (2006); free to use.',
  },
  WEMWBS: {
    code: 'WEMWBS',
    name: 'Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS)',
    shortName: 'WEMWBS',
    itemCount: 14,
    stem: WELLBEING_STEM,
    items: WEMWBS_ITEMS,
    options: WELLBEING_OPTIONS,
    itemMin: 1,
    itemMax: 5,
    recallPeriod: 'the last 2 weeks',
    scoreRange: { min: 14, max: 70 },
    bands: [],
    scoreMeaning:
      'Your mental wellbeing over the last 2 weeks, from 14 (lowest) to 70 (highest). Higher is better.',
    casenessThreshold: null,
    // 2.77 × the standard error of measurement, which Maheswaran et al. (2012, Health Qual Life
    // Outcomes 10:156) found to be 2.4–3.1 points across twelve studies: about 8 points.
    reliableChange: 8,
    higherIsBetter: true,
    source:
      'Tennant et al. (2007). © NHS Health Scotland, University of Warwick and University of Edinburgh; free to use once registered with Warwick Medical School.',
  },
  SWEMWBS: {
    code: 'SWEMWBS',
    name: 'Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)',
    shortName: 'SWEMWBS',
    itemCount: 7,
    stem: WELLBEING_STEM,
    items: SWEMWBS_ITEMS,
    options: WELLBEING_OPTIONS,
    itemMin: 1,
    itemMax: 5,
    recallPeriod: 'the last 2 weeks',
    scoreRange: { min: 7, max: 35 },
    bands: [],
    scoreMeaning:
      'Your mental wellbeing over the last 2 weeks, on a scale from 7 (lowest) to 35 (highest). Higher is better.',
    casenessThreshold: null,
    // On the metric score: 2.77 × SEM = 2.87 points in Shah et al. (2018, Health Qual Life
    // Outcomes 16:239), whose upper threshold for individual change is "between 1 and 3 points".
    reliableChange: 3,
    higherIsBetter: true,
    source:
      'Stewart-Brown et al. (2009). © NHS Health Scotland, University of Warwick and University of Edinburgh; free to use once registered with Warwick Medical School.',
  },
  ONS4: {
    code: 'ONS4',
    name: 'ONS personal well-being questions (ONS4)',
    shortName: 'ONS4',
    itemCount: 4,
    // Questions as in the Government Statistical Service harmonised standard for personal
    // well-being (checked); the stem is its interviewer introduction reworded for self-completion.
    stem: 'Next are four questions about your feelings on aspects of your life. There are no right or wrong answers. For each question, give an answer on a scale of 0 to 10, where 0 is "not at all" and 10 is "completely".',
    items: [
      item(1, 'Overall, how satisfied are you with your life nowadays?'),
      item(
        2,
        'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
      ),
      item(3, 'Overall, how happy did you feel yesterday?'),
      item(4, 'Overall, how anxious did you feel yesterday?'),
    ],
    options: Array.from({ length: 11 }, (_, value) => ({
      value,
      label: value === 0 ? 'Not at all' : value === 10 ? 'Completely' : String(value),
    })),
    itemMin: 0,
    itemMax: 10,
    recallPeriod: 'nowadays (life satisfaction, worthwhile) and yesterday (happiness, anxiety)',
    scoreRange: null,
    bands: [],
    scoreMeaning:
      'Four ratings from 0 to 10: how satisfied you are with your life, how worthwhile the things you do feel, how happy and how anxious you felt yesterday. Higher is better for the first three; lower is better for anxiety.',
    casenessThreshold: null,
    reliableChange: null,
    // Anxiety is the exception: lower is better (see ONS4_THRESHOLDS).
    higherIsBetter: true,
    source: 'Office for National Statistics; Crown copyright, Open Government Licence.',
  },
  MOS_SSS: {
    code: 'MOS_SSS',
    name: 'Medical Outcomes Study Social Support Survey (MOS-SSS)',
    shortName: 'MOS-SSS',
    itemCount: 19,
    stem: 'People sometimes look to others for companionship, assistance, or other types of support. How often is each of the following kinds of support available to you if you need it?',
    // RAND's items 2–20 in RAND's order (item 1, the number of close friends, is not scored).
    items: [
      item(2, 'Someone to help you if you were confined to bed'),
      item(3, 'Someone you can count on to listen to you when you need to talk'),
      item(4, 'Someone to give you good advice about a crisis'),
      item(5, 'Someone to take you to the doctor if you needed it'),
      item(6, 'Someone who shows you love and affection'),
      item(7, 'Someone to have a good time with'),
      item(8, 'Someone to give you information to help you understand a situation'),
      item(9, 'Someone to confide in or talk to about yourself or your problems'),
      item(10, 'Someone who hugs you'),
      item(11, 'Someone to get together with for relaxation'),
      item(12, 'Someone to prepare your meals if you were unable to do it yourself'),
      item(13, 'Someone whose advice you really want'),
      item(14, 'Someone to do things with to help you get your mind off things'),
      item(15, 'Someone to help with daily chores if you were sick'),
      item(16, 'Someone to share your most private worries and fears with'),
      item(17, 'Someone to turn to for suggestions about how to deal with a personal problem'),
      item(18, 'Someone to do something enjoyable with'),
      item(19, 'Someone who understands your problems'),
      item(20, 'Someone to love and make you feel wanted'),
    ],
    options: [
      { value: 1, label: 'None of the time' },
      { value: 2, label: 'A little of the time' },
      { value: 3, label: 'Some of the time' },
      { value: 4, label: 'Most of the time' },
      { value: 5, label: 'All of the time' },
    ],
    itemMin: 1,
    itemMax: 5,
    recallPeriod: 'now: how often support is available if needed',
    scoreRange: { min: 0, max: 100 },
    bands: [],
    scoreMeaning:
      'How often different kinds of support are there for you if you need them, from 0 (none of the time) to 100 (all of the time). Higher means more support.',
    casenessThreshold: null,
    reliableChange: null,
    higherIsBetter: true,
    source: 'Sherbourne & Stewart (1991), RAND Corporation; free to use.',
  },
};

/** PHQ-9/GAD-7: up to this many unanswered items are replaced by the mean of the answered ones. */
export const MAX_PRORATED_ITEMS = 2;

export function scoreInstrument(
  code: InstrumentCode,
  answers: ReadonlyArray<number | null>,
): InstrumentScore {
  const definition = INSTRUMENTS[code];
  if (!definition) throw invalid('instrument', `There is no questionnaire called "${code}".`);
  checkAnswers(definition, answers);
  switch (code) {
    case 'PHQ9':
    case 'GAD7':
      return scoreSymptoms(definition, answers);
    case 'WEMWBS':
    case 'SWEMWBS':
      return scoreWellbeing(definition, answers);
    case 'ONS4':
      return scoreOns4(answers);
    case 'MOS_SSS':
      return scoreMosSss(answers);
  }
}

function checkAnswers(definition: InstrumentDefinition, answers: ReadonlyArray<number | null>) {
  const { shortName, itemCount, itemMin, itemMax } = definition;
  if (!Array.isArray(answers)) {
    throw invalid('answers', `${shortName} answers must be a list of ${itemCount}.`);
  }
  if (answers.length !== itemCount) {
    const got = `${answers.length} ${answers.length === 1 ? 'answer' : 'answers'}`;
    throw invalid('answers', `${shortName} has ${itemCount} questions; got ${got}.`);
  }
  definition.items.forEach((question, index) => {
    const answer: unknown = answers[index];
    if (answer === null) return;
    if (
      typeof answer !== 'number' ||
      !Number.isInteger(answer) ||
      answer < itemMin ||
      answer > itemMax
    ) {
      throw invalid(
        `answers.${index}`,
        `Item ${question.number} ("${question.short}") must be a whole number from ${itemMin} to ${itemMax}; got ${describe(answer)}.`,
      );
    }
  });
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? String(value);
}

const answeredValues = (answers: ReadonlyArray<number | null>) =>
  answers.filter((answer): answer is number => answer !== null);

const sumOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);

const unscorable = (instrument: InstrumentCode): InstrumentScore => ({
  instrument,
  valid: false,
  total: null,
  band: null,
  caseness: null,
  riskFlag: false,
  metric: null,
  subscales: {},
});

function scoreSymptoms(
  definition: InstrumentDefinition,
  answers: ReadonlyArray<number | null>,
): InstrumentScore {
  const answered = answeredValues(answers);
  // Raised whenever item 9 was answered above 0, even if the questionnaire cannot be scored.
  const item9 = definition.code === 'PHQ9' ? answers[8] : null;
  const riskFlag = item9 !== null && item9 !== undefined && item9 > 0;
  if (definition.itemCount - answered.length > MAX_PRORATED_ITEMS) {
    return { ...unscorable(definition.code), riskFlag };
  }
  const total = proratedTotal(sumOf(answered), definition.itemCount, answered.length);
  const band = definition.bands.find((b) => total >= b.min && total <= b.max)?.band ?? null;
  return {
    instrument: definition.code,
    valid: true,
    total,
    band,
    caseness: definition.casenessThreshold === null ? null : total >= definition.casenessThreshold,
    riskFlag,
    metric: null,
    subscales: {},
  };
}

/**
 * sum × items ÷ answered, rounded half up — the same as replacing each missing item with the
 * mean of the answered items. Whole-number arithmetic, so a true .5 is never misrounded.
 */
function proratedTotal(sum: number, items: number, answered: number): number {
  return Math.floor((2 * sum * items + answered) / (2 * answered));
}

/**
 * Any missing item leaves (S)WEMWBS unscored. The Warwick user guides set the rule for missing
 * items, but their text could not be retrieved with our search tool, so the stricter reading is
 * used until someone checks the guide: a prorated wellbeing total would sit outside the published
 * norms and, for SWEMWBS, off the Rasch conversion table, which is defined for whole raw totals.
 */
function scoreWellbeing(
  definition: InstrumentDefinition,
  answers: ReadonlyArray<number | null>,
): InstrumentScore {
  const answered = answeredValues(answers);
  if (answered.length < definition.itemCount) return unscorable(definition.code);
  const total = sumOf(answered);
  return {
    ...unscorable(definition.code),
    valid: true,
    total,
    metric: definition.code === 'SWEMWBS' ? swemwbsMetricScore(total) : null,
  };
}

function scoreOns4(answers: ReadonlyArray<number | null>): InstrumentScore {
  const subscales: Record<string, number> = {};
  ONS4_MEASURES.forEach((measure, index) => {
    const answer = answers[index];
    if (answer !== null && answer !== undefined) subscales[measure] = answer;
  });
  return {
    ...unscorable('ONS4'),
    valid: Object.keys(subscales).length === ONS4_MEASURES.length,
    subscales,
  };
}

/**
 * A MOS-SSS score needs at least half of its items answered, and is then the mean of those
 * answered (the usual half-scale rule for RAND/MOS scales; RAND's MOS-SSS instructions say only
 * "the average of the scores for each item", so the threshold is our choice). Each score is
 * 100 × (mean − 1) ÷ 4, RAND's transformation to 0–100, rounded half up to one decimal place.
 */
function scoreMosSss(answers: ReadonlyArray<number | null>): InstrumentScore {
  const subscales: Record<string, number> = {};
  for (const name of MOS_SSS_SUBSCALE_NAMES) {
    const items = MOS_SSS_SUBSCALES[name];
    const values = answeredValues(items.map((number) => answers[number - 2] ?? null));
    if (values.length * 2 >= items.length) subscales[name] = mosTransformed(values);
  }
  return {
    ...unscorable('MOS_SSS'),
    valid: MOS_SSS_SUBSCALE_NAMES.every((name) => name in subscales),
    subscales,
  };
}

/** 100 × (mean − 1) ÷ 4 to one decimal place, in whole tenths so .x5 rounds up exactly. */
function mosTransformed(values: readonly number[]): number {
  const count = values.length;
  const tenths = Math.floor((2 * 250 * (sumOf(values) - count) + count) / (2 * count));
  return tenths / 10;
}

// ---------------------------------------------------------------------------------------------
// Licensed instruments: only the score from the licensed tool is recorded, never the questions.

export type LicensedInstrumentCode = 'PAM' | 'OUTCOMES_STAR';

export interface LicensedInstrumentDefinition {
  readonly code: LicensedInstrumentCode;
  readonly name: string;
  readonly licensor: string;
  readonly min: number;
  readonly max: number;
  /** Decimal places the licensed tool reports. */
  readonly decimals: 0 | 1;
  readonly higherIsBetter: boolean;
  readonly entryHint: string;
}

export const LICENSED_INSTRUMENTS: Record<LicensedInstrumentCode, LicensedInstrumentDefinition> = {
  PAM: {
    code: 'PAM',
    name: 'Patient Activation Measure (PAM)',
    licensor: 'Insignia Health (Phreesia)',
    min: 0,
    max: 100,
    decimals: 1,
    higherIsBetter: true,
    entryHint: 'Enter the activation score from 0 to 100 that the licensed PAM tool reports.',
  },
  OUTCOMES_STAR: {
    code: 'OUTCOMES_STAR',
    name: 'Outcomes Star',
    licensor: 'Triangle Consulting Social Enterprise',
    min: 0,
    max: 100,
    decimals: 0,
    higherIsBetter: true,
    entryHint:
      'Enter the total from the licensed Outcomes Star tool, a whole number from 0 to 100.',
  },
};

export type PamLevel = 1 | 2 | 3 | 4;

export interface LicensedScore {
  instrument: LicensedInstrumentCode;
  score: number;
  /** PAM activation level; null for instruments without levels. */
  level: PamLevel | null;
}

/**
 * PAM levels from the activation score: ≤ 47.0 level 1, 47.1–55.1 level 2, 55.2–67.0 level 3,
 * ≥ 67.1 level 4 (the PAM-13 cut points in our brief). Not confirmed: a public summary (Shirley
 * Ryan AbilityLab's Rehabilitation Measures Database) gives level 3 as 55.2–72.4 and level 4 as
 * 72.5–100. The licensed tool reports the level itself; check these against Insignia's manual.
 */
export function pamLevel(score: number): PamLevel {
  const tenths = Math.round(score * 10);
  if (tenths <= 470) return 1;
  if (tenths <= 551) return 2;
  if (tenths <= 670) return 3;
  return 4;
}

export function validateLicensedScore(code: LicensedInstrumentCode, score: number): LicensedScore {
  const definition = LICENSED_INSTRUMENTS[code];
  if (!definition) throw invalid('instrument', `There is no licensed tool called "${code}".`);
  const { name, min, max, decimals } = definition;
  const scale = 10 ** decimals;
  const finite = typeof score === 'number' && Number.isFinite(score);
  const hasAllowedDecimals = finite && Math.abs(score * scale - Math.round(score * scale)) < 1e-9;
  if (!finite || !hasAllowedDecimals || score < min || score > max) {
    const kind = decimals === 0 ? 'a whole number' : 'a number with at most one decimal place';
    throw invalid(
      'score',
      `The ${name} score is ${kind} from ${min} to ${max}; got ${describe(score)}.`,
    );
  }
  return { instrument: code, score, level: code === 'PAM' ? pamLevel(score) : null };
}
