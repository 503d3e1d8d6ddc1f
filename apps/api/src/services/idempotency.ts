/**
 * Exactly-once requests (ADR 0008). `withIdempotency(tx, actor, { key, procedure, request }, run)`
 * must be called inside the caller's transaction, before anything else it writes: it claims the
 * key (network, key) with the SHA-256 of the canonical JSON of `{ procedure, request }`; if this
 * call claimed it, `run()` executes and its result is stored (as JSON) in the same transaction and
 * returned. If the key was already used — including by a concurrent call, which waits on the key's
 * unique index until the first commits — the stored response is returned when the request hash
 * matches, and a `conflict` DomainError naming `idempotencyKey` is thrown when it does not. The
 * result is always the JSON round-trip of what `run()` returned, so the first call and every
 * retry get deep-equal responses: return plain JSON (ISO strings, not Dates). Keys are validated
 * with `ZIdempotencyKey` from `@coproduce/domain`.
 */
import { createHash } from 'node:crypto';
import {
  claimIdempotencyKey,
  type Database,
  findIdempotencyKey,
  storeIdempotentResponse,
} from '@coproduce/db';
import { canonicalJson, DomainError, type JsonValue } from '@coproduce/domain';
import type { ActingMember } from '../trpc/context.ts';

export interface IdempotentRequest {
  readonly key: string;
  /** The procedure path, e.g. `paymentRun.release`: a key is bound to one procedure. */
  readonly procedure: string;
  /** The request as the procedure received it, without the key itself. */
  readonly request: unknown;
}

export function requestHash(procedure: string, request: unknown): string {
  const json = canonicalJson({ procedure, request: toJson(request) } as JsonValue);
  return createHash('sha256').update(json).digest('hex');
}

/** Plain JSON, dropping undefined fields; Dates become ISO strings. */
function toJson<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}

export const IDEMPOTENCY_KEY_REUSED =
  'This idempotency key was already used for a different request';

export async function withIdempotency<T>(
  tx: Database,
  actor: Pick<ActingMember, 'networkId' | 'personId'>,
  { key, procedure, request }: IdempotentRequest,
  run: () => Promise<T>,
): Promise<T> {
  const hash = requestHash(procedure, request);
  const claimed = await claimIdempotencyKey(tx, {
    networkId: actor.networkId,
    key,
    procedure,
    personId: actor.personId,
    requestHash: hash,
  });
  if (claimed) {
    const response = toJson(await run());
    await storeIdempotentResponse(tx, { networkId: actor.networkId, key, response });
    return response;
  }
  const stored = await findIdempotencyKey(tx, { networkId: actor.networkId, key });
  if (!stored || stored.requestHash !== hash || stored.procedure !== procedure) {
    throw new DomainError('conflict', IDEMPOTENCY_KEY_REUSED, 'idempotencyKey');
  }
  return stored.response as T;
}
