import { useUiT } from '../i18n/ui-translate.ts';

export interface FooterLink {
  readonly href: string;
  readonly text: string;
}

export function Footer({ links }: { links: readonly FooterLink[] }) {
  const t = useUiT();
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">{t('footer.heading')}</h2>
            {links.length > 0 && (
              <ul className="govuk-footer__inline-list">
                {links.map((link) => (
                  <li key={link.href} className="govuk-footer__inline-list-item">
                    <a className="govuk-footer__link" href={link.href}>
                      {link.text}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <p className="govuk-body-s govuk-!-margin-bottom-0">{t('footer.about')}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
