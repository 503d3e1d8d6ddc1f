import { useUiT } from '../i18n/ui-translate.ts';

export function PhaseBanner() {
  const t = useUiT();
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">{t('phase.tag')}</strong>
        <span className="govuk-phase-banner__text">{t('phase.text')}</span>
      </p>
    </div>
  );
}
