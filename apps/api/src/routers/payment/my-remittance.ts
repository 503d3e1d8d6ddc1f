import { z } from 'zod';
import { myRemittance } from '../../services/payment-run/remittance.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { ownNetwork } from '../../trpc/targets.ts';

/** The caller's own remittance advice (PDF) for a run; audited. */
export const myRemittanceProcedure = memberProcedure
  .input(z.object({ runId: z.uuid({ error: 'That payment link is not valid' }) }))
  .output(z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }))
  .use(authorize(ownNetwork))
  .mutation(({ ctx, input }) => myRemittance(ctx.db, ctx.actor, input));
