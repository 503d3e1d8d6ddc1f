import { z } from 'zod';
import { recordConsent } from '../../services/participant-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { participantById } from '../../trpc/targets.ts';
import { ZConsent } from './schemas.ts';

/** Consent given again, e.g. to a new privacy-notice version or a wider scope. */
export const recordConsentProcedure = memberProcedure
  .input(z.object({ participantId: z.uuid(), consent: ZConsent }))
  .output(z.object({ consentId: z.uuid().nullable() }))
  .use(authorize(participantById))
  .mutation(({ ctx, input }) => recordConsent(ctx.db, ctx.actor, input));
