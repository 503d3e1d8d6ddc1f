import type { ReactNode } from 'react';

export interface SummaryListRow {
  readonly key: string;
  readonly value: ReactNode;
  readonly action?: ReactNode;
}

export function SummaryList({ rows }: { rows: readonly SummaryListRow[] }) {
  const anyActions = rows.some((row) => row.action !== undefined);
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div
          key={row.key}
          className={`govuk-summary-list__row${anyActions && row.action === undefined ? ' govuk-summary-list__row--no-actions' : ''}`}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action !== undefined && (
            <dd className="govuk-summary-list__actions">{row.action}</dd>
          )}
        </div>
      ))}
    </dl>
  );
}
