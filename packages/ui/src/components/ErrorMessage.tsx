import { useUiT } from '../i18n/ui-translate.ts';

export function ErrorMessage({ id, message }: { id: string; message: string }) {
  const t = useUiT();
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t('error.prefix')}</span> {message}
    </p>
  );
}

/** The ids a control's `aria-describedby` lists, in GOV.UK order: hint, then error. */
export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string');
  return present.length > 0 ? present.join(' ') : undefined;
}
