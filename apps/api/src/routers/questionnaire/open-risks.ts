import { z } from 'zod';
import { openRiskFlags } from '../../services/questionnaire-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { siteById } from '../../trpc/targets.ts';

/** PHQ-9 risk flags at the site that nobody has acted on yet, with who to call. */
export const openRisksProcedure = memberProcedure
  .input(z.object({ siteId: z.uuid() }))
  .output(
    z.object({
      flags: z.array(
        z.object({
          id: z.uuid(),
          participantId: z.uuid(),
          code: z.string(),
          recordedOn: z.string(),
          programmeId: z.uuid(),
        }),
      ),
      contact: z.object({
        siteName: z.string(),
        name: z.string().nullable(),
        phone: z.string().nullable(),
      }),
    }),
  )
  .use(authorize(siteById))
  .query(({ ctx, input }) => openRiskFlags(ctx.db, ctx.actor, input.siteId));
