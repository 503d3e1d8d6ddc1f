import { z } from 'zod';
import { listProgrammeClaims } from '../../services/claims/claim-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';
import { ZClaimList } from './schemas.ts';

/** A programme's outcome claims, latest period first. */
export const listClaimsProcedure = memberProcedure
  .input(z.object({ programmeId: z.uuid({ error: 'That programme link is not valid' }) }))
  .output(ZClaimList)
  .use(authorize(programmeById))
  .query(({ ctx, input }) => listProgrammeClaims(ctx.db, ctx.actor, input.programmeId));
