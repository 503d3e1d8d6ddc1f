import { ZRole } from '@coproduce/domain';
import { z } from 'zod';

/** Shared by every workflow's transition, allowed-actions and history procedures. */
export const ZTransitionFields = {
  expectedVersion: z.number({ error: 'Reload the page and try again' }).int().positive(),
  event: z.string().regex(/^[A-Z_]{2,40}$/, 'Choose an action'),
  reason: z.string().trim().max(2000, 'Keep the reason to 2,000 characters').optional(),
};

export const ZTransitionResult = z.object({ state: z.string(), version: z.number().int() });

export const ZAllowedActions = z.object({
  state: z.string(),
  version: z.number().int(),
  actions: z.array(
    z.object({ event: z.string(), needsReason: z.boolean(), blockedBy: z.array(z.string()) }),
  ),
});

export const ZHistory = z.object({
  transitions: z.array(
    z.object({
      version: z.number().int(),
      event: z.string(),
      from: z.string(),
      to: z.string(),
      at: z.iso.datetime(),
      reason: z.string().nullable(),
      actor: z.object({ personId: z.uuid(), name: z.string(), role: ZRole.nullable() }).nullable(),
    }),
  ),
});

export const ZIsoDate = z.iso.date({ error: 'Enter a date like 2027-03-31' });
