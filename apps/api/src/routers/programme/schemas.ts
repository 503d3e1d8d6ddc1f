import { z } from 'zod';
import { ZIsoDate } from '../workflow-schemas.ts';

/** A count, or "<5" for readers outside the site. */
export const ZReportCount = z.union([z.number().int(), z.literal('<5')]);

export const ZProgrammeSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  stage: z.string(),
  state: z.string(),
  budgetPence: z.number().int(),
  overdueReturn: z.boolean(),
  sites: z.array(z.object({ id: z.uuid(), name: z.string() })),
  funders: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      shareBasisPoints: z.number().int(),
      signedOff: z.boolean(),
    }),
  ),
  updatedAt: z.iso.datetime(),
});

export const ZProgrammeView = z.object({
  id: z.uuid(),
  name: z.string(),
  need: z.string(),
  population: z.string(),
  budgetPence: z.number().int(),
  delegationLimitPence: z.number().int(),
  baselineThresholdPercent: z.number().int(),
  minimumCohort: z.number().int(),
  reportingPeriodMonths: z.number().int(),
  returnDueDays: z.number().int(),
  state: z.string(),
  stage: z.string(),
  version: z.number().int(),
  editable: z.boolean(),
  sites: z.array(
    z.object({
      organisationId: z.uuid(),
      name: z.string(),
      category: z.string().nullable(),
      enrolled: ZReportCount,
      withBaseline: ZReportCount,
    }),
  ),
  funders: z.array(
    z.object({
      organisationId: z.uuid(),
      name: z.string(),
      shareBasisPoints: z.number().int(),
      signedOffAt: z.iso.datetime().nullable(),
    }),
  ),
  periods: z.array(
    z.object({
      number: z.number().int(),
      startsOn: ZIsoDate,
      endsOn: ZIsoDate,
      returnDueOn: ZIsoDate,
      returnSubmittedAt: z.iso.datetime().nullable(),
      returnAcceptedAt: z.iso.datetime().nullable(),
      overdue: z.boolean(),
    }),
  ),
  milestones: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      siteName: z.string().nullable(),
      dueOn: ZIsoDate.nullable(),
      valuePence: z.number().int(),
      state: z.string(),
      aboveDelegationLimit: z.boolean(),
    }),
  ),
  paidRoles: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      siteName: z.string(),
      holderName: z.string().nullable(),
      state: z.string(),
    }),
  ),
});
