import { describe, expect, it } from 'vitest';
import {
  allowedStep,
  type EnrolDraft,
  emptyDraft,
  nextStep,
  normaliseSearch,
  previousStep,
  readDateParts,
  type StepId,
  stepOfServerField,
  stepsFor,
  toEnrolment,
  validateStep,
} from './enrol-steps.ts';

const TODAY = '2026-05-01';

function buildDraft(overrides: Partial<EnrolDraft> = {}): EnrolDraft {
  return {
    ...emptyDraft(TODAY, 'v3'),
    programmeId: '7b0f4a0e-1c1f-4a55-9d38-6b7c2f1f1a11',
    givenName: 'Amina',
    familyName: 'Yusuf',
    dateOfBirth: { day: '14', month: '3', year: '1985' },
    serviceDelivery: true,
    evaluation: true,
    wantsEquality: 'no',
    ...overrides,
  };
}

const problemKeys = (draft: EnrolDraft, step: StepId) =>
  Object.fromEntries(
    Object.entries(validateStep(draft, step, TODAY)).map(([field, p]) => [
      field,
      'key' in p ? p.key : p.text,
    ]),
  );

describe('enrolment journey', () => {
  it('asks one thing per page and skips the equality questions unless wanted', () => {
    expect(stepsFor(buildDraft())).toEqual([
      'programme',
      'name',
      'date-of-birth',
      'contact',
      'nhs-number',
      'consent',
      'equality',
      'check',
    ]);
    const answering = buildDraft({ wantsEquality: 'yes', ethnicHeading: 'asian' });
    expect(stepsFor(answering)).toEqual([
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
      'check',
    ]);
    // "Prefer not to say" to the ethnic group asks no more about it.
    expect(stepsFor({ ...answering, ethnicHeading: 'prefer-not-to-say' })).not.toContain(
      'ethnic-background',
    );
  });

  it('goes forward and back through the pages, and off the first', () => {
    const draft = buildDraft({ wantsEquality: 'yes' });
    expect(nextStep(draft, 'equality')).toBe('sex');
    expect(nextStep(draft, 'ethnic-group')).toBe('religion');
    expect(nextStep(draft, 'disability')).toBe('check');
    expect(previousStep(draft, 'sex')).toBe('equality');
    expect(previousStep(draft, 'programme')).toBeNull();
    expect(previousStep(draft, 'enrolled-on')).toBe('check');
  });

  it('sends someone who jumps ahead to the first page with a problem', () => {
    const fresh = emptyDraft(TODAY);
    expect(allowedStep(fresh, 'check', TODAY)).toBe('programme');
    const noBirthday = buildDraft({ dateOfBirth: { day: '', month: '', year: '' } });
    expect(allowedStep(noBirthday, 'consent', TODAY)).toBe('date-of-birth');
    expect(allowedStep(buildDraft(), 'check', TODAY)).toBe('check');
    expect(allowedStep(fresh, 'done', TODAY)).toBe('done');
  });

  it.each([
    [{ day: '', month: '', year: '' }, 'missing'],
    [{ day: '', month: '3', year: '1985' }, 'day'],
    [{ day: '14', month: '', year: '1985' }, 'month'],
    [{ day: '14', month: '3', year: '' }, 'year'],
    [{ day: '14', month: '3', year: '85' }, 'year-digits'],
    [{ day: '30', month: '2', year: '1985' }, 'not-real'],
    [{ day: 'x', month: '2', year: '1985' }, 'not-real'],
  ])('reads the date of birth %o as a "%s" problem', (parts, problem) => {
    expect(readDateParts(parts)).toEqual({ problem });
  });

  it('reads a real date of birth, and refuses one in the future', () => {
    expect(readDateParts({ day: '29', month: '2', year: '2024' })).toEqual({ iso: '2024-02-29' });
    const future = buildDraft({ dateOfBirth: { day: '2', month: '5', year: '2026' } });
    expect(problemKeys(future, 'date-of-birth')).toEqual({
      dateOfBirth: 'enrol.dob.error.future',
    });
  });

  it('needs a name, and consent to the service with the notice version', () => {
    expect(problemKeys(buildDraft({ givenName: ' ', familyName: '' }), 'name')).toEqual({
      givenName: 'enrol.name.givenError',
      familyName: 'enrol.name.familyError',
    });
    expect(
      problemKeys(
        buildDraft({ serviceDelivery: false, noticeVersion: '', consentGivenOn: '2026-05-02' }),
        'consent',
      ),
    ).toEqual({
      scope: 'consent.form.serviceDeliveryError',
      noticeVersion: 'consent.form.noticeVersionError',
      givenOn: 'consent.form.givenOnFuture',
    });
  });

  it('checks optional contact details only when given, and the NHS number by its check digit', () => {
    expect(problemKeys(buildDraft(), 'contact')).toEqual({});
    expect(
      problemKeys(buildDraft({ email: 'amina', phone: 'call me', postcode: 'nowhere' }), 'contact'),
    ).toEqual({
      email: 'enrol.contact.emailError',
      phone: 'enrol.contact.phoneError',
      postcode: 'enrol.contact.postcodeError',
    });
    expect(problemKeys(buildDraft({ nhsNumber: '943 476 5919' }), 'nhs-number')).toEqual({});
    expect(problemKeys(buildDraft({ nhsNumber: '943 476 5918' }), 'nhs-number')).toEqual({
      nhsNumber: 'This is not a valid NHS number. Check the digits and enter it again.',
    });
  });

  it('lets every equality question be skipped', () => {
    const draft = buildDraft({ wantsEquality: 'yes' });
    for (const step of ['sex', 'ethnic-group', 'religion', 'language', 'disability'] as const) {
      expect(problemKeys(draft, step)).toEqual({});
    }
    expect(problemKeys(buildDraft({ wantsEquality: null }), 'equality')).toEqual({
      wantsEquality: 'enrol.equality.error',
    });
  });

  it('builds what participant.enrol takes, with only the equality answers given', () => {
    const input = toEnrolment(
      buildDraft({
        email: ' ',
        postcode: 'ls1 4ap',
        nhsNumber: '943 476 5919',
        wantsEquality: 'yes',
        sex: 'female',
        ethnicHeading: 'black',
        ethnicGroup: 'african',
        religion: 'prefer-not-to-say',
      }),
      'site-1',
    );
    expect(input).toEqual({
      programmeId: '7b0f4a0e-1c1f-4a55-9d38-6b7c2f1f1a11',
      siteId: 'site-1',
      enrolment: {
        enrolledOn: TODAY,
        identity: {
          givenName: 'Amina',
          familyName: 'Yusuf',
          dateOfBirth: '1985-03-14',
          email: null,
          phone: null,
          postcode: 'LS1 4AP',
          nhsNumber: '943 476 5919',
        },
        consent: {
          noticeVersion: 'v3',
          serviceDelivery: true,
          evaluation: true,
          sharingWithCommissioners: false,
          givenOn: TODAY,
        },
        equality: { sex: 'female', ethnicGroup: 'african', religion: 'prefer-not-to-say' },
      },
    });
  });

  it('sends no equality answers when they chose not to answer, even ones given before', () => {
    const input = toEnrolment(buildDraft({ wantsEquality: 'no', sex: 'male' }), 'site-1');
    expect(input.enrolment.equality).toEqual({});
  });

  it('drops a detailed ethnic group that no longer matches the broad one', () => {
    const input = toEnrolment(
      buildDraft({ wantsEquality: 'yes', ethnicHeading: 'white', ethnicGroup: 'african' }),
      'site-1',
    );
    expect(input.enrolment.equality).toEqual({});
  });

  it('finds the page a server message belongs to', () => {
    expect(stepOfServerField('enrolment.identity.dateOfBirth')).toBe('date-of-birth');
    expect(stepOfServerField('enrolment.consent.serviceDelivery')).toBe('consent');
    expect(stepOfServerField('enrolment.equality.sex')).toBe('equality');
    expect(stepOfServerField('somethingElse')).toBeNull();
  });

  it('turns a date typed the British way into the form the server searches', () => {
    expect(normaliseSearch(' Amina 14/3/1985 ')).toBe('Amina 1985-03-14');
    expect(normaliseSearch('1985-03-14')).toBe('1985-03-14');
    expect(normaliseSearch('SBC-7K2M9Q')).toBe('SBC-7K2M9Q');
  });
});
