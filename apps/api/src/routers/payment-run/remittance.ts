import { z } from 'zod';
import { remittanceAdvice } from '../../services/payment-run/remittance.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ZFile, ZRunId } from './schemas.ts';
import { paymentRunById } from './target.ts';

/** The remittance advice (PDF) for one payee of a released run; audited. */
export const remittanceProcedure = memberProcedure
  .input(z.object({ runId: ZRunId, payeeId: z.uuid({ error: 'Choose a payee' }) }))
  .output(ZFile)
  .use(authorize(paymentRunById))
  .mutation(({ ctx, input }) => remittanceAdvice(ctx.db, ctx.actor, input));
