import { z } from 'zod';
import { bankDetailsForPayee } from '../../services/bank-details/bank-details-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZPayeeBankDetails } from './schemas.ts';
import { payeeById } from './target.ts';

/** A payee's account, masked, for finance. */
export const bankDetailsForPayeeProcedure = memberProcedure
  .input(z.object({ payeeId: z.uuid({ error: 'That payee link is not valid' }) }))
  .output(ZPayeeBankDetails)
  .use(authorize(payeeById))
  .query(({ ctx, input }) => bankDetailsForPayee(ctx.db, ctx.actor, input));
