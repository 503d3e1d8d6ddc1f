import { ZPence } from '@coproduce/domain';
import { z } from 'zod';
import { ZIsoDate } from '../workflow-schemas.ts';

export const ZMilestoneFields = z.object({
  title: z
    .string()
    .trim()
    .min(3, 'Enter a title of at least 3 characters')
    .max(200, 'Title must be 200 characters or fewer'),
  evidenceRequired: z
    .string()
    .trim()
    .max(2000, 'Evidence required must be 2,000 characters or fewer')
    .default(''),
  dueOn: ZIsoDate.nullable().default(null),
  valuePence: ZPence,
  siteId: z.uuid({ error: 'Choose a site' }).nullable().default(null),
});

export const ZMilestoneSummary = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  title: z.string(),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  dueOn: ZIsoDate.nullable(),
  valuePence: z.number().int(),
  state: z.string(),
  version: z.number().int(),
});
