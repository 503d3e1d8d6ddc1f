import { router } from '../../trpc/init.ts';
import { listAuditEntriesProcedure } from './list-audit-entries.ts';
import { verifyAuditChainProcedure } from './verify-audit-chain.ts';

export const auditRouter = router({
  list: listAuditEntriesProcedure,
  verify: verifyAuditChainProcedure,
});
