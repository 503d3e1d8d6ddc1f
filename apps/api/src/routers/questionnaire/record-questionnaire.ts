import { INSTRUMENT_CODES, LICENSED_INSTRUMENTS } from '@coproduce/domain';
import { z } from 'zod';
import { recordQuestionnaire } from '../../services/questionnaire-service.ts';
import { authorize, memberProcedure } from '../../trpc/init.ts';
import { participantById } from '../../trpc/targets.ts';
import { ZIdempotencyKey } from '../delivery-session/schemas.ts';
import { ZScoreView, ZWindowStatus } from '../participant/schemas.ts';
import { ZIsoDate } from '../workflow-schemas.ts';

const INSTRUMENTS_AND_LICENSED = [
  ...INSTRUMENT_CODES,
  ...(Object.keys(LICENSED_INSTRUMENTS) as (keyof typeof LICENSED_INSTRUMENTS)[]),
] as const;

export const recordQuestionnaireProcedure = memberProcedure
  .input(
    z.object({
      participantId: z.uuid({ error: 'Choose a participant' }),
      instrument: z.enum(INSTRUMENTS_AND_LICENSED, { error: 'Choose a questionnaire' }),
      timepointCode: z.string({ error: 'Choose when this was collected' }).min(1).max(40),
      recordedOn: ZIsoDate,
      answers: z
        .array(z.number({ error: 'Answer with a number' }).nullable())
        .max(30, 'Too many answers')
        .nullable()
        .default(null),
      licensedScore: z.number({ error: 'Enter the score as a number' }).nullable().optional(),
      sessionId: z.uuid().nullable().optional(),
      idempotencyKey: ZIdempotencyKey,
    }),
  )
  .output(
    ZScoreView.extend({
      alreadyRecorded: z.boolean(),
      windowStatus: ZWindowStatus,
      safeguarding: z
        .object({ siteName: z.string(), name: z.string().nullable(), phone: z.string().nullable() })
        .nullable(),
    }),
  )
  .use(authorize(participantById))
  .mutation(({ ctx, input }) => recordQuestionnaire(ctx.db, ctx.actor, input));
