import { z } from 'zod';
import { recordDeliverySession } from '../../services/delivery-session-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { siteById } from '../../trpc/targets.ts';
import { ZIsoDate } from '../workflow-schemas.ts';
import { ZIdempotencyKey, ZRegister, ZSessionKind } from './schemas.ts';

/** A session and its register, sent once even when the device retries after being offline. */
export const recordSessionProcedure = memberProcedure
  .input(
    z.object({
      programmeId: z.uuid({ error: 'Choose a programme' }),
      siteId: z.uuid({ error: 'Choose a site' }),
      heldOn: ZIsoDate,
      kind: ZSessionKind,
      title: z.string().trim().max(120, 'The title must be 120 characters or fewer').default(''),
      durationMinutes: z
        .number({ error: 'Enter how long the session lasted, in minutes' })
        .int('Enter whole minutes')
        .min(1, 'Enter at least 1 minute')
        .max(1440, 'A session lasts at most 1,440 minutes'),
      practitionerId: z.uuid({ error: 'Choose who delivered the session' }),
      register: ZRegister,
      idempotencyKey: ZIdempotencyKey,
    }),
  )
  .output(z.object({ sessionId: z.uuid(), alreadyRecorded: z.boolean() }))
  .use(authorize(siteById))
  .mutation(({ ctx, input }) => recordDeliverySession(ctx.db, ctx.actor, input));
