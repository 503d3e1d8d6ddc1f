import { Fragment, type ReactNode } from 'react';

export interface TableColumn {
  readonly header: ReactNode;
  readonly numeric?: boolean;
  /** For a sortable column: how the rows are sorted by it now (`aria-sort`). */
  readonly sort?: 'ascending' | 'descending' | 'none';
}

export interface TableRow {
  readonly key: string;
  readonly cells: readonly ReactNode[];
  /**
   * More about the row, in a full-width row beneath it (hidden until `detailOpen`); the row's
   * toggle button points at `detailId` with aria-controls.
   */
  readonly detail?: { readonly id: string; readonly open: boolean; readonly content: ReactNode };
}

/**
 * A data table with a caption; the first cell of each row is its header, so a screen reader
 * names the row as it reads each cell. Wide tables scroll sideways on small screens.
 */
export function Table({
  caption,
  captionSize = 'm',
  columns,
  rows,
  firstCellIsHeader = true,
}: {
  caption: string;
  captionSize?: 'l' | 'm' | 's' | 'hidden';
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  firstCellIsHeader?: boolean;
}) {
  const captionClass =
    captionSize === 'hidden'
      ? 'govuk-table__caption govuk-visually-hidden'
      : `govuk-table__caption govuk-table__caption--${captionSize}`;
  const numericClass = (index: number, base: string) =>
    columns[index]?.numeric === true ? `${base} ${base}--numeric` : base;
  const headerClass = (index: number) => numericClass(index, 'govuk-table__header');
  // A table wider than the screen scrolls inside its own region, which keyboard users can
  // focus and scroll (WCAG 1.4.10 allows two-dimensional scrolling for data tables).
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable)
    <section className="app-table-wrapper" aria-label={caption} tabIndex={0}>
      <table className="govuk-table">
        <caption className={captionClass}>{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for a table
              <th key={index} scope="col" className={headerClass(index)} aria-sort={column.sort}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <Fragment key={row.key}>
              <tr className={`govuk-table__row${row.detail?.open ? ' app-table__row--open' : ''}`}>
                {row.cells.map((cell, index) =>
                  index === 0 && firstCellIsHeader ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the fixed columns
                    <th key={index} scope="row" className="govuk-table__header">
                      {cell}
                    </th>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the fixed columns
                    <td key={index} className={numericClass(index, 'govuk-table__cell')}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
              {row.detail !== undefined && (
                <tr
                  id={row.detail.id}
                  className="govuk-table__row app-table__detail-row"
                  hidden={!row.detail.open}
                >
                  <td className="govuk-table__cell" colSpan={columns.length}>
                    {row.detail.content}
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}
