import { and, eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { idempotencyKeys } from '../schema/index.ts';

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

/**
 * Claims an idempotency key inside the caller's transaction. Returns true when this call
 * inserted the row. A concurrent transaction claiming the same key waits on the primary key
 * until this one commits or rolls back, then sees `false` (or inserts, after a rollback).
 */
export async function claimIdempotencyKey(
  tx: Database,
  values: {
    networkId: string;
    key: string;
    procedure: string;
    personId: string;
    requestHash: string;
  },
): Promise<boolean> {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ ...values, response: null })
    .onConflictDoNothing({ target: [idempotencyKeys.networkId, idempotencyKeys.key] })
    .returning({ key: idempotencyKeys.key });
  return inserted.length === 1;
}

export async function findIdempotencyKey(
  db: Database,
  { networkId, key }: { networkId: string; key: string },
): Promise<IdempotencyKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.networkId, networkId), eq(idempotencyKeys.key, key)));
  return row;
}

/** Stores the response of the call that claimed the key, before its transaction commits. */
export async function storeIdempotentResponse(
  tx: Database,
  { networkId, key, response }: { networkId: string; key: string; response: unknown },
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ response: response ?? null })
    .where(and(eq(idempotencyKeys.networkId, networkId), eq(idempotencyKeys.key, key)));
}
