import { router } from '../../trpc/init.ts';
import { workflowProcedures } from '../workflow-procedures.ts';
import { computeClaimProcedure } from './compute-claim.ts';
import { approveClaimProcedure, countersignClaimProcedure } from './decide-claim.ts';
import { downloadStatementProcedure } from './download-statement.ts';
import { getClaimProcedure } from './get-claim.ts';
import { listClaimsProcedure } from './list-claims.ts';
import { recordSettlementProcedure } from './record-settlement.ts';
import { claimById } from './target.ts';
import { verifyLineProcedure } from './verify-line.ts';

export const claimRouter = router({
  list: listClaimsProcedure,
  get: getClaimProcedure,
  compute: computeClaimProcedure,
  verifyLine: verifyLineProcedure,
  approve: approveClaimProcedure,
  countersign: countersignClaimProcedure,
  statement: downloadStatementProcedure,
  recordSettlement: recordSettlementProcedure,
  ...workflowProcedures('claim', 'claimId', claimById, 'claim'),
});
