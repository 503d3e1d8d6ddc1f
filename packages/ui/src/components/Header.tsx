import { Link, useMatch, useResolvedPath } from 'react-router';
import { useUiT } from '../i18n/ui-translate.ts';
import { PhaseBanner } from './PhaseBanner.tsx';

export interface NavigationItem {
  readonly to: string;
  readonly text: string;
  /** Only the exact path counts as current (for the home link). */
  readonly end?: boolean;
}

export interface HeaderAccount {
  readonly personName: string;
  /** Null until the person has chosen which membership to act through. */
  readonly acting: { readonly roleName: string; readonly organisationName: string } | null;
  readonly canSwitchOrganisation: boolean;
  readonly onSignOut: () => void;
}

export function Header({
  appName,
  navigation,
  account,
}: {
  appName: string;
  navigation: readonly NavigationItem[];
  account: HeaderAccount | null;
}) {
  const t = useUiT();
  return (
    <header>
      <div className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link app-header__logo">
              <LogoMark />
              <span>{t('serviceName')}</span>
            </Link>
          </div>
        </div>
      </div>
      <section aria-label={t('header.serviceInformation')} className="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <span className="govuk-service-navigation__text">{appName}</span>
            </span>
            {navigation.length > 0 && (
              <nav aria-label={t('header.menu')} className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list" id="navigation">
                  {navigation.map((item) => (
                    <NavigationLink key={item.to} item={item} />
                  ))}
                </ul>
              </nav>
            )}
          </div>
        </div>
      </section>
      {account !== null && <AccountBar account={account} />}
      <div className="govuk-width-container">
        <PhaseBanner />
      </div>
    </header>
  );
}

function NavigationLink({ item }: { item: NavigationItem }) {
  const resolved = useResolvedPath(item.to);
  const isActive = useMatch({ path: resolved.pathname, end: item.end ?? false }) !== null;
  return (
    <li
      className={`govuk-service-navigation__item${isActive ? ' govuk-service-navigation__item--active' : ''}`}
    >
      <Link
        to={item.to}
        className="govuk-service-navigation__link"
        aria-current={isActive ? 'page' : undefined}
      >
        {isActive ? (
          <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
        ) : (
          item.text
        )}
      </Link>
    </li>
  );
}

function AccountBar({ account }: { account: HeaderAccount }) {
  const t = useUiT();
  return (
    <div className="app-account-bar">
      <div className="govuk-width-container app-account-bar__inner">
        <p className="app-account-bar__who">
          {account.acting === null
            ? t('header.signedInAsPerson', { name: account.personName })
            : t('header.signedInAs', {
                name: account.personName,
                role: account.acting.roleName,
                organisation: account.acting.organisationName,
              })}
        </p>
        <ul className="app-account-bar__links">
          {account.canSwitchOrganisation && (
            <li>
              <Link className="govuk-link" to="/choose-organisation">
                {t('header.switchOrganisation')}
              </Link>
            </li>
          )}
          <li>
            <button type="button" className="app-link-button" onClick={account.onSignOut}>
              {t('header.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

/** Our mark: two overlapping circles, for two partners producing something together. */
function LogoMark() {
  return (
    <svg
      className="app-header__mark"
      width="32"
      height="24"
      viewBox="0 0 32 24"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="11" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="3" />
      <circle cx="21" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="3" />
    </svg>
  );
}
