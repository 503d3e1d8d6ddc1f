import type { Database } from '@coproduce/db';
import type { OutcomesReport } from '@coproduce/domain';
import type { ActingMember } from '../../trpc/context.ts';
import { auditDecision } from '../audit-service.ts';
import { outcomesReport } from '../outcomes-service.ts';
import { MONITORING_REPORT_LABELS_EN } from './labels.ts';
import { renderMonitoringReportPdf } from './pdf.ts';
import { renderMonitoringReportXlsx } from './xlsx.ts';

export type MonitoringReportFormat = 'pdf' | 'xlsx';

const MIME_TYPES: Record<MonitoringReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface MonitoringReportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly contentBase64: string;
}

/**
 * The quarterly monitoring report as a file, built from the same outcomes report the hub shows
 * the reader (so it suppresses exactly what the screen suppresses). The download is recorded in
 * the audit trail: who took which figures away, and when.
 */
export async function downloadMonitoringReport(
  db: Database,
  actor: ActingMember,
  input: {
    programmeId: string;
    siteId?: string | undefined;
    periodNumber?: number | undefined;
    format: MonitoringReportFormat;
  },
  /** Where the figures are read (a replica, for scale-out); the audit entry always goes to `db`. */
  readDb: Database = db,
): Promise<MonitoringReportFile> {
  const report = await outcomesReport(readDb, actor, input);
  const content =
    input.format === 'pdf'
      ? await renderMonitoringReportPdf(report, MONITORING_REPORT_LABELS_EN)
      : await renderMonitoringReportXlsx(report, MONITORING_REPORT_LABELS_EN);
  await db.transaction((tx) =>
    auditDecision(tx, actor, {
      action: 'outcomes.report-downloaded',
      objectType: 'programme',
      objectId: input.programmeId,
      detail: {
        programmeId: input.programmeId,
        siteId: input.siteId ?? null,
        periodNumber: input.periodNumber ?? null,
        format: input.format,
      },
    }),
  );
  return {
    fileName: monitoringReportFileName(report, input.format),
    mimeType: MIME_TYPES[input.format],
    contentBase64: Buffer.from(content).toString('base64'),
  };
}

/** `monitoring-report-family-therapy-clinics-period-2.pdf`: plain ASCII, safe on every system. */
export function monitoringReportFileName(
  report: Pick<OutcomesReport, 'programme' | 'site' | 'period'>,
  format: MonitoringReportFormat,
): string {
  const parts = [
    'monitoring-report',
    slug(report.programme.name),
    ...(report.site ? [slug(report.site.name)] : []),
    report.period ? `period-${report.period.number}` : 'to-date',
  ];
  return `${parts.filter((part) => part !== '').join('-')}.${format}`;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}
