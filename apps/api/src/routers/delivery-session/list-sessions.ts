import { z } from 'zod';
import { listSessions } from '../../services/delivery-session-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { siteById } from '../../trpc/targets.ts';
import { ZIsoDate } from '../workflow-schemas.ts';
import { ZSessionKind } from './schemas.ts';

const ZCursor = z.object({ heldOn: ZIsoDate, id: z.uuid() });

export const listSessionsProcedure = memberProcedure
  .input(
    z.object({
      siteId: z.uuid({ error: 'Choose a site' }),
      programmeId: z.uuid().optional(),
      cursor: ZCursor.optional(),
      limit: z.number().int().min(1).max(100).default(25),
    }),
  )
  .output(
    z.object({
      sessions: z.array(
        z.object({
          sessionId: z.uuid(),
          programmeId: z.uuid(),
          heldOn: z.string(),
          kind: ZSessionKind,
          title: z.string(),
          durationMinutes: z.number().int(),
          practitionerName: z.string(),
          registered: z.number().int(),
          attended: z.number().int(),
        }),
      ),
      nextCursor: ZCursor.nullable(),
    }),
  )
  .use(authorize(siteById))
  .query(({ ctx, input }) => listSessions(ctx.db, ctx.actor, { ...input, before: input.cursor }));
