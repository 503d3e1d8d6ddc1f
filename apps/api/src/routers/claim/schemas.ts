import { ZClaimReduction, ZFunderPence, ZIdempotencyKey } from '@coproduce/domain';
import { z } from 'zod';
import { ZHistory, ZIsoDate } from '../workflow-schemas.ts';

export const ZClaimRef = z.object({ claimId: z.uuid({ error: 'That claim link is not valid' }) });

const ZPerson = z.object({ personId: z.uuid(), name: z.string() });
const ZVerification = z.enum(['not-sampled', 'pending', 'passed', 'failed']);

export const ZClaimSummary = z.object({
  id: z.uuid(),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  state: z.string(),
  version: z.number().int(),
  totalPence: z.number().int(),
  preparedBy: ZPerson,
  createdAt: z.iso.datetime(),
  lineCount: z.number().int(),
  sampledPending: z.number().int(),
  sampledFailed: z.number().int(),
  statementsIssued: z.number().int(),
  statementsSettled: z.number().int(),
});

export const ZClaimList = z.object({
  programme: z.object({ id: z.uuid(), name: z.string() }),
  /** The first day the next claim may cover (the day after the last claim); null: any day. */
  nextPeriodStart: ZIsoDate.nullable(),
  claims: z.array(ZClaimSummary),
});

/** A claim line as everyone outside the site sees it: the participant by code only. */
export const ZClaimLine = z.object({
  id: z.uuid(),
  participantCode: z.string().nullable(),
  milestoneId: z.uuid().nullable(),
  outcomeCode: z.string(),
  occurrence: z.number().int(),
  achievedOn: ZIsoDate,
  rateCardVersionId: z.uuid().nullable(),
  pricePence: z.number().int(),
  amountPence: z.number().int(),
  reduction: ZClaimReduction.nullable(),
  /** Why the amount is less than the price (or a clawback's reason); empty otherwise. */
  note: z.string(),
  /** Pseudonymous references to the evidence: questionnaire ids, session dates, milestone. */
  evidence: z.string(),
  funderSplits: z.array(ZFunderPence),
  sampled: z.boolean(),
  verification: ZVerification,
  verificationNote: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.iso.datetime().nullable(),
  live: z.boolean(),
  clawbackOfLineId: z.uuid().nullable(),
});

export const ZClaimStatement = z.object({
  funderOrganisationId: z.uuid(),
  funderName: z.string(),
  amountPence: z.number().int(),
  issuedAt: z.iso.datetime(),
  settledAt: z.iso.datetime().nullable(),
  settledByName: z.string().nullable(),
  settlementReference: z.string().nullable(),
});

export const ZClaimView = z.object({
  claim: z.object({
    id: z.uuid(),
    programme: z.object({ id: z.uuid(), name: z.string() }),
    periodStart: ZIsoDate,
    periodEnd: ZIsoDate,
    state: z.string(),
    version: z.number().int(),
    totalPence: z.number().int(),
    preparedBy: ZPerson,
    createdAt: z.iso.datetime(),
    delegationLimitPence: z.number().int(),
    aboveDelegationLimit: z.boolean(),
    countersigners: z.array(z.string()),
  }),
  perFunder: z.array(ZFunderPence.extend({ name: z.string() })),
  /** Every line of the claim; `lines` is the page asked for. */
  lineCount: z.number().int(),
  reductions: z.array(z.object({ reduction: ZClaimReduction, lines: z.number().int() })),
  lines: z.array(ZClaimLine),
  sample: z.object({
    /** The recorded seed: `drawVerificationSample(seed, …)` redraws the same participants. */
    seed: z.string(),
    percent: z.number().int(),
    minimum: z.number().int(),
    participants: z.number().int(),
    pending: z.number().int(),
    passed: z.number().int(),
    failed: z.number().int(),
    checklist: z.array(
      z.object({
        lineId: z.uuid(),
        participantCode: z.string().nullable(),
        outcomeCode: z.string(),
        achievedOn: ZIsoDate,
        amountPence: z.number().int(),
        evidence: z.string(),
        verification: ZVerification,
        note: z.string().nullable(),
        verifiedByName: z.string().nullable(),
        verifiedAt: z.iso.datetime().nullable(),
      }),
    ),
  }),
  statements: z.array(ZClaimStatement),
  transitions: ZHistory.shape.transitions,
});

export const ZDecision = ZClaimRef.extend({
  expectedVersion: z.number({ error: 'Reload the page and try again' }).int().positive(),
  idempotencyKey: ZIdempotencyKey,
});

export const ZFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});
