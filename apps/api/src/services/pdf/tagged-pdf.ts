import PDFDocument from 'pdfkit';

/** GOV.UK Design System colours every Coproduce PDF uses: text, secondary text, borders. */
export const PDF_TEXT = '#0b0c0c';
export const PDF_SECONDARY = '#505a5f';
export const PDF_BORDER = '#b1b4b6';
/** 2 cm. */
export const PDF_MARGIN = 57;

export interface TaggedPdfOptions {
  readonly title: string;
  readonly author: string;
  readonly createdAt: Date;
  /** Uncompressed content streams (tests read the text back). */
  readonly compress?: boolean | undefined;
}

export interface TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  /** The document's structure root: headings, paragraphs and tables hang from it. */
  readonly root: PDFKit.PDFStructureElement;
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Uint8Array>;
}

/**
 * An A4, tagged PDF (so screen readers can follow headings, paragraphs and tables) with its
 * title shown and its bytes collected: the monitoring report, claim statements and remittance
 * advices all start here.
 */
export function openTaggedPdf({
  title,
  author,
  createdAt,
  compress = true,
}: TaggedPdfOptions): TaggedPdf {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PDF_MARGIN, bottom: PDF_MARGIN, left: PDF_MARGIN, right: PDF_MARGIN },
    compress,
    bufferPages: true,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: title, Author: author, CreationDate: createdAt },
  });
  const bytes = new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  return {
    doc,
    root,
    finish() {
      doc.end();
      return bytes;
    },
  };
}
