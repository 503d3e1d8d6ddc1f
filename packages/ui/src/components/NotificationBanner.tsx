import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useUiT } from '../i18n/ui-translate.ts';

/**
 * `success` banners confirm what just happened and take focus, as GOV.UK Frontend's script
 * does; `important` banners tell people something they need to know, and take focus only when
 * they report the outcome of an action (`alert`).
 */
export function NotificationBanner({
  type = 'important',
  heading,
  alert = type === 'success',
  children,
}: {
  type?: 'important' | 'success';
  heading: string;
  /** Announce and focus it (the default for success): for the outcome of something just done. */
  alert?: boolean;
  children?: ReactNode;
}) {
  const t = useUiT();
  const banner = useRef<HTMLDivElement>(null);
  const isSuccess = type === 'success';

  useEffect(() => {
    if (alert) banner.current?.focus();
  }, [alert]);

  const titleId = useId();
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: both roles (alert, region) take aria-labelledby; GOV.UK's own markup
    <div
      ref={banner}
      className={`govuk-notification-banner${isSuccess ? ' govuk-notification-banner--success' : ''}`}
      role={alert ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={alert ? -1 : undefined}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {isSuccess ? t('banner.success') : t('banner.important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
