import { Page } from '@coproduce/ui';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../../i18n.ts';
import {
  type GlossaryEntry,
  glossarySectionsEn,
  glossaryTermsEn,
} from '../../messages/glossary.en.ts';

/** Every term of the trade in plain words; other screens link to a term by its id. */
export function GlossaryPage() {
  const t = useT();
  const { hash } = useLocation();
  useFocusTerm(hash);
  return (
    <Page title={t('glossary.title')} width="two-thirds">
      <p className="govuk-body-l">{t('glossary.intro')}</p>
      <nav aria-labelledby="glossary-contents">
        <h2 className="govuk-heading-s" id="glossary-contents">
          {t('glossary.contents')}
        </h2>
        <ul className="govuk-list">
          {glossarySectionsEn.map((section) => (
            <li key={section.id}>
              <a className="govuk-link" href={`#${section.id}`}>
                {section.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {glossarySectionsEn.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 className="govuk-heading-l govuk-!-margin-top-8" id={section.id} tabIndex={-1}>
            {section.title}
          </h2>
          {section.terms.map((id) => (
            <GlossaryTerm key={id} id={id} entry={glossaryTermsEn[id]} />
          ))}
        </section>
      ))}
    </Page>
  );
}

function GlossaryTerm({ id, entry }: { id: string; entry: GlossaryEntry }) {
  const t = useT();
  return (
    <div className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-m govuk-!-margin-bottom-2" id={id} tabIndex={-1}>
        {entry.term}
      </h3>
      {entry.alsoCalled !== undefined && (
        <p className="govuk-hint govuk-!-margin-bottom-2">
          {t('glossary.alsoCalled', { names: entry.alsoCalled })}
        </p>
      )}
      {entry.body.map((paragraph) => (
        <p className="govuk-body" key={paragraph}>
          {paragraph}
        </p>
      ))}
    </div>
  );
}

/**
 * Opened at `#term`: bring that term into view and focus it, after the page has focused its
 * heading (the Page's own effect runs after ours, so wait a frame).
 */
function useFocusTerm(hash: string) {
  useEffect(() => {
    const id = decodeURIComponent(hash.replace(/^#/, ''));
    if (id === '') return;
    const frame = window.requestAnimationFrame(() => {
      const target = document.getElementById(id);
      if (target === null) return;
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [hash]);
}
