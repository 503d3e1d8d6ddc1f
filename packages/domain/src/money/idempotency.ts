import { z } from 'zod';

/**
 * The key a client sends with every money-moving request (ADR 0008, "Exactly once"): the same
 * key gets the same stored response; the same key with a different request is refused.
 * A UUID from the browser fits; anything 8–200 printable characters does.
 */
export const ZIdempotencyKey = z
  .string({ error: 'Send an idempotency key with this request' })
  .min(8, 'The idempotency key must be at least 8 characters')
  .max(200, 'The idempotency key must be at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'The idempotency key must be printable characters without spaces');

export type IdempotencyKey = z.infer<typeof ZIdempotencyKey>;
