import type { ReactNode } from 'react';
import { Link, type To } from 'react-router';
import { useUiT } from '../i18n/ui-translate.ts';
import { Button } from './Button.tsx';

/** Previous and next links for lists paged by URL. */
export function Pagination({ previous, next }: { previous?: To; next?: To }) {
  const t = useUiT();
  if (previous === undefined && next === undefined) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={t('pagination.label')}>
      {previous !== undefined && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={previous} rel="prev">
            <svg
              className="govuk-pagination__icon govuk-pagination__icon--prev"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
            </svg>
            <span className="govuk-pagination__link-title">{t('pagination.previous')}</span>
          </Link>
        </div>
      )}
      {next !== undefined && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={next} rel="next">
            <svg
              className="govuk-pagination__icon govuk-pagination__icon--next"
              xmlns="http://www.w3.org/2000/svg"
              height="13"
              width="15"
              aria-hidden="true"
              focusable="false"
              viewBox="0 0 15 13"
            >
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
            <span className="govuk-pagination__link-title">{t('pagination.next')}</span>
          </Link>
        </div>
      )}
    </nav>
  );
}

/** The paging state of a list the API pages by cursor (an infinite query). */
export interface PagedList {
  readonly hasNextPage: boolean;
  readonly isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
}

/** A button under a list paged by cursor that adds the next page to what is shown. */
export function ShowMore({ list, children }: { list: PagedList; children: ReactNode }) {
  if (!list.hasNextPage) return null;
  return (
    <Button
      type="button"
      variant="secondary"
      pending={list.isFetchingNextPage}
      onClick={() => void list.fetchNextPage()}
    >
      {children}
    </Button>
  );
}
