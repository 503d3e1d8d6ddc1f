import { ZIdempotencyKey, ZPayBasis } from '@coproduce/domain';
import { z } from 'zod';
import { ZIsoDate } from '../workflow-schemas.ts';

export const ZWorkLogState = z.enum(['logged', 'confirmed', 'approved', 'rejected']);

export const ZWorkLog = z.object({
  id: z.uuid(),
  paidRoleId: z.uuid(),
  roleTitle: z.string(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  siteId: z.uuid(),
  siteName: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  kind: z.enum(['session', 'month']),
  sessionId: z.uuid().nullable(),
  session: z
    .object({
      heldOn: ZIsoDate,
      kind: z.string(),
      title: z.string(),
      durationMinutes: z.number().int(),
    })
    .nullable(),
  /** First day of the month, for monthly roles. */
  month: ZIsoDate.nullable(),
  minutes: z.number().int().nullable(),
  workedOn: ZIsoDate,
  state: ZWorkLogState,
  payBasis: ZPayBasis.nullable(),
  /** The payable's amount once approved; before that, what the role's rate would pay. */
  amountPence: z.number().int().nullable(),
  payableId: z.uuid().nullable(),
  confirmedByName: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  loggedAt: z.iso.datetime(),
});

export const ZLoggedWork = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), sessionId: z.uuid({ error: 'Choose a session' }) }),
  z.object({
    kind: z.literal('month'),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter a month like 2026-03'),
  }),
]);

export const ZReason = z.string().trim().max(2000, 'Keep the reason to 2,000 characters');

export { ZIdempotencyKey };
