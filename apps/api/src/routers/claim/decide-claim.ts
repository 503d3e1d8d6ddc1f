import { decideClaim } from '../../services/claims/claim-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZTransitionResult } from '../workflow-schemas.ts';
import { ZDecision } from './schemas.ts';
import { claimById } from './target.ts';

/**
 * Approval by a hub approver who did not prepare the claim: within the programme's delegation
 * limit it is approved (statements issued, ledger posted); above it, it awaits a commissioner's
 * countersignature. Exactly once per idempotency key.
 */
export const approveClaimProcedure = memberProcedure
  .input(ZDecision)
  .output(ZTransitionResult)
  .use(authorize(claimById))
  .mutation(({ ctx, input }) => decideClaim(ctx.db, ctx.actor, { ...input, event: 'APPROVE' }));

/** Countersignature above the delegation limit, by a commissioner funding the programme. */
export const countersignClaimProcedure = memberProcedure
  .input(ZDecision)
  .output(ZTransitionResult)
  .use(authorize(claimById))
  .mutation(({ ctx, input }) => decideClaim(ctx.db, ctx.actor, { ...input, event: 'COUNTERSIGN' }));
