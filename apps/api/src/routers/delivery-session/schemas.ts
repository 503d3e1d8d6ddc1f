import { schema } from '@coproduce/db';
import { z } from 'zod';

export const ZSessionKind = z.enum(schema.DELIVERY_SESSION_KINDS, {
  error: 'Choose the kind of session',
});

export const ZRegister = z
  .array(
    z.object({
      participantId: z.uuid(),
      status: z.enum(schema.ATTENDANCE_STATUSES, {
        error: 'Choose attended, did not attend or cancelled',
      }),
    }),
  )
  .max(200, 'A register can have at most 200 people');

export const ZIdempotencyKey = z
  .string({ error: 'Send an idempotency key' })
  .min(8, 'The idempotency key must be at least 8 characters')
  .max(100, 'The idempotency key must be 100 characters or fewer');
