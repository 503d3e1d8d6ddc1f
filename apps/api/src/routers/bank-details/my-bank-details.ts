import { z } from 'zod';
import { myBankDetails } from '../../services/bank-details/bank-details-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZPayeeBankDetails } from './schemas.ts';

/** The caller's own account, masked: a practitioner's, or a site lead's site's. */
export const myBankDetailsProcedure = memberProcedure
  .input(z.object({}).default({}))
  .output(ZPayeeBankDetails)
  .use(authorize(ownNetwork))
  .query(({ ctx }) => myBankDetails(ctx.db, ctx.actor));
