import { formatPounds, formatShare } from '@coproduce/domain';
import { formatDate, type ProgrammeSummary, Table, type TableColumn } from '@coproduce/ui';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';
import {
  defaultOrder,
  listViewToSearch,
  type ProgrammeListView,
  type ProgrammeSort,
} from './list-view.ts';
import { ProgrammeStatus } from './ProgrammeStatus.tsx';

/**
 * The programmes as a table. Sortable columns are links (the sort is in the URL, so it can be
 * shared) and say how they are sorted with `aria-sort`.
 */
export function ProgrammeTable({
  programmes,
  view,
}: {
  programmes: readonly ProgrammeSummary[];
  view: ProgrammeListView;
}) {
  const t = useT();

  const sortable = (sort: ProgrammeSort, label: string): TableColumn => {
    const current = view.sort === sort;
    const nextOrder = current ? (view.order === 'asc' ? 'desc' : 'asc') : defaultOrder(sort);
    return {
      header: (
        <Link
          className="govuk-link app-sort-link"
          to={{ search: listViewToSearch({ ...view, sort, order: nextOrder }) }}
        >
          {label}
          <span className="govuk-visually-hidden">
            {' '}
            {t(nextOrder === 'asc' ? 'programmes.table.sortAsc' : 'programmes.table.sortDesc')}
          </span>
        </Link>
      ),
      sort: current ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none',
    };
  };

  return (
    <Table
      caption={t('programmes.table.caption')}
      captionSize="hidden"
      columns={[
        sortable('name', t('programmes.table.name')),
        sortable('stage', t('programmes.table.stage')),
        { header: t('programmes.table.sites') },
        { header: t('programmes.table.funders') },
        { header: t('programmes.table.budget'), numeric: true },
        sortable('updated', t('programmes.table.updated')),
      ]}
      rows={programmes.map((programme) => ({
        key: programme.id,
        cells: [
          <Link key="name" className="govuk-link" to={`/programmes/${programme.id}`}>
            {programme.name}
          </Link>,
          <ProgrammeStatus key="stage" programme={programme} />,
          programme.sites.map((site) => site.name).join(', ') || '–',
          programme.funders
            .map((funder) => `${funder.name} (${formatShare(funder.shareBasisPoints)})`)
            .join(', ') || '–',
          formatPounds(programme.budgetPence),
          <span key="updated" className="app-nowrap">
            {formatDate(programme.updatedAt, t.locale)}
          </span>,
        ],
      }))}
    />
  );
}
