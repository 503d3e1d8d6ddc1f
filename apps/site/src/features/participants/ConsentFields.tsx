import { Checkboxes, TextInput, todayIso } from '@coproduce/ui';
import { Term } from '../glossary/Term.tsx';
import { useParticipantsT } from './t.ts';

export interface ConsentValues {
  readonly serviceDelivery: boolean;
  readonly evaluation: boolean;
  readonly sharingWithCommissioners: boolean;
  readonly noticeVersion: string;
  readonly consentGivenOn: string;
}

const SCOPE = ['serviceDelivery', 'evaluation', 'sharingWithCommissioners'] as const;

/** The privacy-notice version last entered on this device: usually the same for everyone. */
const NOTICE_VERSION_KEY = 'coproduce.site.noticeVersion';

export function rememberedNoticeVersion(): string {
  try {
    return window.localStorage.getItem(NOTICE_VERSION_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberNoticeVersion(version: string): void {
  try {
    window.localStorage.setItem(NOTICE_VERSION_KEY, version.trim());
  } catch {
    // Nothing kept: it is typed again next time.
  }
}

/** Consent: its scope (service delivery required), the privacy-notice version and the date. */
export function ConsentFields({
  value,
  onChange,
  errors,
}: {
  value: ConsentValues;
  onChange: (value: ConsentValues) => void;
  errors: Readonly<Record<string, string>>;
}) {
  const t = useParticipantsT();
  const intro = t('consent.form.intro', { term: '{term}' }).split('{term}');
  return (
    <>
      <p className="govuk-body">
        {intro[0]}
        <Term id="privacy-notice" newTab>
          {t('consent.form.noticeTerm')}
        </Term>
        {intro[1]}
      </p>
      <Checkboxes
        name="scope"
        legend={t('consent.form.scope')}
        hint={t('consent.form.scopeHint')}
        error={errors.scope}
        items={[
          {
            value: 'serviceDelivery',
            text: t('consent.form.serviceDelivery'),
            hint: t('consent.form.serviceDeliveryHint'),
          },
          {
            value: 'evaluation',
            text: t('consent.form.evaluation'),
            hint: t('consent.form.evaluationHint'),
          },
          {
            value: 'sharingWithCommissioners',
            text: t('consent.form.sharing'),
            hint: t('consent.form.sharingHint'),
          },
        ]}
        values={SCOPE.filter((key) => value[key])}
        onChange={(checked) =>
          onChange({
            ...value,
            serviceDelivery: checked.includes('serviceDelivery'),
            evaluation: checked.includes('evaluation'),
            sharingWithCommissioners: checked.includes('sharingWithCommissioners'),
          })
        }
      />
      <TextInput
        name="noticeVersion"
        label={t('consent.form.noticeVersion')}
        hint={t('consent.form.noticeVersionHint')}
        error={errors.noticeVersion}
        width="10"
        autoComplete="off"
        value={value.noticeVersion}
        onChange={(event) => onChange({ ...value, noticeVersion: event.currentTarget.value })}
      />
      <TextInput
        name="givenOn"
        type="date"
        label={t('consent.form.givenOn')}
        error={errors.givenOn}
        max={todayIso()}
        value={value.consentGivenOn}
        onChange={(event) => onChange({ ...value, consentGivenOn: event.currentTarget.value })}
      />
    </>
  );
}
