import { z } from 'zod';
import { searchParticipants } from '../../services/participant-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { siteById } from '../../trpc/targets.ts';
import { ZConsentStatus, ZIdentityView } from './schemas.ts';

/** Finds people at the user's own site by name, code, date of birth or NHS number. */
export const searchParticipantsProcedure = memberProcedure
  .input(
    z.object({
      siteId: z.uuid({ error: 'Choose a site' }),
      query: z
        .string({ error: 'Enter a name, code, date of birth or NHS number' })
        .trim()
        .min(2, 'Enter at least 2 characters')
        .max(100, 'Enter 100 characters or fewer'),
      limit: z.number().int().min(1).max(50).default(20),
    }),
  )
  .output(
    z.array(
      ZIdentityView.extend({
        participantId: z.uuid(),
        code: z.string(),
        programmeId: z.uuid(),
        enrolledOn: z.string(),
        consent: ZConsentStatus,
      }),
    ),
  )
  .use(authorize(siteById))
  .query(({ ctx, input }) => searchParticipants(ctx.db, ctx.actor, input));
