import { z } from 'zod';
import { getSession } from '../../services/delivery-session-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { deliverySessionById } from '../../trpc/targets.ts';
import { ZSessionKind } from './schemas.ts';

export const getSessionProcedure = memberProcedure
  .input(z.object({ sessionId: z.uuid({ error: 'That session link is not valid' }) }))
  .output(
    z.object({
      sessionId: z.uuid(),
      programmeId: z.uuid(),
      siteId: z.uuid(),
      heldOn: z.string(),
      kind: ZSessionKind,
      title: z.string(),
      durationMinutes: z.number().int(),
      practitionerId: z.uuid(),
      practitionerName: z.string(),
      register: z.array(
        z.object({
          participantId: z.uuid(),
          code: z.string(),
          name: z.string().nullable(),
          status: z.string(),
        }),
      ),
    }),
  )
  .use(authorize(deliverySessionById))
  .query(({ ctx, input }) => getSession(ctx.db, ctx.actor, input.sessionId));
