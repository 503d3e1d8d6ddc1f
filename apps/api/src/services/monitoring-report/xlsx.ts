import type { OutcomesReport } from '@coproduce/domain';
import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/node';
import { MONITORING_REPORT_LABELS_EN, type MonitoringReportLabels } from './labels.ts';
import {
  type CellKind,
  howToRead,
  isTypedCell,
  type ReportCell,
  type ReportColumn,
  type ReportSection,
  reportSections,
  reportTitle,
} from './sections.ts';

const NUMBER_FORMAT: Record<Exclude<CellKind, 'text'>, string> = {
  count: '#,##0',
  rate: '0.0%',
  decimal1: '0.0',
  decimal2: '0.00',
};

/**
 * The monitoring report as a workbook, one sheet per section. Figures are numbers (rates as
 * fractions formatted as percentages), so analysts can work with them; `'<5'` stays text and
 * a figure that is withheld or does not apply is an empty cell.
 */
export async function renderMonitoringReportXlsx(
  report: OutcomesReport,
  labels: MonitoringReportLabels = MONITORING_REPORT_LABELS_EN,
): Promise<Uint8Array> {
  const title = reportTitle(report, labels);
  const sheets = reportSections(report, labels).map(
    (section): Sheet<Buffer> =>
      toSheet(
        section,
        section.id === 'summary'
          ? { before: [title], after: [labels['howToRead.heading'], ...howToRead(labels)] }
          : { before: [], after: [] },
      ),
  );
  const buffer = await writeXlsxFile(sheets, { fontFamily: 'Arial', fontSize: 11 }).toBuffer();
  return new Uint8Array(buffer);
}

function toSheet(
  section: ReportSection,
  extra: { before: readonly string[]; after: readonly string[] },
): Sheet<Buffer> {
  const rows: Row[] = [];
  const blank = () => rows.push([]);
  for (const line of extra.before) rows.push([{ value: line, fontWeight: 'bold', fontSize: 14 }]);
  rows.push([{ value: section.heading, fontWeight: 'bold', fontSize: 13 }]);
  for (const paragraph of section.paragraphs) rows.push([paragraph]);
  for (const table of section.tables) {
    blank();
    rows.push([{ value: table.title, fontWeight: 'bold' }]);
    const columns = table.columns.flatMap((column, index) =>
      column.only === 'pdf' ? [] : [{ column, index }],
    );
    if (table.rows.length === 0) {
      rows.push([table.empty ?? '']);
      continue;
    }
    rows.push(
      columns.map(({ column }) => ({
        value: column.header,
        fontWeight: 'bold' as const,
        align: column.kind === 'text' ? ('left' as const) : ('right' as const),
        wrap: true,
        bottomBorderStyle: 'medium' as const,
      })),
    );
    for (const row of table.rows) {
      rows.push(columns.map(({ column, index }) => toCell(row[index] ?? null, column)));
    }
  }
  if (section.notes.length > 0 || extra.after.length > 0) blank();
  for (const note of section.notes) rows.push([note]);
  if (extra.after.length > 0) {
    const [heading, ...paragraphs] = extra.after;
    rows.push([{ value: heading, fontWeight: 'bold', fontSize: 13 }]);
    for (const paragraph of paragraphs) rows.push([paragraph]);
  }
  const widest = Math.max(1, ...rows.map((row) => row.length));
  return {
    sheet: section.sheet,
    data: rows,
    columns: Array.from({ length: widest }, (_, index) => ({ width: index === 0 ? 48 : 16 })),
  };
}

function toCell(cell: ReportCell, column: ReportColumn): Cell {
  const value = isTypedCell(cell) ? cell.value : cell;
  const kind = isTypedCell(cell) ? cell.kind : column.kind;
  if (value === null) return null;
  if (typeof value === 'string') {
    return { value, type: String, ...(kind === 'text' ? {} : { align: 'right' as const }) };
  }
  if (kind === 'text') return { value: String(value), type: String };
  return { value, type: Number, format: NUMBER_FORMAT[kind] };
}
