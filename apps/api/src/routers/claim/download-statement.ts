import { z } from 'zod';
import { downloadClaimStatement } from '../../services/claims/statement.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZClaimRef, ZFile } from './schemas.ts';
import { claimStatementTarget } from './target.ts';

/**
 * One funder's statement on an approved claim as CSV or PDF, base64-encoded for the browser to
 * save. A commissioner gets only their own organisation's. A mutation: each download is audited.
 */
export const downloadStatementProcedure = memberProcedure
  .input(
    ZClaimRef.extend({
      funderOrganisationId: z.uuid({ error: 'Choose a funder' }),
      format: z.enum(['csv', 'pdf'], { error: 'Choose CSV or PDF' }),
    }),
  )
  .output(ZFile)
  .use(authorize(claimStatementTarget))
  .mutation(({ ctx, input }) => downloadClaimStatement(ctx.db, ctx.actor, input));
