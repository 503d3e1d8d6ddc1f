import { ZPaidRoleCheckKind } from '@coproduce/domain';
import { z } from 'zod';
import { ZIsoDate } from '../workflow-schemas.ts';

export const ZRoleTitle = z
  .string()
  .trim()
  .min(3, 'Enter a title of at least 3 characters')
  .max(200, 'Title must be 200 characters or fewer');

export const ZPaidRoleSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  siteId: z.uuid(),
  siteName: z.string(),
  holderName: z.string().nullable(),
  state: z.string(),
  version: z.number().int(),
  checks: z.array(
    z.object({
      kind: ZPaidRoleCheckKind,
      label: z.string(),
      status: z.enum(['valid', 'lapsing', 'expired', 'missing']),
      reference: z.string().nullable(),
      expiresOn: ZIsoDate.nullable(),
      recordedAt: z.iso.datetime().nullable(),
    }),
  ),
});
