import { z } from 'zod';
import { getParticipantRecord } from '../../services/participant-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { participantById } from '../../trpc/targets.ts';
import { ZParticipantRecord } from './schemas.ts';

export const getParticipantProcedure = memberProcedure
  .input(z.object({ participantId: z.uuid({ error: 'That participant link is not valid' }) }))
  .output(ZParticipantRecord)
  .use(authorize(participantById))
  .query(({ ctx, input }) => getParticipantRecord(ctx.db, ctx.actor, input.participantId));
