import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useUiT } from '../i18n/ui-translate.ts';

/**
 * One screen: sets the document title, renders the `<main>` landmark and the page's only h1.
 * After an in-app navigation focus moves to the h1, so a screen reader announces the new page
 * and keyboard users start from the top of the content (on first load the browser's own start
 * point, and the skip link, are left alone).
 */
export function Page({
  title,
  caption,
  hasErrors = false,
  backLink,
  beforeHeading,
  headingSize = 'l',
  width = 'full',
  children,
}: {
  title: string;
  caption?: string;
  hasErrors?: boolean;
  backLink?: ReactNode;
  /** Error summary or notification banner: above the h1, as GOV.UK places them. */
  beforeHeading?: ReactNode;
  headingSize?: 'xl' | 'l';
  /** Forms and text read best in two-thirds of the page; tables and dashboards use all of it. */
  width?: 'two-thirds' | 'full';
  children?: ReactNode;
}) {
  const t = useUiT();
  const location = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  const documentTitle = t('page.documentTitle', { title, service: t('serviceName') });

  useEffect(() => {
    document.title = hasErrors ? t('page.errorPrefix', { title: documentTitle }) : documentTitle;
  }, [documentTitle, hasErrors, t]);

  // React Router gives the first entry of a page load the key "default". A new query string on
  // the same screen (a filter) is not a new page: the screen itself manages focus then.
  const isFirstEntry = location.key === 'default';
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new path is a new page, so focus again
  useEffect(() => {
    if (!isFirstEntry && title !== '') heading.current?.focus();
  }, [location.pathname, title, isFirstEntry]);

  const content = (
    <>
      {beforeHeading}
      {caption !== undefined && <span className={`govuk-caption-${headingSize}`}>{caption}</span>}
      <h1 className={`govuk-heading-${headingSize}`} ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );

  return (
    <>
      {backLink}
      <main className="govuk-main-wrapper" id="main-content">
        {width === 'full' ? (
          content
        ) : (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">{content}</div>
          </div>
        )}
      </main>
    </>
  );
}
