import { ZIdempotencyKey } from '@coproduce/domain';
import { z } from 'zod';
import { ZIsoDate } from '../workflow-schemas.ts';

export const ZRunId = z.uuid({ error: 'That payment run link is not valid' });

export const ZExclusion = z.object({
  payableId: z.uuid(),
  payeeName: z.string(),
  description: z.string(),
  amountPence: z.number().int(),
  /** Why it was left out, e.g. "Enhanced DBS check expired on 2026-03-01". */
  reason: z.string(),
});

export const ZRunStep = z.object({ runId: z.uuid(), state: z.string(), version: z.number().int() });

export const ZFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});

export const ZConfirmationResults = ZRunStep.extend({
  results: z.array(
    z.object({
      lineId: z.uuid(),
      /** `already-decided`: the line was paid or failed before; nothing changed. */
      result: z.enum(['paid', 'failed', 'already-decided']),
      status: z.string(),
    }),
  ),
  /** Lines still waiting for the bank; the run completes at 0. */
  remaining: z.number().int(),
});

export { ZIdempotencyKey, ZIsoDate };
