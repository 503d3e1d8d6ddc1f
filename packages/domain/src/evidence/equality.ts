import { z } from 'zod';
import { invalid } from '../errors.ts';
import { isoDayNumber } from './iso-date.ts';

/**
 * Equality monitoring in the ONS 2021 Census categories for England (BRIEF, "Personal data"):
 * every question optional, every list ending with "Prefer not to say". These are special-category
 * data: record them only with consent, and report them only as suppressed counts.
 */
interface Category<Code extends string = string> {
  readonly code: Code;
  readonly label: string;
}

const PREFER_NOT_TO_SAY = { code: 'prefer-not-to-say', label: 'Prefer not to say' } as const;

export const ETHNIC_GROUP_HEADINGS = [
  { code: 'asian', label: 'Asian or Asian British' },
  { code: 'black', label: 'Black, Black British, Caribbean or African' },
  { code: 'mixed', label: 'Mixed or Multiple ethnic groups' },
  { code: 'white', label: 'White' },
  { code: 'other', label: 'Other ethnic group' },
] as const satisfies readonly Category[];

/** The 19 detailed 2021 Census categories, in Census order within each heading. */
export const ETHNIC_GROUPS = [
  { code: 'indian', label: 'Indian', heading: 'asian' },
  { code: 'pakistani', label: 'Pakistani', heading: 'asian' },
  { code: 'bangladeshi', label: 'Bangladeshi', heading: 'asian' },
  { code: 'chinese', label: 'Chinese', heading: 'asian' },
  { code: 'any-other-asian', label: 'Any other Asian background', heading: 'asian' },
  { code: 'caribbean', label: 'Caribbean', heading: 'black' },
  { code: 'african', label: 'African', heading: 'black' },
  {
    code: 'any-other-black',
    label: 'Any other Black, Black British or Caribbean background',
    heading: 'black',
  },
  { code: 'white-and-black-caribbean', label: 'White and Black Caribbean', heading: 'mixed' },
  { code: 'white-and-black-african', label: 'White and Black African', heading: 'mixed' },
  { code: 'white-and-asian', label: 'White and Asian', heading: 'mixed' },
  {
    code: 'any-other-mixed',
    label: 'Any other Mixed or multiple ethnic background',
    heading: 'mixed',
  },
  {
    code: 'white-british',
    label: 'English, Welsh, Scottish, Northern Irish or British',
    heading: 'white',
  },
  { code: 'irish', label: 'Irish', heading: 'white' },
  { code: 'gypsy-or-irish-traveller', label: 'Gypsy or Irish Traveller', heading: 'white' },
  { code: 'roma', label: 'Roma', heading: 'white' },
  { code: 'any-other-white', label: 'Any other White background', heading: 'white' },
  { code: 'arab', label: 'Arab', heading: 'other' },
  { code: 'any-other-ethnic-group', label: 'Any other ethnic group', heading: 'other' },
  { ...PREFER_NOT_TO_SAY, heading: null },
] as const;

export const RELIGIONS = [
  { code: 'no-religion', label: 'No religion' },
  { code: 'christian', label: 'Christian' },
  { code: 'buddhist', label: 'Buddhist' },
  { code: 'hindu', label: 'Hindu' },
  { code: 'jewish', label: 'Jewish' },
  { code: 'muslim', label: 'Muslim' },
  { code: 'sikh', label: 'Sikh' },
  { code: 'any-other-religion', label: 'Any other religion' },
  PREFER_NOT_TO_SAY,
] as const satisfies readonly Category[];

export const SEXES = [
  { code: 'female', label: 'Female' },
  { code: 'male', label: 'Male' },
  PREFER_NOT_TO_SAY,
] as const satisfies readonly Category[];

/** `minAge`/`maxAge` in whole years; null max is open-ended. */
export const AGE_BANDS = [
  { code: 'under-16', label: 'Under 16', minAge: 0, maxAge: 15 },
  { code: '16-24', label: '16 to 24', minAge: 16, maxAge: 24 },
  { code: '25-34', label: '25 to 34', minAge: 25, maxAge: 34 },
  { code: '35-44', label: '35 to 44', minAge: 35, maxAge: 44 },
  { code: '45-54', label: '45 to 54', minAge: 45, maxAge: 54 },
  { code: '55-64', label: '55 to 64', minAge: 55, maxAge: 64 },
  { code: '65-74', label: '65 to 74', minAge: 65, maxAge: 74 },
  { code: '75-and-over', label: '75 and over', minAge: 75, maxAge: null },
  { ...PREFER_NOT_TO_SAY, minAge: null, maxAge: null },
] as const;

/** Codes are ISO 639-1 language codes. */
export const MAIN_LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'cy', label: 'Welsh' },
  { code: 'pl', label: 'Polish' },
  { code: 'ro', label: 'Romanian' },
  { code: 'pa', label: 'Panjabi' },
  { code: 'ur', label: 'Urdu' },
  { code: 'pt', label: 'Portuguese' },
  { code: 'es', label: 'Spanish' },
  { code: 'ar', label: 'Arabic' },
  { code: 'bn', label: 'Bengali' },
  { code: 'gu', label: 'Gujarati' },
  { code: 'it', label: 'Italian' },
  { code: 'ta', label: 'Tamil' },
  { code: 'so', label: 'Somali' },
  { code: 'tr', label: 'Turkish' },
  { code: 'other', label: 'Other' },
  PREFER_NOT_TO_SAY,
] as const satisfies readonly Category[];

/** Day-to-day activities limited by a long-term condition, as the Census asks it. */
export const DISABILITY_STATUSES = [
  { code: 'yes-limited-a-lot', label: 'Yes, limited a lot' },
  { code: 'yes-limited-a-little', label: 'Yes, limited a little' },
  { code: 'no', label: 'No' },
  PREFER_NOT_TO_SAY,
] as const satisfies readonly Category[];

type CodeOf<List extends readonly Category[]> = List[number]['code'];
export type EthnicGroupCode = CodeOf<typeof ETHNIC_GROUPS>;
export type ReligionCode = CodeOf<typeof RELIGIONS>;
export type SexCode = CodeOf<typeof SEXES>;
export type AgeBandCode = CodeOf<typeof AGE_BANDS>;
export type MainLanguageCode = CodeOf<typeof MAIN_LANGUAGES>;
export type DisabilityCode = CodeOf<typeof DISABILITY_STATUSES>;

function codes<const List extends readonly Category[]>(list: List) {
  return list.map((category) => category.code) as [CodeOf<List>, ...CodeOf<List>[]];
}

const choice = <const List extends readonly Category[]>(list: List, what: string) =>
  z.enum(codes(list), { error: `Choose ${what} from the list, or "Prefer not to say"` }).optional();

/** Field names match the report's equality dimensions. Unknown fields are refused. */
export const ZEqualityMonitoring = z.strictObject({
  ethnicGroup: choice(ETHNIC_GROUPS, 'an ethnic group'),
  religion: choice(RELIGIONS, 'a religion'),
  sex: choice(SEXES, 'a sex'),
  ageBand: choice(AGE_BANDS, 'an age band'),
  mainLanguage: choice(MAIN_LANGUAGES, 'a main language'),
  disability: choice(DISABILITY_STATUSES, 'an answer about disability'),
});
export type EqualityMonitoring = z.infer<typeof ZEqualityMonitoring>;

/**
 * The age band on a date, from age in completed years. Someone born on 29 February turns a year
 * older on 1 March in years without a 29 February.
 */
export function ageBandFor(
  dateOfBirth: string,
  on: string,
): Exclude<AgeBandCode, 'prefer-not-to-say'> {
  isoDayNumber(dateOfBirth, 'dateOfBirth');
  isoDayNumber(on, 'on');
  if (dateOfBirth > on) {
    throw invalid('dateOfBirth', `The date of birth ${dateOfBirth} is after ${on}.`);
  }
  const birthdayPassed = on.slice(5) >= dateOfBirth.slice(5);
  const age = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4)) - (birthdayPassed ? 0 : 1);
  for (const band of AGE_BANDS) {
    if (band.code === 'prefer-not-to-say') continue;
    if (age >= band.minAge && (band.maxAge === null || age <= band.maxAge)) return band.code;
  }
  throw new Error(`No age band for age ${age}`);
}
