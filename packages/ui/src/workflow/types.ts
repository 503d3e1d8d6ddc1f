import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '../trpc/trpc.ts';

type Api = TRPCOptionsProxy<AppRouter>;

/**
 * The kinds of subject whose steps the shared workflow components take (ADR 0006), outcome
 * claims included (ADR 0008).
 */
export type WorkflowKind = 'programme' | 'milestone' | 'paidRole' | 'claim';

/** Every kind of subject whose state a tag can show: payment runs too (ADR 0008). */
export type StateKind = WorkflowKind | 'paymentRun';

export type ProgrammeView = inferOutput<Api['programme']['get']>;
export type ProgrammeSummary = inferOutput<Api['programme']['list']>['programmes'][number];
export type ProgrammeListQuery = Extract<inferInput<Api['programme']['list']>, object>;
export type ProgrammeStage = NonNullable<ProgrammeListQuery['stage']>;
export type MilestoneView = inferOutput<Api['milestone']['get']>;
export type MilestoneSummary = inferOutput<Api['milestone']['list']>['milestones'][number];
export type PaidRoleView = inferOutput<Api['paidRole']['get']>;
export type PaidRoleCheck = PaidRoleView['checks'][number];
export type CheckStatus = PaidRoleCheck['status'];
export type CheckKind = PaidRoleCheck['kind'];
export type AllowedActions = inferOutput<Api['programme']['allowedActions']>;
export type AllowedAction = AllowedActions['actions'][number];
export type WorkflowHistory = inferOutput<Api['programme']['history']>;
export type Transition = WorkflowHistory['transitions'][number];
export type NeedsMeItem = inferOutput<Api['work']['needsMe']>['items'][number];
export type KeyPersonRisk = inferOutput<Api['work']['keyPersonRisks']>['risks'][number];
export type RateCardVersionsView = inferOutput<Api['rateCard']['versions']>;
export type RateCardVersionView = RateCardVersionsView['versions'][number];
export type CostPreviewView = inferOutput<Api['rateCard']['preview']>;
export type ClaimListView = inferOutput<Api['claim']['list']>;
export type ClaimView = inferOutput<Api['claim']['get']>;
export type ClaimLine = ClaimView['lines'][number];
export type ClaimSampleLine = ClaimView['sample']['checklist'][number];
export type ClaimStatement = ClaimView['statements'][number];
export type MoneyProgrammeView = inferOutput<Api['money']['programme']>;

/**
 * Every stage, in lifecycle order (the server's own list, checked against the API's input type
 * below so the two cannot drift apart).
 */
export const PROGRAMME_STAGE_ORDER = [
  'proposal',
  'baseline',
  'delivery',
  'monitoring',
  'payment',
  'closure',
  'suspended',
  'closed',
  'rejected',
  'withdrawn',
  'terminated',
] as const satisfies readonly ProgrammeStage[];

// Fails to compile when the API gains a stage this list does not name.
const everyStageListed: Exclude<
  ProgrammeStage,
  (typeof PROGRAMME_STAGE_ORDER)[number]
> extends never
  ? true
  : false = true;
void everyStageListed;

export function isProgrammeStage(value: string): value is ProgrammeStage {
  return (PROGRAMME_STAGE_ORDER as readonly string[]).includes(value);
}
