import { z } from 'zod';
import { requestBankDetails } from '../../services/bank-details/bank-details-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZAccountName, ZAccountNumber, ZSortCode } from './schemas.ts';

/**
 * New bank details, pending until a second person confirms them: a practitioner for
 * themselves, a site lead for their site, a finance officer for any payee (give `personId` or
 * `organisationId`). The payee's payments are held until then.
 */
export const requestBankDetailsProcedure = memberProcedure
  .input(
    z.object({
      personId: z.uuid({ error: 'Choose a person' }).optional(),
      organisationId: z.uuid({ error: 'Choose a site' }).optional(),
      sortCode: ZSortCode,
      accountNumber: ZAccountNumber,
      accountName: ZAccountName,
    }),
  )
  .output(
    z.object({
      bankDetailsId: z.uuid(),
      payeeId: z.uuid(),
      status: z.literal('pending'),
      accountEnding: z.string(),
    }),
  )
  .use(authorize(ownNetwork))
  .mutation(({ ctx, input }) => requestBankDetails(ctx.db, ctx.actor, input));
