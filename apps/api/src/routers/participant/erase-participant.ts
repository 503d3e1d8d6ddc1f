import { z } from 'zod';
import { eraseParticipant } from '../../services/participant-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { participantById } from '../../trpc/targets.ts';

/** Why details are erased: a reason code, never free text that could hold personal data. */
export const ERASURE_REASONS = [
  'participant-request',
  'recorded-in-error',
  'retention-ended',
] as const;

export const eraseParticipantProcedure = memberProcedure
  .input(
    z.object({
      participantId: z.uuid(),
      reason: z.enum(ERASURE_REASONS, { error: 'Choose why the details are being erased' }),
    }),
  )
  .output(z.object({ erased: z.literal(true) }))
  .use(authorize(participantById))
  .mutation(({ ctx, input }) => eraseParticipant(ctx.db, ctx.actor, input));
