import { z } from 'zod';
import { ZImportKind } from '../../services/evidence-import/columns.ts';
import { MAX_FILE_BYTES } from '../../services/evidence-import/parse.ts';

export const ZSiteProgramme = z.object({
  programmeId: z.uuid(),
  siteId: z.uuid({ error: 'Choose a site' }),
  kind: ZImportKind,
});

/** Base64 of the largest file we take: 4 characters for every 3 bytes. */
const MAX_BASE64_LENGTH = Math.ceil(MAX_FILE_BYTES / 3) * 4;

/** The HTTP body an upload may need: the file in base64 and a little JSON around it. */
export const UPLOAD_BODY_LIMIT = MAX_BASE64_LENGTH + 64 * 1024;

export const ZUploadInput = ZSiteProgramme.extend({
  fileName: z
    .string()
    .trim()
    .min(1, 'Select a CSV or Excel file')
    .max(255, 'The file name must be 255 characters or fewer'),
  contentBase64: z
    .string()
    .min(1, 'The selected file is empty')
    .max(MAX_BASE64_LENGTH, 'The selected file must be smaller than 15 MB')
    .regex(
      /^[A-Za-z0-9+/]*={0,2}$/,
      'The file did not arrive whole. Select it and upload it again.',
    ),
});

export const ZImportProblem = z.object({
  row: z.number().int(),
  column: z.string(),
  problem: z.string(),
});

export const ZUploadResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), importId: z.uuid(), rows: z.number().int() }),
  z.object({
    status: z.literal('refused'),
    problems: z.array(ZImportProblem),
    totalProblems: z.number().int(),
  }),
  z.object({
    status: z.literal('already-imported'),
    importedAt: z.string(),
    importedBy: z.string(),
  }),
]);

export const ZTemplateFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});

export const ZImportChoices = z.object({
  programmeName: z.string(),
  /** Why the programme takes no records now; null while it does. */
  closedBecause: z.string().nullable(),
  kinds: z.array(
    z.object({ kind: ZImportKind, instrument: z.string().nullable(), name: z.string() }),
  ),
  timepoints: z.array(z.object({ code: z.string(), label: z.string() })),
});
