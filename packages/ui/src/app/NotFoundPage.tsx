import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';
import { useTranslate } from '../i18n/i18n.tsx';

/** The words each app gives these pages, in its own voice (plain English on the site app). */
export type NotFoundMessages = Record<
  'notFound.title' | 'notFound.body' | 'notFound.home' | 'routeError.title' | 'routeError.body',
  string
>;

const useT = () => useTranslate<NotFoundMessages>();

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <p className="govuk-body">{t('notFound.body')}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
}

/** A screen that threw while rendering: say so in words, never a blank page. */
export function RouteErrorPage() {
  const t = useT();
  return (
    <div className="govuk-width-container">
      <Page title={t('routeError.title')}>
        <p className="govuk-body">{t('routeError.body')}</p>
        <p className="govuk-body">
          <a className="govuk-link" href={import.meta.env.BASE_URL}>
            {t('notFound.home')}
          </a>
        </p>
      </Page>
    </div>
  );
}
