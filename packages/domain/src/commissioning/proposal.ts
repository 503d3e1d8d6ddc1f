import { z } from 'zod';
import { ZPence } from './money.ts';

export const BASIS_POINTS_WHOLE = 10_000;

export const ZFunderShare = z.object({
  organisationId: z.uuid({ error: 'Choose a commissioner' }),
  /** Share of every payment, in basis points: 2,500 is 25%. */
  shareBasisPoints: z
    .number({ error: 'Enter a share' })
    .int('Shares are whole basis points (0.01%)')
    .min(1, 'A share must be more than 0%')
    .max(BASIS_POINTS_WHOLE, 'A share cannot be more than 100%'),
});

/** The editable parts of a proposal: what the hub coordinator shapes with sites and funders. */
export const ZProgrammeDraft = z.object({
  name: z
    .string()
    .trim()
    .min(3, 'Enter a name of at least 3 characters')
    .max(200, 'Name must be 200 characters or fewer'),
  need: z.string().trim().max(5000, 'Need must be 5,000 characters or fewer'),
  population: z.string().trim().max(2000, 'Population must be 2,000 characters or fewer'),
  budgetPence: ZPence,
  delegationLimitPence: ZPence,
  baselineThresholdPercent: z
    .number()
    .int('Enter a whole percentage')
    .min(1, 'Enter a threshold from 1% to 100%')
    .max(100, 'Enter a threshold from 1% to 100%'),
  minimumCohort: z
    .number()
    .int('Enter a whole number')
    .min(1, 'The minimum cohort must be at least 1')
    .max(100_000),
  reportingPeriodMonths: z
    .number()
    .int()
    .min(1, 'A reporting period is 1 to 12 months')
    .max(12, 'A reporting period is 1 to 12 months'),
  returnDueDays: z
    .number()
    .int()
    .min(1, 'Returns are due 1 to 90 days after a period ends')
    .max(90, 'Returns are due 1 to 90 days after a period ends'),
  siteIds: z
    .array(z.uuid({ error: 'Choose a site' }))
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'Choose each site once'),
  funders: z
    .array(ZFunderShare)
    .max(10)
    .refine(
      (funders) => new Set(funders.map((f) => f.organisationId)).size === funders.length,
      'Each commissioner can appear only once',
    ),
});
export type ProgrammeDraft = z.infer<typeof ZProgrammeDraft>;

/** What stops a proposal being submitted; empty when it is complete. */
export function proposalProblems(
  draft: Pick<ProgrammeDraft, 'need' | 'population' | 'siteIds' | 'funders' | 'budgetPence'>,
): string[] {
  const problems: string[] = [];
  if (!draft.need.trim()) problems.push('describe the need');
  if (!draft.population.trim()) problems.push('describe the population');
  if (draft.siteIds.length === 0) problems.push('add at least one site');
  if (draft.funders.length === 0) problems.push('add at least one co-funding commissioner');
  const total = draft.funders.reduce((sum, f) => sum + f.shareBasisPoints, 0);
  if (draft.funders.length > 0 && total !== BASIS_POINTS_WHOLE) {
    problems.push(`co-funders' shares add up to ${formatShare(total)}; they must add up to 100%`);
  }
  if (draft.budgetPence <= 0) problems.push('set a budget');
  return problems;
}

export function formatShare(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(basisPoints % 100 === 0 ? 0 : 2)}%`;
}
