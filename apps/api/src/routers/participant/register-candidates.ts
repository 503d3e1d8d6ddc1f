import { z } from 'zod';
import { registerCandidates } from '../../services/participant-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { siteById } from '../../trpc/targets.ts';
import { ZConsentStatus } from './schemas.ts';

/** The people a session's register offers, by name: an audited read of the site's records. */
export const registerCandidatesProcedure = memberProcedure
  .input(
    z.object({
      programmeId: z.uuid({ error: 'Choose a programme' }),
      siteId: z.uuid({ error: 'Choose a site' }),
    }),
  )
  .output(
    z.array(
      z.object({
        participantId: z.uuid(),
        code: z.string(),
        givenName: z.string().nullable(),
        familyName: z.string().nullable(),
        consent: ZConsentStatus,
      }),
    ),
  )
  .use(authorize(siteById))
  .query(({ ctx, input }) => registerCandidates(ctx.db, ctx.actor, input));
