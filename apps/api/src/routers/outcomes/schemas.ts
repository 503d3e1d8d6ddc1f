import type { OutcomesReport } from '@coproduce/domain';
import { z } from 'zod';
import { ZIsoDate } from '../workflow-schemas.ts';

/** A count as shown: a number, or "<5" where small numbers are suppressed. */
const ZReportCount = z.union([z.number().int().nonnegative(), z.literal('<5')]);
const ZRate = z.number().min(0).max(1).nullable();

const ZScoreBin = z.object({ label: z.string(), count: ZReportCount });

const ZMeasureSummary = z.object({
  measure: z.string(),
  label: z.string(),
  higherIsBetter: z.boolean(),
  n: ZReportCount,
  meanBaseline: z.number().nullable(),
  meanLast: z.number().nullable(),
  meanChange: z.number().nullable(),
  ci95: z.tuple([z.number(), z.number()]).readonly().nullable(),
  effectSize: z.number().nullable(),
  reliablyImproved: ZReportCount.nullable(),
  reliablyImprovedShare: ZRate,
  distribution: z.object({
    baseline: z.array(ZScoreBin).readonly(),
    last: z.array(ZScoreBin).readonly(),
  }),
});

const ZTalkingTherapiesSummary = z.object({
  episodes: ZReportCount,
  finishedTreatment: ZReportCount,
  notAtCasenessAtStart: ZReportCount,
  recovered: ZReportCount,
  reliablyImproved: ZReportCount,
  reliablyDeteriorated: ZReportCount,
  reliablyRecovered: ZReportCount,
  recoveryRate: ZRate,
  reliableImprovementRate: ZRate,
  reliableRecoveryRate: ZRate,
});

const ZDataQuality = z.object({
  enrolled: ZReportCount,
  withBaseline: ZReportCount,
  baselineCoverage: ZRate,
  followUpsDue: ZReportCount,
  followUpsReceived: ZReportCount,
  followUpRate: ZRate,
  questionnaires: ZReportCount,
  withMissingItems: ZReportCount,
  outOfWindow: ZReportCount,
});

const ZCollectionRound = z.object({
  timepointCode: z.string(),
  label: z.string(),
  expected: ZReportCount,
  received: ZReportCount,
  complete: ZReportCount,
  responseRate: ZRate,
  completionRate: ZRate,
  collectedBy: z.object({
    practitioner: ZReportCount,
    communityResearcher: ZReportCount,
    siteLead: ZReportCount,
  }),
});

const ZEqualityReach = z.object({
  dimension: z.enum(['ageBand', 'sex', 'ethnicGroup', 'religion', 'mainLanguage', 'disability']),
  label: z.string(),
  rows: z.array(z.object({ value: z.string(), label: z.string(), count: ZReportCount })).readonly(),
});

/** The outcomes report exactly as the domain's `OutcomesReport` type: nothing else is sent. */
export const ZOutcomesReport = z.object({
  programme: z.object({ id: z.uuid(), name: z.string() }),
  site: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  period: z
    .object({ number: z.number().int().positive(), startsOn: ZIsoDate, endsOn: ZIsoDate })
    .nullable(),
  generatedAt: z.iso.datetime(),
  smallNumbersSuppressed: z.boolean(),
  measures: z.array(ZMeasureSummary).readonly(),
  talkingTherapies: ZTalkingTherapiesSummary,
  dataQuality: ZDataQuality,
  sites: z
    .array(z.object({ siteId: z.uuid(), siteName: z.string(), quality: ZDataQuality }))
    .readonly(),
  rounds: z.array(ZCollectionRound).readonly(),
  equality: z.array(ZEqualityReach).readonly(),
}) satisfies z.ZodType<OutcomesReport>;

export const ZOutcomesReportInput = z.object({
  programmeId: z.uuid({ error: 'That programme link is not valid' }),
  siteId: z.uuid({ error: 'Choose a site' }).optional(),
  periodNumber: z
    .number({ error: 'Choose a reporting period' })
    .int('Choose a reporting period')
    .min(1, 'Choose a reporting period')
    .optional(),
});
