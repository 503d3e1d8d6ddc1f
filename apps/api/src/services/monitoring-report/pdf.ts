import type { OutcomesReport } from '@coproduce/domain';
import {
  openTaggedPdf,
  PDF_BORDER,
  PDF_MARGIN,
  PDF_SECONDARY,
  PDF_TEXT,
} from '../pdf/tagged-pdf.ts';
import { formatCount, formatDecimal, formatRate } from './format.ts';
import { fill, MONITORING_REPORT_LABELS_EN, type MonitoringReportLabels } from './labels.ts';
import {
  type CellKind,
  type CellValue,
  howToRead,
  isTypedCell,
  type ReportCell,
  type ReportColumn,
  type ReportTable,
  reportSections,
  reportTitle,
} from './sections.ts';

const BODY_SIZE = 10;
const TABLE_SIZE = 8;

export interface PdfOptions {
  /** Uncompressed content streams (tests read the text back). */
  readonly compress?: boolean;
}

/**
 * The quarterly monitoring report as an A4 PDF: plain GOV.UK-like typography in Helvetica,
 * tagged (headings, paragraphs and tables with header cells) so screen readers can follow it.
 */
export function renderMonitoringReportPdf(
  report: OutcomesReport,
  labels: MonitoringReportLabels = MONITORING_REPORT_LABELS_EN,
  options: PdfOptions = {},
): Promise<Uint8Array> {
  const title = reportTitle(report, labels);
  const { doc, root, finish } = openTaggedPdf({
    title,
    author: labels.author,
    createdAt: new Date(report.generatedAt),
    compress: options.compress,
  });
  const write = new Writer(doc, root, labels.notAvailable);

  write.heading(title, 'H1');
  const [summary, ...rest] = reportSections(report, labels);
  if (summary) write.section(summary);
  write.heading(labels['howToRead.heading'], 'H2');
  for (const paragraph of howToRead(labels)) write.paragraph(paragraph);
  for (const section of rest) write.section(section);

  root.end();
  write.footers(title, labels);
  return finish();
}

class Writer {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly root: PDFKit.PDFStructureElement,
    private readonly missing: string,
  ) {}

  private get width(): number {
    return this.doc.page.width - PDF_MARGIN * 2;
  }

  /** Starts a new page unless `height` points fit above the bottom margin. */
  private keep(height: number) {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
  }

  /**
   * A heading, kept with what follows it: a section heading with room for its first lines, a
   * table's title with the whole table when the table fits on a page.
   */
  heading(text: string, level: 'H1' | 'H2' | 'H3', keepWith = 0) {
    const size = { H1: 20, H2: 15, H3: 11 }[level];
    if (level !== 'H1') this.doc.moveDown(0.6);
    this.keep(level === 'H2' ? 220 : Math.max(90, keepWith));
    this.doc
      .font('Helvetica-Bold')
      .fontSize(size)
      .fillColor(PDF_TEXT)
      .text(text, PDF_MARGIN, this.doc.y, {
        width: this.width,
        paragraphGap: level === 'H1' ? 12 : 6,
        structParent: this.root,
        structType: level,
      });
  }

  paragraph(text: string, colour = PDF_TEXT) {
    this.doc
      .font('Helvetica')
      .fontSize(BODY_SIZE)
      .fillColor(colour)
      .text(text, PDF_MARGIN, this.doc.y, {
        width: this.width,
        paragraphGap: 6,
        lineGap: 1.5,
        structParent: this.root,
        structType: 'P',
      });
  }

  section(section: ReturnType<typeof reportSections>[number]) {
    this.heading(section.heading, 'H2');
    for (const paragraph of section.paragraphs) this.paragraph(paragraph);
    for (const table of section.tables) this.table(table);
    for (const note of section.notes) this.paragraph(note, PDF_SECONDARY);
  }

  table(table: ReportTable) {
    // Single-line rows are about 17pt; a table that fits on a page is not split across two.
    const estimate = 30 + (table.rows.length + 1) * 18;
    const fitsOnAPage = estimate < this.doc.page.maxY() - PDF_MARGIN;
    this.heading(table.title, 'H3', fitsOnAPage ? estimate : 0);
    if (table.rows.length === 0) {
      this.paragraph(table.empty ?? this.missing);
      return;
    }
    const shown = table.columns.flatMap((column, index) =>
      column.only === 'xlsx' ? [] : [{ column, index }],
    );
    const width = table.compact ? this.width * 0.65 : this.width;
    const totalWeight = shown.reduce((sum, { column }) => sum + (column.weight ?? 1), 0);
    const right = (column: ReportColumn, kind: CellKind) =>
      column.alignRight === true || kind !== 'text';
    const header = shown.map(({ column }) => ({
      text: column.header,
      type: 'TH' as const,
      scope: 'Column',
      font: { src: 'Helvetica-Bold' },
      border: { top: 0, right: 0, bottom: 1, left: 0 },
      borderColor: { bottom: PDF_TEXT },
      align: {
        x: right(column, column.kind) ? ('right' as const) : ('left' as const),
        y: 'bottom' as const,
      },
    }));
    const body = table.rows.map((row) =>
      shown.map(({ column, index }, position) => {
        const cell = row[index] ?? null;
        const kind = isTypedCell(cell) ? cell.kind : column.kind;
        return {
          text: cellText(cell, column, this.missing),
          ...(position === 0 ? { type: 'TH' as const, scope: 'Row' } : {}),
          align: { x: right(column, kind) ? ('right' as const) : ('left' as const) },
        };
      }),
    );
    this.doc.font('Helvetica').fontSize(TABLE_SIZE).fillColor(PDF_TEXT);
    const options = {
      structParent: this.root,
      position: { x: PDF_MARGIN, y: this.doc.y },
      maxWidth: width,
      columnStyles: shown.map(({ column }) => ((column.weight ?? 1) / totalWeight) * width),
      defaultStyle: {
        border: { top: 0, right: 0, bottom: 0.5, left: 0 },
        borderColor: PDF_BORDER,
        padding: { top: 4, bottom: 4, left: 3, right: 3 },
        textColor: PDF_TEXT,
      },
      data: [header, ...body],
    };
    this.doc.table(options as PDFKit.Mixins.TableOptionsWithData);
    this.doc.x = PDF_MARGIN;
    this.doc.moveDown(0.8);
  }

  /** "Title — page n of m" at the foot of every page, marked as a pagination artifact. */
  footers(title: string, labels: MonitoringReportLabels) {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index += 1) {
      this.doc.switchToPage(index);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.markContent('Artifact', { type: 'Pagination' });
      this.doc
        .font('Helvetica')
        .fontSize(7.5)
        .fillColor(PDF_SECONDARY)
        .text(
          fill(labels.footer, { title, page: index + 1, pages: count }),
          PDF_MARGIN,
          this.doc.page.height - PDF_MARGIN / 2 - 8,
          { width: this.width, lineBreak: false, ellipsis: true, height: 10 },
        );
      this.doc.endMarkedContent();
      this.doc.page.margins.bottom = bottom;
    }
  }
}

function cellText(cell: ReportCell, column: ReportColumn, missing: string): string {
  const value: CellValue = isTypedCell(cell) ? cell.value : cell;
  const kind = isTypedCell(cell) ? cell.kind : column.kind;
  if (value === null) return missing;
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return formatCount(value);
    case 'rate':
      return formatRate(value, missing);
    case 'decimal1':
      return formatDecimal(value, 1, missing);
    case 'decimal2':
      return formatDecimal(value, 2, missing);
    default:
      return String(value);
  }
}
