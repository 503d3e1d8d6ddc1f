import { z } from 'zod';

/** One funder's part of an amount (a claim line, a statement, a payable), in pence. */
export const ZFunderPence = z.object({
  organisationId: z.string(),
  pence: z.number().int(),
});
export type FunderPence = z.infer<typeof ZFunderPence>;
