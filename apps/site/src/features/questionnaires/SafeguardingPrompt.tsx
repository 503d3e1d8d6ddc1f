import { type Ref, useEffect, useId, useRef } from 'react';
import { Term } from '../glossary/Term.tsx';
import { useQuestionnaireT } from './t.ts';
import { withTerm } from './with-term.tsx';

export interface SafeguardingContact {
  readonly siteName: string;
  readonly name: string | null;
  readonly phone: string | null;
}

/** Digits and a leading + only: what a `tel:` link dials. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/**
 * PHQ-9 question 9 answered above 0: shown the moment the answer is chosen, and again after
 * saving, with who to call. It is an alert (read out at once); with `takeFocus` it also takes
 * focus, as it does on the result page.
 */
export function SafeguardingPrompt({
  who,
  contact,
  takeFocus = false,
  inForm = false,
}: {
  who: string;
  contact: SafeguardingContact | null;
  takeFocus?: boolean;
  /** Inside a form, the glossary link opens in a new tab so the answers stay. */
  inForm?: boolean;
}) {
  const t = useQuestionnaireT();
  const titleId = useId();
  const banner = useRef<HTMLDivElement>(null);

  // After the page has focused its heading (a parent's effect runs after this one): this wins.
  useEffect(() => {
    if (!takeFocus) return;
    const timer = setTimeout(() => banner.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [takeFocus]);

  const hasContact = contact?.name && contact.phone;
  return (
    <div
      ref={banner as Ref<HTMLDivElement>}
      className="govuk-notification-banner app-safeguarding"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="safeguarding"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {t('safeguarding.title')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{t('safeguarding.heading', { who })}</p>
        <p className="govuk-body">
          {withTerm(
            t('safeguarding.body', { term: '{term}' }),
            <Term id="safeguarding" newTab={inForm}>
              {t('safeguarding.term')}
            </Term>,
          )}
        </p>
        {hasContact ? (
          <p className="govuk-body-l govuk-!-font-weight-bold">
            {t('safeguarding.contact', { name: contact.name ?? '' })}{' '}
            <a className="govuk-link" href={telHref(contact.phone ?? '')}>
              {contact.phone}
            </a>
          </p>
        ) : (
          <p className="govuk-body govuk-!-font-weight-bold">{t('safeguarding.noContact')}</p>
        )}
        <p className="govuk-body govuk-!-margin-bottom-0">{t('safeguarding.emergency')}</p>
      </div>
    </div>
  );
}
