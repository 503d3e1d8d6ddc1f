import { Button, formatDateTime, Tag } from '@coproduce/ui';
import { useId } from 'react';
import { useTranslateWith } from '../i18n.ts';
import { offlineEn } from '../messages/offline.en.ts';
import './offline.css';
import type { OutboxEntry, SentEntry } from './outbox.ts';
import type { SiteOutboxKinds } from './site-outbox.ts';
import { useOutbox } from './use-outbox.ts';

const useOfflineT = () => useTranslateWith(offlineEn);

/**
 * What this device is keeping until it can send it, and what it sent since the page opened.
 * Shown above a screen's heading; renders nothing when there is nothing to say.
 */
export function OutboxStatus() {
  const outbox = useOutbox();
  return (
    <>
      {outbox.entries.length > 0 && <WaitingBanner />}
      {outbox.sent.length > 0 && <SentBanner sent={outbox.sent} />}
    </>
  );
}

function WaitingBanner() {
  const t = useOfflineT();
  const outbox = useOutbox();
  const titleId = useId();
  const anySending = outbox.sending.length > 0;
  const anyWaiting = outbox.entries.some((entry) => entry.refusal === null);
  return (
    <section
      className="govuk-notification-banner app-outbox"
      aria-labelledby={titleId}
      data-testid="outbox"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {t('outbox.title')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {t.plural('outbox.heading', outbox.entries.length)}
        </p>
        {anyWaiting && (
          <p className="govuk-body" aria-live="polite">
            {outbox.online ? t('outbox.online') : t('outbox.offline')}
          </p>
        )}
        <ul className="govuk-list app-outbox__list">
          {outbox.entries.map((entry) => (
            <WaitingEntry
              key={entry.id}
              entry={entry}
              sending={outbox.sending.includes(entry.id)}
            />
          ))}
        </ul>
        {anyWaiting && <p className="govuk-body-s">{t('outbox.keepOpen')}</p>}
        {anyWaiting && outbox.online && !anySending && (
          <Button
            type="button"
            variant="secondary"
            className="govuk-!-margin-bottom-0"
            onClick={() => void outbox.flush()}
          >
            {t('outbox.sendNow')}
          </Button>
        )}
      </div>
    </section>
  );
}

function WaitingEntry({
  entry,
  sending,
}: {
  entry: OutboxEntry<SiteOutboxKinds>;
  sending: boolean;
}) {
  const t = useOfflineT();
  const outbox = useOutbox();
  const refused = entry.refusal !== null;
  return (
    <li className="app-outbox__item">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{entry.summary}</p>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        {t('outbox.savedAt', { time: formatDateTime(entry.savedAt, t.locale) })}
      </p>
      <p className="govuk-body govuk-!-margin-bottom-2">
        {refused ? (
          <Tag colour="red">{t('outbox.status.refused')}</Tag>
        ) : sending ? (
          <Tag colour="blue">{t('outbox.status.sending')}</Tag>
        ) : (
          <Tag colour="grey">{t('outbox.status.waiting')}</Tag>
        )}
      </p>
      {refused && (
        <>
          <p className="govuk-error-message">
            {entry.refusal
              ? t('outbox.refused', { message: entry.refusal })
              : t('outbox.refusedNoMessage')}
          </p>
          <div className="govuk-button-group">
            <Button type="button" variant="secondary" onClick={() => outbox.retry(entry.id)}>
              {t('outbox.retry')}
              <span className="govuk-visually-hidden">: {entry.summary}</span>
            </Button>
            <Button type="button" variant="warning" onClick={() => outbox.remove(entry.id)}>
              {t('outbox.remove')}
              <span className="govuk-visually-hidden">: {entry.summary}</span>
            </Button>
          </div>
        </>
      )}
    </li>
  );
}

type SiteSent = SentEntry<SiteOutboxKinds>;

function riskOf(entry: SiteSent) {
  if (entry.kind !== 'questionnaire.record') return null;
  const result = entry.result as SiteOutboxKinds['questionnaire.record']['result'];
  return result.safeguarding;
}

function SentBanner({ sent }: { sent: readonly SiteSent[] }) {
  const t = useOfflineT();
  const outbox = useOutbox();
  const titleId = useId();
  const risks = sent.filter((entry) => riskOf(entry) !== null);
  return (
    <section
      className="govuk-notification-banner govuk-notification-banner--success"
      aria-labelledby={titleId}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {t('outbox.sentTitle')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {t.plural('outbox.sentHeading', sent.length)}
        </p>
        <ul className="govuk-list govuk-list--bullet">
          {sent.map((entry) => (
            <li key={entry.id}>{entry.summary}</li>
          ))}
        </ul>
        {risks.map((entry) => {
          const contact = riskOf(entry);
          return (
            <div key={entry.id} className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">{t('warning.prefix')}</span>{' '}
                {t('outbox.sentRisk', { summary: entry.summary })}
                {contact?.name && contact.phone && (
                  <>
                    {' '}
                    {t('outbox.sentRiskContact', { name: contact.name })}{' '}
                    <a className="govuk-link" href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>
                      {contact.phone}
                    </a>
                    .
                  </>
                )}
              </strong>
            </div>
          );
        })}
        <Button
          type="button"
          variant="secondary"
          className="govuk-!-margin-bottom-0"
          onClick={() => {
            for (const entry of sent) outbox.dismissSent(entry.id);
          }}
        >
          {t('outbox.dismiss')}
        </Button>
      </div>
    </section>
  );
}
