import { formatPounds } from '@coproduce/domain';
import {
  openTaggedPdf,
  PDF_BORDER,
  PDF_MARGIN,
  PDF_SECONDARY,
  PDF_TEXT,
} from '../pdf/tagged-pdf.ts';

export interface RemittanceAdvice {
  readonly hubName: string;
  readonly payeeName: string;
  readonly runId: string;
  readonly processingDate: string | null;
  readonly accountEnding: string | null;
  readonly lines: ReadonlyArray<{
    reference: string;
    description: string;
    programmeName: string;
    amountPence: number;
    status: string;
  }>;
  readonly generatedAt: string;
}

const ukDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

/**
 * A remittance advice for one payee and one payment run: who paid, when, into which account (its
 * last three digits only), and each payment with its statement reference. A tagged A4 PDF in the
 * monitoring report's plain style.
 */
export function renderRemittancePdf(
  advice: RemittanceAdvice,
  options: { compress?: boolean } = {},
): Promise<Uint8Array> {
  const { doc, root, finish } = openTaggedPdf({
    title: `Remittance advice for ${advice.payeeName}`,
    author: advice.hubName,
    createdAt: new Date(advice.generatedAt),
    compress: options.compress,
  });
  const width = doc.page.width - PDF_MARGIN * 2;
  const text = (value: string, type: 'H1' | 'P', size: number, colour = PDF_TEXT, bold = false) =>
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .fillColor(colour)
      .text(value, PDF_MARGIN, doc.y, {
        width,
        paragraphGap: 6,
        structParent: root,
        structType: type,
      });

  text('Remittance advice', 'H1', 20, PDF_TEXT, true);
  text(`From ${advice.hubName}`, 'P', 11);
  text(`To ${advice.payeeName}`, 'P', 11);
  const total = advice.lines.reduce((sum, line) => sum + line.amountPence, 0);
  text(
    `${formatPounds(total)} ${advice.processingDate ? `paid by Bacs on ${ukDate(advice.processingDate)}` : 'to be paid by Bacs'}${advice.accountEnding ? ` into the account ending ${advice.accountEnding}` : ''}.`,
    'P',
    11,
  );
  text(`Payment run ${advice.runId}`, 'P', 9, PDF_SECONDARY);
  doc.moveDown(0.5);

  const header = ['Reference', 'For', 'Programme', 'Amount'].map((label, index) => ({
    text: label,
    type: 'TH' as const,
    scope: 'Column',
    font: { src: 'Helvetica-Bold' },
    border: { top: 0, right: 0, bottom: 1, left: 0 },
    borderColor: { bottom: PDF_TEXT },
    align: { x: index === 3 ? ('right' as const) : ('left' as const), y: 'bottom' as const },
  }));
  const body = advice.lines.map((line) => [
    { text: line.reference, type: 'TH' as const, scope: 'Row' },
    { text: line.status === 'failed' ? `${line.description} (returned)` : line.description },
    { text: line.programmeName },
    { text: formatPounds(line.amountPence), align: { x: 'right' as const } },
  ]);
  const totalRow = [
    { text: 'Total', type: 'TH' as const, scope: 'Row', font: { src: 'Helvetica-Bold' } },
    { text: '' },
    { text: '' },
    { text: formatPounds(total), font: { src: 'Helvetica-Bold' }, align: { x: 'right' as const } },
  ];
  doc.font('Helvetica').fontSize(9).fillColor(PDF_TEXT);
  doc.table({
    structParent: root,
    position: { x: PDF_MARGIN, y: doc.y },
    maxWidth: width,
    columnStyles: [width * 0.22, width * 0.38, width * 0.25, width * 0.15],
    defaultStyle: {
      border: { top: 0, right: 0, bottom: 0.5, left: 0 },
      borderColor: PDF_BORDER,
      padding: { top: 4, bottom: 4, left: 3, right: 3 },
      textColor: PDF_TEXT,
    },
    data: [header, ...body, totalRow],
  } as PDFKit.Mixins.TableOptionsWithData);
  doc.x = PDF_MARGIN;
  doc.moveDown(1);
  text(
    'The reference appears on your bank statement. Questions about this payment: contact the hub’s finance team.',
    'P',
    9,
    PDF_SECONDARY,
  );
  root.end();
  return finish();
}
