import {
  type Database,
  findOrganisationById,
  listClaimLines,
  listClaimStatements,
} from '@coproduce/db';
import { DomainError, formatPounds, stateWords } from '@coproduce/domain';
import { stringify } from 'csv-stringify/sync';
import type { ActingMember } from '../../trpc/context.ts';
import { auditDecision } from '../audit-service.ts';
import { formatDay } from '../monitoring-report/format.ts';
import {
  openTaggedPdf,
  PDF_BORDER,
  PDF_MARGIN,
  PDF_SECONDARY,
  PDF_TEXT,
} from '../pdf/tagged-pdf.ts';
import { requireProgramme } from '../programme-service.ts';
import { requireClaim } from './claim-service.ts';

export type StatementFormat = 'csv' | 'pdf';

/** One line of a funder's statement: a live claim line and the funder's part of it. */
export interface StatementLine {
  readonly achievedOn: string;
  /** The participant's pseudonymous code, or `milestone` for a programme-level outcome. */
  readonly subject: string;
  readonly outcomeCode: string;
  readonly occurrence: number;
  readonly pricePence: number;
  readonly amountPence: number;
  readonly funderPence: number;
  readonly note: string;
}

/** What a funder's statement says: the claim, the funder's lines, its total and settlement. */
export interface ClaimStatement {
  readonly claimId: string;
  readonly programmeName: string;
  readonly hubName: string;
  readonly funderName: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly state: string;
  readonly issuedAt: string;
  readonly claimTotalPence: number;
  readonly amountPence: number;
  readonly settledAt: string | null;
  readonly settlementReference: string | null;
  readonly lines: readonly StatementLine[];
}

/**
 * The statement of one funder on an approved (or settled) claim, from the stored statement and
 * the claim's live lines. Participants appear by pseudonymous code only.
 */
export async function claimStatement(
  db: Database,
  actor: ActingMember,
  input: { claimId: string; funderOrganisationId: string },
): Promise<ClaimStatement> {
  const claim = await requireClaim(db, actor, input.claimId);
  const statements = await listClaimStatements(db, [claim.id]);
  const mine = statements.find(
    (s) => s.statement.funderOrganisationId === input.funderOrganisationId,
  );
  if (!mine) {
    throw new DomainError(
      statements.length === 0 ? 'precondition-failed' : 'not-found',
      statements.length === 0
        ? `Statements are issued when the claim is approved; this claim is ${stateWords(claim.state)}.`
        : 'That funder has no statement on this claim.',
      'funderOrganisationId',
    );
  }
  const programme = await requireProgramme(db, actor, claim.programmeId);
  const hub = await findOrganisationById(db, programme.hubOrganisationId);
  const rows = await listClaimLines(db, { networkId: actor.networkId, claimId: claim.id });
  const lines = rows
    .filter(({ line }) => line.live)
    .map(({ line, participantCode }) => ({
      achievedOn: line.achievedOn,
      subject: participantCode ?? 'milestone',
      outcomeCode: line.outcomeCode,
      occurrence: line.occurrence,
      pricePence: line.pricePence,
      amountPence: line.amountPence,
      funderPence:
        line.funderSplits.find((s) => s.organisationId === input.funderOrganisationId)?.pence ?? 0,
      note: line.note,
    }));
  return {
    claimId: claim.id,
    programmeName: programme.name,
    hubName: hub?.name ?? '',
    funderName: mine.funderName,
    periodStart: claim.periodStart,
    periodEnd: claim.periodEnd,
    state: claim.state,
    issuedAt: mine.statement.issuedAt.toISOString(),
    claimTotalPence: claim.totalPence,
    amountPence: mine.statement.amountPence,
    settledAt: mine.statement.settledAt?.toISOString() ?? null,
    settlementReference: mine.statement.settlementReference,
    lines,
  };
}

/** Pence as pounds with two decimals and no thousands separator, without floating point. */
export function poundsText(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** One row per claim line, then a total row: amounts in pounds, exact to the penny. */
export function statementCsv(statement: ClaimStatement): string {
  const rows = statement.lines.map((line) => [
    line.achievedOn,
    line.subject,
    line.outcomeCode,
    line.occurrence,
    poundsText(line.pricePence),
    poundsText(line.amountPence),
    poundsText(line.funderPence),
    line.note,
  ]);
  return stringify(
    [
      ...rows,
      [
        'Total',
        '',
        '',
        '',
        '',
        poundsText(statement.claimTotalPence),
        poundsText(statement.amountPence),
        '',
      ],
    ],
    {
      header: true,
      columns: [
        'achieved_on',
        'participant_code',
        'outcome_code',
        'occurrence',
        'price_gbp',
        'line_amount_gbp',
        `${slug(statement.funderName).replaceAll('-', '_')}_part_gbp`,
        'note',
      ],
      record_delimiter: 'windows',
    },
  );
}

/**
 * The statement as an A4 PDF in the monitoring report's style: GOV.UK-like typography in
 * Helvetica, tagged headings, paragraphs and a table with header cells.
 */
export function statementPdf(
  statement: ClaimStatement,
  options: { compress?: boolean } = {},
): Promise<Uint8Array> {
  const title = `Outcomes claim statement for ${statement.funderName}`;
  const { doc, root, finish } = openTaggedPdf({
    title,
    author: statement.hubName,
    createdAt: new Date(statement.issuedAt),
    compress: options.compress,
  });
  const width = doc.page.width - PDF_MARGIN * 2;
  const text = (
    value: string,
    size: number,
    bold: boolean,
    structType: string,
    colour = PDF_TEXT,
  ) =>
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .fillColor(colour)
      .text(value, PDF_MARGIN, doc.y, {
        width,
        paragraphGap: 6,
        lineGap: 1.5,
        structParent: root,
        structType,
      } as PDFKit.Mixins.TextOptions);

  text(title, 20, true, 'H1');
  text(
    `${statement.programmeName}, ${formatDay(statement.periodStart)} to ${formatDay(statement.periodEnd)}`,
    11,
    false,
    'P',
  );
  text(
    `${statement.hubName} claims ${formatPounds(statement.amountPence)} from ${statement.funderName}: its share of the ${formatPounds(statement.claimTotalPence)} this claim totals.`,
    10,
    false,
    'P',
  );
  text(
    statement.settledAt
      ? `Paid on ${formatDay(statement.settledAt.slice(0, 10))}, reference ${statement.settlementReference ?? 'not given'}.`
      : `Issued on ${formatDay(statement.issuedAt.slice(0, 10))}; not yet paid.`,
    10,
    false,
    'P',
  );
  text(
    `Claim reference ${statement.claimId}. Participants are shown by pseudonymous code only.`,
    8,
    false,
    'P',
    PDF_SECONDARY,
  );
  doc.moveDown(0.6);
  text('Lines', 15, true, 'H2');
  if (statement.lines.length === 0) {
    text('This claim has no lines.', 10, false, 'P');
  } else {
    const header = ['Achieved', 'Participant', 'Outcome', 'Price', 'Claimed', 'Your part', 'Note'];
    const right = new Set([3, 4, 5]);
    const weights = [1.1, 1.3, 1.2, 0.9, 0.9, 0.9, 2.6];
    const total = weights.reduce((a, b) => a + b, 0);
    const data = [
      header.map((h, i) => ({
        text: h,
        type: 'TH' as const,
        scope: 'Column',
        font: { src: 'Helvetica-Bold' },
        border: { top: 0, right: 0, bottom: 1, left: 0 },
        borderColor: { bottom: PDF_TEXT },
        align: { x: right.has(i) ? ('right' as const) : ('left' as const), y: 'bottom' as const },
      })),
      ...statement.lines.map((line) =>
        [
          line.achievedOn,
          line.subject,
          line.occurrence > 1 ? `${line.outcomeCode} (${line.occurrence})` : line.outcomeCode,
          formatPounds(line.pricePence),
          formatPounds(line.amountPence),
          formatPounds(line.funderPence),
          line.note,
        ].map((cell, i) => ({
          text: cell,
          ...(i === 0 ? { type: 'TH' as const, scope: 'Row' } : {}),
          align: { x: right.has(i) ? ('right' as const) : ('left' as const) },
        })),
      ),
      [
        'Total',
        '',
        '',
        '',
        formatPounds(statement.claimTotalPence),
        formatPounds(statement.amountPence),
        '',
      ].map((cell, i) => ({
        text: cell,
        ...(i === 0 ? { type: 'TH' as const, scope: 'Row' } : {}),
        font: { src: 'Helvetica-Bold' },
        align: { x: right.has(i) ? ('right' as const) : ('left' as const) },
      })),
    ];
    doc.font('Helvetica').fontSize(8).fillColor(PDF_TEXT);
    doc.table({
      structParent: root,
      position: { x: PDF_MARGIN, y: doc.y },
      maxWidth: width,
      columnStyles: weights.map((w) => (w / total) * width),
      defaultStyle: {
        border: { top: 0, right: 0, bottom: 0.5, left: 0 },
        borderColor: PDF_BORDER,
        padding: { top: 4, bottom: 4, left: 3, right: 3 },
        textColor: PDF_TEXT,
      },
      data,
    } as unknown as PDFKit.Mixins.TableOptionsWithData);
  }
  root.end();
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(PDF_SECONDARY)
      .text(
        `${title} — page ${index + 1} of ${count}`,
        PDF_MARGIN,
        doc.page.height - PDF_MARGIN / 2 - 8,
        {
          width,
          lineBreak: false,
          ellipsis: true,
          height: 10,
        },
      );
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  return finish();
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

const MIME_TYPES: Record<StatementFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * A funder's statement as a file, base64-encoded for the browser to save (the monitoring
 * report's transport). Each download is audited: who took which funder's statement away.
 */
export async function downloadClaimStatement(
  db: Database,
  actor: ActingMember,
  input: { claimId: string; funderOrganisationId: string; format: StatementFormat },
) {
  const statement = await claimStatement(db, actor, input);
  const content =
    input.format === 'pdf'
      ? await statementPdf(statement)
      : new TextEncoder().encode(statementCsv(statement));
  await db.transaction((tx) =>
    auditDecision(tx, actor, {
      action: 'claim.statement-downloaded',
      objectType: 'claim',
      objectId: statement.claimId,
      detail: { funderOrganisationId: input.funderOrganisationId, format: input.format },
    }),
  );
  return {
    fileName: `claim-statement-${slug(statement.programmeName)}-${statement.periodStart}-to-${statement.periodEnd}-${slug(statement.funderName)}.${input.format}`,
    mimeType: MIME_TYPES[input.format],
    contentBase64: Buffer.from(content).toString('base64'),
  };
}
