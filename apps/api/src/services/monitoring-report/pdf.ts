import type { OutcomesReport } from '@coproduce/domain';
import PDFDocument from 'pdfkit';
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

/** GOV.UK Design System colours: text, secondary text, borders. */
const TEXT = '#0b0c0c';
const SECONDARY = '#505a5f';
const BORDER = '#b1b4b6';
const MARGIN = 57; // 2 cm
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
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    compress: options.compress ?? true,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: title,
      Author: labels.author,
      CreationDate: new Date(report.generatedAt),
    },
  });
  const done = new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const write = new Writer(doc, root, labels.notAvailable);

  write.heading(title, 'H1');
  const [summary, ...rest] = reportSections(report, labels);
  if (summary) write.section(summary);
  write.heading(labels['howToRead.heading'], 'H2');
  for (const paragraph of howToRead(labels)) write.paragraph(paragraph);
  for (const section of rest) write.section(section);

  root.end();
  write.footers(title, labels);
  doc.end();
  return done;
}

class Writer {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly root: PDFKit.PDFStructureElement,
    private readonly missing: string,
  ) {}

  private get width(): number {
    return this.doc.page.width - MARGIN * 2;
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
      .fillColor(TEXT)
      .text(text, MARGIN, this.doc.y, {
        width: this.width,
        paragraphGap: level === 'H1' ? 12 : 6,
        structParent: this.root,
        structType: level,
      });
  }

  paragraph(text: string, colour = TEXT) {
    this.doc
      .font('Helvetica')
      .fontSize(BODY_SIZE)
      .fillColor(colour)
      .text(text, MARGIN, this.doc.y, {
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
    for (const note of section.notes) this.paragraph(note, SECONDARY);
  }

  table(table: ReportTable) {
    // Single-line rows are about 17pt; a table that fits on a page is not split across two.
    const estimate = 30 + (table.rows.length + 1) * 18;
    const fitsOnAPage = estimate < this.doc.page.maxY() - MARGIN;
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
      borderColor: { bottom: TEXT },
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
    this.doc.font('Helvetica').fontSize(TABLE_SIZE).fillColor(TEXT);
    const options = {
      structParent: this.root,
      position: { x: MARGIN, y: this.doc.y },
      maxWidth: width,
      columnStyles: shown.map(({ column }) => ((column.weight ?? 1) / totalWeight) * width),
      defaultStyle: {
        border: { top: 0, right: 0, bottom: 0.5, left: 0 },
        borderColor: BORDER,
        padding: { top: 4, bottom: 4, left: 3, right: 3 },
        textColor: TEXT,
      },
      data: [header, ...body],
    };
    this.doc.table(options as PDFKit.Mixins.TableOptionsWithData);
    this.doc.x = MARGIN;
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
        .fillColor(SECONDARY)
        .text(
          fill(labels.footer, { title, page: index + 1, pages: count }),
          MARGIN,
          this.doc.page.height - MARGIN / 2 - 8,
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
