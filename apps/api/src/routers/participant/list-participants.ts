import { z } from 'zod';
import { ZPageLimit, zCursor } from '../../services/keyset-page.ts';
import { listParticipantCodes } from '../../services/participant-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { siteById } from '../../trpc/targets.ts';
import { ZPseudonymousParticipant } from './schemas.ts';

/** A site's participants by pseudonymous code: what the hub may see, page by page. */
export const listParticipantsProcedure = memberProcedure
  .input(
    z.object({
      siteId: z.uuid({ error: 'Choose a site' }),
      programmeId: z.uuid().optional(),
      /** The previous page's `nextCursor`. */
      cursor: zCursor(z.tuple([z.string()])).optional(),
      limit: ZPageLimit,
    }),
  )
  .output(
    z.strictObject({
      participants: z.array(ZPseudonymousParticipant),
      nextCursor: z.string().nullable(),
    }),
  )
  .use(authorize(siteById))
  .query(({ ctx, input }) =>
    listParticipantCodes(ctx.db, ctx.actor, { ...input, afterCode: input.cursor?.[0] }),
  );
