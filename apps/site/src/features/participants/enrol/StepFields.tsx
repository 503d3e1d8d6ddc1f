import {
  DISABILITY_STATUSES,
  ETHNIC_GROUP_HEADINGS,
  ETHNIC_GROUPS,
  MAIN_LANGUAGES,
  RELIGIONS,
  SEXES,
} from '@coproduce/domain';
import { type ProgrammeSummary, type RadioItem, Radios, TextInput, todayIso } from '@coproduce/ui';
import { ConsentFields } from '../ConsentFields.tsx';
import { DateParts } from '../DateParts.tsx';
import { useParticipantsT } from '../t.ts';
import type { EnrolDraft, StepId } from './enrol-steps.ts';

const PREFER_NOT_TO_SAY = { value: 'prefer-not-to-say', text: 'Prefer not to say' } as const;

const items = (list: readonly { code: string; label: string }[]): RadioItem[] =>
  list.map((entry) => ({ value: entry.code, text: entry.label }));

/** The fields of one page of the enrolment journey (the page's h1 asks the question). */
export function StepFields({
  step,
  draft,
  onChange,
  errors,
  programmes,
}: {
  step: StepId;
  draft: EnrolDraft;
  onChange: (change: (draft: EnrolDraft) => EnrolDraft) => void;
  errors: Readonly<Record<string, string>>;
  programmes: readonly ProgrammeSummary[];
}) {
  const t = useParticipantsT();
  const optional = t('enrol.optional');
  const text = (field: keyof EnrolDraft) => (draft[field] as string | null) ?? '';
  const set = (field: keyof EnrolDraft) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    onChange((d) => ({ ...d, [field]: value }));
  };
  const choice = (
    name: string,
    legend: string,
    list: RadioItem[],
    value: string | null,
    hint = optional,
  ) => (
    <Radios
      name={name}
      legend={legend}
      legendSize="hidden"
      hint={hint}
      error={errors[name]}
      items={list}
      defaultValue={value ?? undefined}
    />
  );

  switch (step) {
    case 'programme':
      return programmes.length === 0 ? (
        <p className="govuk-body">{t('enrol.programme.none')}</p>
      ) : (
        <Radios
          name="programmeId"
          legend={t('enrol.programme.title')}
          legendSize="hidden"
          hint={t('enrol.programme.hint')}
          error={errors.programmeId}
          items={programmes.map((p) => ({ value: p.id, text: p.name }))}
          defaultValue={draft.programmeId ?? undefined}
        />
      );
    case 'name':
      return (
        <>
          <TextInput
            name="givenName"
            label={t('enrol.name.given')}
            error={errors.givenName}
            autoComplete="off"
            spellCheck={false}
            value={text('givenName')}
            onChange={set('givenName')}
          />
          <TextInput
            name="familyName"
            label={t('enrol.name.family')}
            error={errors.familyName}
            autoComplete="off"
            spellCheck={false}
            value={text('familyName')}
            onChange={set('familyName')}
          />
        </>
      );
    case 'date-of-birth':
      return (
        <DateParts
          name="dateOfBirth"
          legend={t('enrol.dob.title')}
          hint={t('enrol.dob.hint')}
          error={errors.dateOfBirth}
          value={draft.dateOfBirth}
          onChange={(value) => onChange((d) => ({ ...d, dateOfBirth: value }))}
          labels={{
            day: t('enrol.dob.day'),
            month: t('enrol.dob.month'),
            year: t('enrol.dob.year'),
          }}
        />
      );
    case 'contact':
      return (
        <>
          <p className="govuk-hint">{t('enrol.contact.hint')}</p>
          <TextInput
            name="email"
            type="email"
            label={t('enrol.contact.email')}
            error={errors.email}
            autoComplete="off"
            spellCheck={false}
            value={draft.email}
            onChange={set('email')}
          />
          <TextInput
            name="phone"
            type="tel"
            label={t('enrol.contact.phone')}
            error={errors.phone}
            autoComplete="off"
            width="20"
            value={draft.phone}
            onChange={set('phone')}
          />
          <TextInput
            name="postcode"
            label={t('enrol.contact.postcode')}
            error={errors.postcode}
            autoComplete="off"
            width="10"
            value={draft.postcode}
            onChange={set('postcode')}
          />
        </>
      );
    case 'nhs-number':
      return (
        <TextInput
          name="nhsNumber"
          label={t('enrol.nhs.label')}
          hint={t('enrol.nhs.hint')}
          error={errors.nhsNumber}
          inputMode="numeric"
          autoComplete="off"
          width="10"
          value={draft.nhsNumber}
          onChange={set('nhsNumber')}
        />
      );
    case 'consent':
      return (
        <ConsentFields
          value={draft}
          onChange={(value) => onChange((d) => ({ ...d, ...value }))}
          errors={errors}
        />
      );
    case 'equality':
      return (
        <>
          <p className="govuk-body">{t('enrol.equality.body')}</p>
          <Radios
            name="wantsEquality"
            legend={t('enrol.equality.title')}
            legendSize="hidden"
            error={errors.wantsEquality}
            items={[
              { value: 'yes', text: t('enrol.equality.yes') },
              { value: 'no', text: t('enrol.equality.no') },
            ]}
            defaultValue={draft.wantsEquality ?? undefined}
          />
        </>
      );
    case 'sex':
      return choice('sex', t('enrol.sex.title'), items(SEXES), draft.sex);
    case 'ethnic-group':
      return choice(
        'ethnicHeading',
        t('enrol.ethnicGroup.title'),
        [...items(ETHNIC_GROUP_HEADINGS), PREFER_NOT_TO_SAY],
        draft.ethnicHeading,
      );
    case 'ethnic-background': {
      const heading = ETHNIC_GROUP_HEADINGS.find((h) => h.code === draft.ethnicHeading);
      return choice(
        'ethnicGroup',
        t('enrol.ethnicBackground.title'),
        [
          ...items(ETHNIC_GROUPS.filter((g) => g.heading === draft.ethnicHeading)),
          PREFER_NOT_TO_SAY,
        ],
        draft.ethnicGroup,
        heading === undefined ? optional : `${heading.label}. ${optional}`,
      );
    }
    case 'religion':
      return choice('religion', t('enrol.religion.title'), items(RELIGIONS), draft.religion);
    case 'language':
      return choice(
        'mainLanguage',
        t('enrol.language.title'),
        items(MAIN_LANGUAGES),
        draft.mainLanguage,
      );
    case 'disability':
      return choice(
        'disability',
        t('enrol.disability.title'),
        items(DISABILITY_STATUSES),
        draft.disability,
        `${t('enrol.disability.hint')} ${optional}`,
      );
    case 'enrolled-on':
      return (
        <TextInput
          name="enrolledOn"
          type="date"
          label={t('enrol.enrolledOn.label')}
          error={errors.enrolledOn}
          max={todayIso()}
          value={draft.enrolledOn}
          onChange={set('enrolledOn')}
        />
      );
    default:
      return null;
  }
}
