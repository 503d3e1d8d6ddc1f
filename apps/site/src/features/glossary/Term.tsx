import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';
import type { GlossaryTermId } from '../../messages/glossary.en.ts';

export type { GlossaryTermId } from '../../messages/glossary.en.ts';

/** Where a term is explained, inside the app. */
export function glossaryPath(id: GlossaryTermId): string {
  return `/glossary#${id}`;
}

/**
 * A word of the trade, linked to its plain-words meaning in the glossary. The link's accessible
 * name is the word itself followed by "(glossary)", so a screen reader says where it goes.
 * In the middle of a form, `newTab` keeps what has been typed: the glossary opens in a new tab.
 */
export function Term({
  id,
  newTab = false,
  children,
}: {
  id: GlossaryTermId;
  newTab?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  if (newTab) {
    return (
      <a
        className="govuk-link"
        href={`${import.meta.env.BASE_URL}glossary#${id}`}
        target="_blank"
        rel="noreferrer"
      >
        {children}
        <span className="govuk-visually-hidden"> ({t('glossary.linkHintNewTab')})</span>
      </a>
    );
  }
  return (
    <Link className="govuk-link" to={{ pathname: '/glossary', hash: id }}>
      {children}
      <span className="govuk-visually-hidden"> ({t('glossary.linkHint')})</span>
    </Link>
  );
}
