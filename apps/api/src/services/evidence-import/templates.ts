import { INSTRUMENTS, LICENSED_INSTRUMENTS } from '@coproduce/domain';
import { stringify } from 'csv-stringify/sync';
import writeExcelFile, { type Row, type SheetData } from 'write-excel-file/node';
import {
  type ColumnSpec,
  columnsFor,
  type ImportKind,
  instrumentName,
  instrumentOf,
  isLicensed,
} from './columns.ts';

export type TemplateFormat = 'csv' | 'xlsx';

export interface TemplateFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: Buffer;
}

export interface TemplateContext {
  /** The programme's timepoints, listed in the guidance for answers files. */
  readonly timepoints: readonly { readonly code: string; readonly label: string }[];
}

export const MIME_TYPES: Record<TemplateFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function templateFileName(kind: ImportKind, format: TemplateFormat): string {
  const instrument = instrumentOf(kind);
  const stem =
    instrument === null ? 'participants' : `${instrument.toLowerCase().replace(/_/g, '-')}-answers`;
  return `${stem}-template.${format}`;
}

/**
 * A template to fill in. A CSV holds only the header row: any example row in it would be
 * imported, so the guidance lives in the Excel version's second sheet, "How to fill this in".
 */
export async function buildTemplate(
  kind: ImportKind,
  format: TemplateFormat,
  context: TemplateContext,
): Promise<TemplateFile> {
  const columns = columnsFor(kind);
  const fileName = templateFileName(kind, format);
  if (format === 'csv') {
    // The byte-order mark makes Excel open (and save) the file as UTF-8, so names keep accents.
    const content = Buffer.from(stringify([columns.map((c) => c.name)], { bom: true }), 'utf8');
    return { fileName, mimeType: MIME_TYPES.csv, content };
  }
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const content = await writeExcelFile([
    {
      sheet: kind === 'participants' ? 'Participants' : 'Answers',
      data: [columns.map((c) => ({ ...bold(c.name), format: '@' }))],
      columns: columns.map((c) => ({ width: Math.max(c.name.length + 4, 14) })),
      stickyRowsCount: 1,
    },
    {
      sheet: 'How to fill this in',
      data: guidance(kind, columns, context),
      columns: [{ width: 34 }, { width: 16 }, { width: 90 }, { width: 20 }],
    },
  ]).toBuffer();
  return { fileName, mimeType: MIME_TYPES.xlsx, content };
}

function guidance(kind: ImportKind, columns: readonly ColumnSpec[], context: TemplateContext) {
  const instrument = instrumentOf(kind);
  const heading = (value: string): Row => [{ value, fontWeight: 'bold', fontSize: 14 }];
  const text = (value: string): Row => [{ value, wrap: true, columnSpan: 4 }, null, null, null];
  const wrap = (value: string) => ({ value, wrap: true, alignVertical: 'top' as const });
  const data: SheetData = [
    heading(
      instrument === null
        ? 'How to fill in the participants template'
        : `How to fill in the ${instrumentName(instrument)} answers template`,
    ),
    text(
      instrument === null
        ? 'Put one row for each person on the first sheet, under the column headings. Do not change or remove the headings.'
        : 'Put one row for each completed questionnaire on the first sheet, under the column headings. Do not change or remove the headings.',
    ),
    text('Type dates as 31/12/2025 or 2025-12-31.'),
    text(
      'Nothing is imported unless every row is right. If something is wrong, you will see each row and column to fix: correct them and upload the whole file again.',
    ),
    text('Uploading the same file again changes nothing.'),
    [],
  ];
  if (instrument !== null && isLicensed(instrument)) {
    const tool = LICENSED_INSTRUMENTS[instrument];
    data.push(
      text(
        `${tool.name} is licensed by ${tool.licensor}: only the score from the licensed tool is recorded here, never its questions.`,
      ),
      [],
    );
  } else if (instrument !== null) {
    const definition = INSTRUMENTS[instrument];
    data.push(
      heading(definition.name),
      text(definition.stem),
      text(
        `Answers: ${definition.options.map((o) => `${o.value} = ${o.label}`).join('; ')}. Leave a cell blank if the question was not answered.`,
      ),
      [],
    );
  }
  data.push(
    ['Column', 'Must be filled in', 'What to enter', 'Example'].map((value) => ({
      value,
      fontWeight: 'bold' as const,
    })),
    ...columns.map(
      (c): Row => [
        { value: c.name, alignVertical: 'top' },
        { value: c.mustFill ? 'Yes' : 'No', alignVertical: 'top' },
        wrap(c.guidance),
        c.example ? { value: c.example, alignVertical: 'top', format: '@' } : null,
      ],
    ),
  );
  if (instrument !== null) {
    data.push(
      [],
      heading('Timepoints of this programme'),
      ['Timepoint', '', 'What it means'].map((value) => ({ value, fontWeight: 'bold' as const })),
      ...context.timepoints.map((t): Row => [t.code, null, t.label]),
    );
  }
  return data;
}
