import { ZFunderPence, ZRateCard, ZRateCardFunder } from '@coproduce/domain';
import { z } from 'zod';
import { ZIsoDate } from '../workflow-schemas.ts';

export const ZProgrammeRef = z.object({
  programmeId: z.uuid({ error: 'That programme link is not valid' }),
});

/**
 * A rate card as the editor sends it: `ZRateCard`'s fields, except that funders may be left
 * out (every co-funder of the programme) and so may a funder's share (its basis points).
 * Problems are reported at their path, e.g. `card.outcomes.2.pricePence`.
 */
export const ZRateCardDraft = z.object({
  outcomes: ZRateCard.shape.outcomes,
  participantCapPence: ZRateCard.shape.participantCapPence,
  contractCapPence: ZRateCard.shape.contractCapPence,
  funders: z
    .array(
      z.object({
        organisationId: z.uuid({ error: 'Choose a funder' }),
        share: ZRateCardFunder.shape.share.optional(),
      }),
    )
    .max(20, 'A rate card can have at most 20 funders')
    .optional(),
});

export const ZRateCardVersionView = z.object({
  id: z.uuid(),
  effectiveFrom: ZIsoDate,
  reason: z.string(),
  createdAt: z.iso.datetime(),
  createdByName: z.string().nullable(),
  /** The version pricing achievements dated today. */
  inForce: z.boolean(),
  card: ZRateCard,
  /** Each outcome's trigger in plain English. */
  triggers: z.array(z.object({ code: z.string(), description: z.string() })),
});

export const ZRateCardVersions = z.object({
  programme: z.object({ id: z.uuid(), name: z.string() }),
  funders: z.array(
    z.object({ organisationId: z.uuid(), name: z.string(), shareBasisPoints: z.number().int() }),
  ),
  /** The programme's timepoints a trigger can be measured at (baseline and sessions aside). */
  timepoints: z.array(z.object({ code: z.string(), label: z.string() })),
  versions: z.array(ZRateCardVersionView),
  inForceVersionId: z.uuid().nullable(),
  /** The earliest date an amendment may start (the day after the last computed claim); null: any. */
  amendableFrom: ZIsoDate.nullable(),
});

export const ZCostPreview = z.object({
  lines: z.array(
    z.object({
      code: z.string(),
      count: z.number().int(),
      pricePence: z.number().int(),
      totalPence: z.number().int(),
    }),
  ),
  totalPence: z.number().int(),
  cappedTotalPence: z.number().int(),
  perFunder: z.array(ZFunderPence.extend({ name: z.string() })),
});
