import { rateCardVersions } from '../../services/rate-card-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { programmeById } from '../../trpc/targets.ts';
import { ZProgrammeRef, ZRateCardVersions } from './schemas.ts';

/** Every dated version of a programme's rate card, with the one in force today. */
export const listRateCardVersionsProcedure = memberProcedure
  .input(ZProgrammeRef)
  .output(ZRateCardVersions)
  .use(authorize(programmeById))
  .query(({ ctx, input }) => rateCardVersions(ctx.db, ctx.actor, input.programmeId));
