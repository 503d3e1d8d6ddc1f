import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  AGE_BANDS,
  ageBandFor,
  DISABILITY_STATUSES,
  ETHNIC_GROUP_HEADINGS,
  ETHNIC_GROUPS,
  MAIN_LANGUAGES,
  RELIGIONS,
  SEXES,
  ZEqualityMonitoring,
} from './equality.ts';

describe('equality categories', () => {
  it.each([
    ['ethnic groups', ETHNIC_GROUPS],
    ['religions', RELIGIONS],
    ['sexes', SEXES],
    ['age bands', AGE_BANDS],
    ['main languages', MAIN_LANGUAGES],
    ['disability', DISABILITY_STATUSES],
  ])('%s have unique codes and end with "Prefer not to say"', (_, list) => {
    const codes: string[] = list.map((category) => category.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(list.at(-1)).toMatchObject({ code: 'prefer-not-to-say', label: 'Prefer not to say' });
  });

  it.each([
    ['asian', ['Indian', 'Pakistani', 'Bangladeshi', 'Chinese', 'Any other Asian background']],
    ['black', ['Caribbean', 'African', 'Any other Black, Black British or Caribbean background']],
    [
      'mixed',
      [
        'White and Black Caribbean',
        'White and Black African',
        'White and Asian',
        'Any other Mixed or multiple ethnic background',
      ],
    ],
    [
      'white',
      [
        'English, Welsh, Scottish, Northern Irish or British',
        'Irish',
        'Gypsy or Irish Traveller',
        'Roma',
        'Any other White background',
      ],
    ],
    ['other', ['Arab', 'Any other ethnic group']],
  ])('groups the 2021 Census categories under %s', (heading, labels) => {
    expect(ETHNIC_GROUPS.filter((g) => g.heading === heading).map((g) => g.label)).toEqual(labels);
  });

  it('has the 19 detailed ethnic groups under the 5 headings', () => {
    const detailed = ETHNIC_GROUPS.filter((g) => g.heading !== null);
    expect(detailed).toHaveLength(19);
    expect(new Set(detailed.map((g) => g.heading))).toEqual(
      new Set(ETHNIC_GROUP_HEADINGS.map((h) => h.code)),
    );
  });

  it('lists the 2021 Census religions and disability answers', () => {
    expect(RELIGIONS.map((r) => r.label)).toEqual([
      'No religion',
      'Christian',
      'Buddhist',
      'Hindu',
      'Jewish',
      'Muslim',
      'Sikh',
      'Any other religion',
      'Prefer not to say',
    ]);
    expect(DISABILITY_STATUSES.map((d) => d.label)).toEqual([
      'Yes, limited a lot',
      'Yes, limited a little',
      'No',
      'Prefer not to say',
    ]);
  });
});

describe('ZEqualityMonitoring', () => {
  it.each([
    [{}],
    [{ ethnicGroup: 'roma', religion: 'sikh', sex: 'female' }],
    [
      {
        ethnicGroup: 'prefer-not-to-say',
        religion: 'prefer-not-to-say',
        sex: 'prefer-not-to-say',
        ageBand: 'prefer-not-to-say',
        mainLanguage: 'prefer-not-to-say',
        disability: 'prefer-not-to-say',
      },
    ],
    [{ ageBand: '75-and-over', mainLanguage: 'cy', disability: 'yes-limited-a-little' }],
  ])('accepts %j', (input) => {
    expect(ZEqualityMonitoring.parse(input)).toEqual(input);
  });

  it.each([
    [
      { ethnicGroup: 'asian' },
      'ethnicGroup',
      'Choose an ethnic group from the list, or "Prefer not to say"',
    ],
    [
      { religion: 'Christian' },
      'religion',
      'Choose a religion from the list, or "Prefer not to say"',
    ],
    [
      { mainLanguage: 'fr' },
      'mainLanguage',
      'Choose a main language from the list, or "Prefer not to say"',
    ],
  ])('refuses %j', (input, path, message) => {
    const result = ZEqualityMonitoring.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: [path], message })]);
  });

  it('refuses fields it does not know, so nothing else is stored by accident', () => {
    expect(ZEqualityMonitoring.safeParse({ sexualOrientation: 'x' }).success).toBe(false);
  });
});

describe('ageBandFor', () => {
  it.each([
    ['2010-06-15', '2026-06-14', 'under-16'],
    ['2010-06-15', '2026-06-15', '16-24'],
    ['2001-01-01', '2025-12-31', '16-24'],
    ['2001-01-01', '2026-01-01', '25-34'],
    ['1990-12-31', '2025-12-31', '35-44'],
    ['1980-03-01', '2025-02-28', '35-44'],
    ['1971-07-20', '2026-07-20', '55-64'],
    ['1961-07-21', '2026-07-20', '55-64'],
    ['1961-07-20', '2026-07-20', '65-74'],
    ['1951-07-20', '2026-07-20', '75-and-over'],
    ['1920-01-01', '2026-01-01', '75-and-over'],
    ['2026-01-01', '2026-01-01', 'under-16'],
    // Born on 29 February: a year older on 1 March when there is no 29 February.
    ['2000-02-29', '2016-02-28', 'under-16'],
    ['2000-02-29', '2016-02-29', '16-24'],
    ['2000-02-29', '2025-02-28', '16-24'],
    ['2000-02-29', '2025-03-01', '25-34'],
  ])('someone born %s is, on %s, in band %s', (dateOfBirth, on, band) => {
    expect(ageBandFor(dateOfBirth, on)).toBe(band);
  });

  it.each([
    ['2026-02-29', '2026-03-01', 'dateOfBirth'],
    ['1990-13-01', '2026-03-01', 'dateOfBirth'],
    ['1990-01-01', '01/03/2026', 'on'],
    ['2026-03-02', '2026-03-01', 'dateOfBirth'],
  ])('refuses %s on %s', (dateOfBirth, on, field) => {
    let thrown: unknown;
    try {
      ageBandFor(dateOfBirth, on);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'invalid', field });
  });
});
