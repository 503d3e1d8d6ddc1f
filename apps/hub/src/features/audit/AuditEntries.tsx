import {
  type AuditEntry,
  type AuditPage,
  formatDateTime,
  LoadingState,
  ShowMore,
  Table,
} from '@coproduce/ui';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';
import { useActionLabel } from './action-label.ts';
import { type AuditFilters, auditFiltersToSearch, hasFilters, withFilter } from './filters.ts';

/**
 * The entries as a table, with a details row under each and "Show more entries" (keyset
 * pagination: the server returns the cursor of the next page). After the filters change, focus
 * moves to the line that says how many entries match, so the result is announced.
 */
export function AuditEntries({
  query,
  filters,
  focusStatus,
  onStatusFocused,
  onApply,
}: {
  query: UseInfiniteQueryResult<InfiniteData<AuditPage, unknown>, unknown>;
  filters: AuditFilters;
  focusStatus: boolean;
  onStatusFocused: () => void;
  onApply: (filters: AuditFilters) => void;
}) {
  const t = useT();
  const status = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const entries = query.data?.pages.flatMap((page) => page.entries) ?? [];
  const loaded = !query.isPending;

  useEffect(() => {
    if (focusStatus && loaded) {
      status.current?.focus();
      onStatusFocused();
    }
  }, [focusStatus, loaded, onStatusFocused]);

  if (!loaded) return <LoadingState label={t('audit.loading')} />;

  const toggle = (seq: number) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });

  const statusText =
    entries.length === 0
      ? hasFilters(filters)
        ? t('audit.empty')
        : t('audit.emptyAll')
      : t.plural('audit.shown', entries.length);

  return (
    <>
      <p className="govuk-body govuk-!-font-weight-bold" role="status" ref={status} tabIndex={-1}>
        {statusText}
      </p>
      {entries.length > 0 && (
        <>
          <Table
            caption={t('audit.table.caption')}
            captionSize="m"
            columns={[
              { header: t('audit.table.when') },
              { header: t('audit.table.who') },
              { header: t('audit.table.action') },
              { header: t('audit.table.object') },
              { header: <span className="govuk-visually-hidden">{t('audit.table.details')}</span> },
            ]}
            rows={entries.map((entry) => {
              const detailId = `audit-entry-${entry.seq}`;
              const isOpen = open.has(entry.seq);
              const cells: ReactNode[] = [
                <span key="at" className="app-nowrap">
                  {formatDateTime(entry.at, t.locale)}
                </span>,
                <Who key="who" entry={entry} filters={filters} />,
                <ActionName key="action" action={entry.action} />,
                <ObjectCell key="object" entry={entry} filters={filters} onApply={onApply} />,
                <button
                  key="toggle"
                  type="button"
                  className="app-link-button"
                  aria-expanded={isOpen}
                  aria-controls={detailId}
                  onClick={() => toggle(entry.seq)}
                >
                  {isOpen ? t('audit.table.hideDetails') : t('audit.table.showDetails')}
                  <span className="govuk-visually-hidden">
                    {' '}
                    {t('audit.table.showDetailsHidden', { seq: entry.seq })}
                  </span>
                </button>,
              ];
              return {
                key: String(entry.seq),
                cells,
                detail: { id: detailId, open: isOpen, content: <EntryDetails entry={entry} /> },
              };
            })}
          />
          {query.hasNextPage ? (
            <ShowMore list={query}>
              {query.isFetchingNextPage ? t('audit.loadingMore') : t('audit.loadMore')}
            </ShowMore>
          ) : (
            <p className="govuk-body govuk-hint">{t('audit.allShown')}</p>
          )}
        </>
      )}
    </>
  );
}

function Who({ entry, filters }: { entry: AuditEntry; filters: AuditFilters }) {
  const t = useT();
  const actor = entry.actor;
  if (actor === null) return <>{t('audit.table.system')}</>;
  const role = actor.role === null ? null : t(`role.${actor.role}`);
  const roleAt =
    role !== null && actor.organisationName !== null
      ? t('audit.table.roleAt', { role, organisation: actor.organisationName })
      : (role ?? actor.organisationName);
  return (
    <>
      {actor.name}
      {roleAt !== null && (
        <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{roleAt}</span>
      )}
      {filters.actorPersonId !== actor.personId && (
        <Link
          className="govuk-link govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0"
          to={auditFiltersToSearch(withFilter(filters, { actorPersonId: actor.personId }))}
        >
          {t('audit.table.onlyPerson')}
          <span className="govuk-visually-hidden">
            {' '}
            {t('audit.table.onlyPersonHidden', { name: actor.name })}
          </span>
        </Link>
      )}
    </>
  );
}

function ActionName({ action }: { action: string }) {
  return <>{useActionLabel()(action)}</>;
}

function ObjectCell({
  entry,
  filters,
  onApply,
}: {
  entry: AuditEntry;
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const t = useT();
  const alreadyFiltered =
    filters.objectType === entry.objectType && filters.objectId === entry.objectId;
  return (
    <>
      {entry.objectType}
      <span
        className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0 app-code"
        title={entry.objectId}
      >
        {t('audit.table.shortId', { id: entry.objectId.slice(0, 8) })}
      </span>
      {!alreadyFiltered && (
        <button
          type="button"
          className="app-link-button govuk-body-s"
          onClick={() =>
            onApply(withFilter(filters, { objectType: entry.objectType, objectId: entry.objectId }))
          }
        >
          {t('audit.table.onlyObject')}
          <span className="govuk-visually-hidden">
            {' '}
            {entry.objectType} {entry.objectId}
          </span>
        </button>
      )}
    </>
  );
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const t = useT();
  return (
    <dl className="app-detail-grid">
      <dt>{t('audit.table.entry')}</dt>
      <dd>{entry.seq}</dd>
      <dt>{t('audit.table.actionCode')}</dt>
      <dd className="app-code">{entry.action}</dd>
      <dt>{t('audit.table.objectId')}</dt>
      <dd className="app-code">{entry.objectId}</dd>
      {Object.entries(entry.detail).map(([key, value]) => (
        <DetailRow key={key} name={key} value={value} />
      ))}
      <dt>{t('audit.table.hash')}</dt>
      <dd className="app-code">{entry.hash}</dd>
      <dt>{t('audit.table.prevHash')}</dt>
      <dd className="app-code">{entry.prevHash}</dd>
    </dl>
  );
}

function DetailRow({ name, value }: { name: string; value: unknown }) {
  return (
    <>
      <dt>{name}</dt>
      <dd className={typeof value === 'string' ? undefined : 'app-code'}>
        {typeof value === 'string' ? value : JSON.stringify(value)}
      </dd>
    </>
  );
}
