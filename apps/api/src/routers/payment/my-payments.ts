import { z } from 'zod';
import { myPayments } from '../../services/payment-run/remittance.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';
import { ZIsoDate } from '../workflow-schemas.ts';

/** Payments made to the caller (a practitioner) or their site (a site lead), newest first. */
export const myPaymentsProcedure = memberProcedure
  .input(z.object({}).default({}))
  .output(
    z.object({
      payeeId: z.uuid().nullable(),
      payments: z.array(
        z.object({
          id: z.uuid(),
          runId: z.uuid(),
          paidOn: ZIsoDate,
          processingDate: ZIsoDate.nullable(),
          amountPence: z.number().int(),
          /** The reference on the payee's bank statement. */
          reference: z.string(),
          bankReference: z.string(),
          description: z.string(),
          programmeName: z.string(),
        }),
      ),
    }),
  )
  .use(authorize(ownNetwork))
  .query(({ ctx }) => myPayments(ctx.db, ctx.actor));
