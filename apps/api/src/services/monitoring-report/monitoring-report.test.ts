import { inflateSync } from 'node:zlib';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import {
  buildEmptyOutcomesReport,
  buildOutcomesReport,
} from '../../test-support/outcomes-report-fixture.ts';
import { countDifference, formatCount, formatRate, roundTo } from './format.ts';
import { renderMonitoringReportPdf, renderMonitoringReportXlsx } from './index.ts';
import { MONITORING_REPORT_LABELS_EN as labels } from './labels.ts';

/** Windows-1252's printable characters between 0x80 and 0x9f that the report uses. */
const WIN_ANSI: Record<number, string> = {
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  150: '–',
  151: '—',
};
const decode = (bytes: Buffer) =>
  [...bytes].map((byte) => WIN_ANSI[byte] ?? String.fromCharCode(byte)).join('');

/**
 * The text a PDF draws, page by page: the hex strings of every `TJ`/`Tj` in its content streams
 * (pdfkit writes Helvetica text as hex, in Windows-1252), decoded and joined.
 */
function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const streams: string[] = [];
  const pattern = /(?<!end)stream\r?\n/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = Buffer.from(raw.slice(start, end), 'latin1');
    const header = raw.slice(Math.max(0, match.index - 200), match.index);
    streams.push(
      header.includes('/FlateDecode')
        ? inflateSync(bytes).toString('latin1')
        : bytes.toString('latin1'),
    );
  }
  return streams
    .flatMap((content) =>
      [...content.matchAll(/\[(.*?)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)].map((operation) => {
        const hex =
          operation[2] ??
          [...(operation[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
        return decode(Buffer.from(hex, 'hex'));
      }),
    )
    .join(' ');
}

/** Lines wrap anywhere: compare text with the spaces taken out. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('format', () => {
  it('shows "<5" as it is and other counts with thousands separators', () => {
    expect(formatCount('<5')).toBe('<5');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(57060)).toBe('57,060');
  });

  it('shows rates as percentages to one decimal place, rounding half up', () => {
    expect(formatRate(27_884 / (57_060 - 3_200), '–')).toBe('51.8%');
    expect(formatRate(0.27, '–')).toBe('27.0%');
    expect(formatRate(0.70588, '–')).toBe('70.6%');
    expect(formatRate(null, '–')).toBe('–');
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-6.15, 1)).toBe(-6.2);
    expect(roundTo(1e-9, 1)).toBe(0);
  });

  it('works out a denominator only from unsuppressed counts, and suppresses a small one', () => {
    expect(countDifference(52, 9, true)).toBe(43);
    expect(countDifference(52, '<5', true)).toBeNull();
    expect(countDifference(12, 9, true)).toBe('<5');
    expect(countDifference(12, 9, false)).toBe(3);
    expect(countDifference(9, 9, true)).toBe('<5');
    expect(countDifference(9, 9, false)).toBe(0);
  });
});

describe('renderMonitoringReportPdf', () => {
  it('renders an A4, tagged PDF titled with the programme and period', async () => {
    const report = buildOutcomesReport();
    const pdf = await renderMonitoringReportPdf(report, labels, { compress: false });
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Lang (en-GB)');

    const text = squeeze(pdfText(pdf));
    expect(text).toContain(
      squeeze(
        'Quarterly monitoring report — Family therapy clinics led by trained faith leaders — period 2 (1 April 2025 to 30 June 2025)',
      ),
    );
    expect(text).toContain(squeeze(labels['howToRead.heading']));
    expect(text).toContain(squeeze(labels['howToRead.caseness']));
    // Figures: a count, a suppressed count, a rate, an interval and a withheld figure.
    expect(text).toContain(squeeze("St Brigid's Community Church"));
    expect(text).toContain(
      squeeze('Recovery rate 22 43 finished treatment minus not at caseness at the start 51.2%'),
    );
    expect(text).toContain('Reliablydeteriorated<5');
    expect(text).toContain('-7.4to-4.8');
    expect(text).toContain(squeeze('ONS4 life satisfaction higher <5 – – – –'));
    expect(text).toContain(squeeze('3-month follow-up 85 23 27.1% 16 69.6% <5 19 <5'));
  });

  it('compresses by default and is the same for the same report', async () => {
    const report = buildOutcomesReport();
    const first = await renderMonitoringReportPdf(report, labels);
    const second = await renderMonitoringReportPdf(report, labels);
    expect(Buffer.from(first.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.from(first).toString('latin1')).toContain('/FlateDecode');
    expect(Buffer.compare(first, second)).toBe(0);
  });

  it('says so when nothing is recorded yet', async () => {
    const pdf = await renderMonitoringReportPdf(buildEmptyOutcomesReport(), labels, {
      compress: false,
    });
    const text = squeeze(pdfText(pdf));
    expect(text).toContain(
      squeeze(
        labels.titleNoPeriod.replace(
          '{programme}',
          'Family therapy clinics led by trained faith leaders',
        ),
      ),
    );
    expect(text).toContain(squeeze(labels['outcomes.empty']));
    expect(text).toContain(squeeze(labels['rounds.empty']));
  });
});

describe('renderMonitoringReportXlsx', () => {
  it('has one sheet per section, and the figures read back as numbers', async () => {
    const workbook = await readXlsxFile(
      Buffer.from(await renderMonitoringReportXlsx(buildOutcomesReport())),
    );
    expect(workbook.map((sheet) => sheet.sheet)).toEqual([
      'Summary',
      'Outcomes',
      'Talking Therapies',
      'Data quality',
      'Collection rounds',
      'Equality',
    ]);
    const sheet = (name: string) => workbook.find((s) => s.sheet === name)?.data ?? [];
    /** The row that starts with `first`, without the empty cells the sheet's width adds. */
    const row = (name: string, first: string) => {
      const found = [...(sheet(name).find((r) => r[0] === first) ?? [])];
      while (found.length > 0 && found.at(-1) === null) found.pop();
      return found.length > 0 ? found : undefined;
    };

    expect(sheet('Summary')[0]?.[0]).toMatch(/^Quarterly monitoring report — Family therapy/);
    expect(row('Summary', 'Baseline coverage')?.[1]).toBeCloseTo(0.875);
    expect(row('Summary', labels['howToRead.suppression'])).toBeDefined();

    expect(row('Outcomes', 'Measure')).toEqual([
      'Measure',
      'Better when',
      'People',
      'Mean at baseline',
      'Mean at last score',
      'Mean change',
      '95% CI lower',
      '95% CI upper',
      'Effect size (d)',
      'Reliably improved',
      'Share reliably improved',
    ]);
    expect(row('Outcomes', 'PHQ-9 (depression)')).toEqual([
      'PHQ-9 (depression)',
      'lower',
      45,
      15.2,
      9.1,
      -6.1,
      -7.4,
      -4.8,
      -1.38,
      27,
      0.6,
    ]);
    // Suppressed counts stay "<5"; withheld figures are empty.
    expect(row('Outcomes', 'ONS4 life satisfaction')).toEqual([
      'ONS4 life satisfaction',
      'higher',
      '<5',
    ]);
    expect(row('Outcomes', 'moderately severe')).toEqual(['moderately severe', 13, 6]);

    expect(row('Talking Therapies', 'Recovery rate')?.slice(0, 3)).toEqual([
      'Recovery rate',
      22,
      43,
    ]);
    expect(row('Talking Therapies', 'Recovery rate')?.[4]).toBeCloseTo(22 / 43);
    expect(row('Talking Therapies', 'Reliably deteriorated')).toEqual([
      'Reliably deteriorated',
      '<5',
    ]);

    expect(row('Data quality', "St Brigid's Community Church")?.slice(0, 4)).toEqual([
      "St Brigid's Community Church",
      38,
      34,
      34 / 38,
    ]);
    expect(row('Collection rounds', '3-month follow-up')).toEqual([
      '3-month follow-up',
      85,
      23,
      23 / 85,
      16,
      16 / 23,
      '<5',
      19,
      '<5',
    ]);
    expect(row('Equality', '65 and over')).toEqual(['65 and over', '<5']);
  });
});
