import type { MouseEvent } from 'react';
import { useUiT } from '../i18n/ui-translate.ts';

/** Moves focus to the main content without changing the URL (it would add a router entry). */
export function SkipLink({ targetId = 'main-content' }: { targetId?: string }) {
  const t = useUiT();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (target === null) return;
    event.preventDefault();
    target.setAttribute('tabindex', '-1');
    target.focus();
    target.addEventListener('blur', () => target.removeAttribute('tabindex'), { once: true });
  };
  return (
    <a href={`#${targetId}`} className="govuk-skip-link" onClick={skip}>
      {t('skipLink')}
    </a>
  );
}
