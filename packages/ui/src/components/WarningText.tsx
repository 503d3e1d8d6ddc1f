import type { ReactNode } from 'react';
import { useUiT } from '../i18n/ui-translate.ts';

export function WarningText({ children }: { children: ReactNode }) {
  const t = useUiT();
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{t('warning.prefix')}</span> {children}
      </strong>
    </div>
  );
}
