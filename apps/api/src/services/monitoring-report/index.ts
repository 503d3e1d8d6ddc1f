export { MONITORING_REPORT_LABELS_EN, type MonitoringReportLabels } from './labels.ts';
export { type PdfOptions, renderMonitoringReportPdf } from './pdf.ts';
export { reportTitle } from './sections.ts';
export { renderMonitoringReportXlsx } from './xlsx.ts';
