import { z } from 'zod';
import { withdrawParticipantConsent } from '../../services/participant-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { participantById } from '../../trpc/targets.ts';
import { ZIsoDate } from '../workflow-schemas.ts';

export const withdrawConsentProcedure = memberProcedure
  .input(z.object({ participantId: z.uuid(), withdrawnOn: ZIsoDate }))
  .output(z.object({ withdrawnOn: z.string() }))
  .use(authorize(participantById))
  .mutation(({ ctx, input }) => withdrawParticipantConsent(ctx.db, ctx.actor, input));
