import { createHash } from 'node:crypto';
import { type AuditAction, canonicalJson, type JsonValue, type Role } from '@coproduce/domain';
import { and, asc, desc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { auditChainHeads, auditEntries } from '../schema/index.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  readonly personId: string;
  readonly role: Role | null;
  readonly organisationId: string | null;
}

export interface NewAuditEntry {
  readonly networkId: string;
  /** Null for what the system does by itself (seeding, scheduled work). */
  readonly actor: AuditActor | null;
  readonly action: AuditAction;
  readonly objectType: string;
  readonly objectId: string;
  /** What was decided and why; never personal data beyond ids. */
  readonly detail?: Record<string, JsonValue>;
}

type AuditRow = typeof auditEntries.$inferSelect;

/** The exact text an entry's hash covers. Changing it breaks every existing chain. */
function hashedText(row: Omit<AuditRow, 'hash' | 'prevHash'>): string {
  return canonicalJson({
    networkId: row.networkId,
    seq: row.seq,
    at: row.at.toISOString(),
    actor:
      row.actorPersonId === null
        ? null
        : {
            personId: row.actorPersonId,
            role: row.actorRole,
            organisationId: row.actorOrganisationId,
          },
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    detail: row.detail as JsonValue,
  });
}

export function chainHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prevHash'>): string {
  return createHash('sha256').update(prevHash).update(hashedText(row)).digest('hex');
}

/**
 * Appends one entry to its network's chain. Call it inside the transaction that makes the change
 * it records: the chain head's row lock orders concurrent writers of one network, and a
 * rolled-back change leaves no entry behind.
 */
export async function appendAudit(tx: Database, entry: NewAuditEntry): Promise<AuditRow> {
  // One statement creates the head if needed, locks it for this transaction and returns it.
  const [head] = await tx
    .insert(auditChainHeads)
    .values({ networkId: entry.networkId, lastSeq: 0, lastHash: GENESIS_HASH })
    .onConflictDoUpdate({
      target: auditChainHeads.networkId,
      set: { lastSeq: sql`${auditChainHeads.lastSeq}` },
    })
    .returning();
  if (!head) throw new Error('audit chain head missing after upsert');

  const unhashed = {
    networkId: entry.networkId,
    seq: head.lastSeq + 1,
    at: new Date(),
    actorPersonId: entry.actor?.personId ?? null,
    actorRole: entry.actor?.role ?? null,
    actorOrganisationId: entry.actor?.organisationId ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    detail: entry.detail ?? {},
  };
  const row: AuditRow = {
    ...unhashed,
    prevHash: head.lastHash,
    hash: chainHash(head.lastHash, unhashed),
  };
  await tx.insert(auditEntries).values(row);
  await tx
    .update(auditChainHeads)
    .set({ lastSeq: row.seq, lastHash: row.hash })
    .where(eq(auditChainHeads.networkId, entry.networkId));
  return row;
}

export interface AuditFilter {
  readonly networkId: string;
  readonly action?: string | undefined;
  readonly objectType?: string | undefined;
  readonly objectId?: string | undefined;
  readonly actorPersonId?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** Entries with seq below this (newest first, keyset pagination). */
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
}

export async function listAuditEntries(db: Database, filter: AuditFilter): Promise<AuditRow[]> {
  const conditions = [
    eq(auditEntries.networkId, filter.networkId),
    filter.action ? eq(auditEntries.action, filter.action) : undefined,
    filter.objectType ? eq(auditEntries.objectType, filter.objectType) : undefined,
    filter.objectId ? eq(auditEntries.objectId, filter.objectId) : undefined,
    filter.actorPersonId ? eq(auditEntries.actorPersonId, filter.actorPersonId) : undefined,
    filter.from ? gte(auditEntries.at, filter.from) : undefined,
    filter.to ? lte(auditEntries.at, filter.to) : undefined,
    filter.beforeSeq !== undefined ? lt(auditEntries.seq, filter.beforeSeq) : undefined,
  ];
  return db
    .select()
    .from(auditEntries)
    .where(and(...conditions))
    .orderBy(desc(auditEntries.seq))
    .limit(filter.limit);
}

export interface BrokenLink {
  readonly seq: number;
  readonly at: Date;
  readonly action: string;
  readonly reason: string;
}

export interface ChainVerification {
  readonly networkId: string;
  readonly intact: boolean;
  readonly entriesChecked: number;
  readonly firstBroken: BrokenLink | null;
}

const VERIFY_BATCH = 2_000;

/** Walks one network's chain from the start and names the first entry that does not hold. */
export async function verifyAuditChain(
  db: Database,
  networkId: string,
): Promise<ChainVerification> {
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const broken = (row: AuditRow, reason: string): ChainVerification => ({
    networkId,
    intact: false,
    entriesChecked: checked,
    firstBroken: { seq: row.seq, at: row.at, action: row.action, reason },
  });

  for (;;) {
    const batch = await db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.networkId, networkId), gt(auditEntries.seq, expectedSeq - 1)))
      .orderBy(asc(auditEntries.seq))
      .limit(VERIFY_BATCH);
    for (const row of batch) {
      if (row.seq !== expectedSeq) return broken(row, `entry ${expectedSeq} is missing`);
      if (row.prevHash !== previousHash) return broken(row, 'does not link to the entry before it');
      if (chainHash(row.prevHash, row) !== row.hash) {
        return broken(row, 'its content no longer matches its hash (edited after it was written)');
      }
      previousHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (batch.length < VERIFY_BATCH) break;
  }

  const [head] = await db
    .select()
    .from(auditChainHeads)
    .where(eq(auditChainHeads.networkId, networkId));
  if (head && (head.lastSeq !== checked || head.lastHash !== previousHash)) {
    return {
      networkId,
      intact: false,
      entriesChecked: checked,
      firstBroken: {
        seq: checked + 1,
        at: new Date(0),
        action: 'unknown',
        reason: `the chain head records ${head.lastSeq} entries but ${checked} were found: entries were removed`,
      },
    };
  }
  return { networkId, intact: true, entriesChecked: checked, firstBroken: null };
}

export async function listChainNetworkIds(db: Database): Promise<string[]> {
  const rows = await db
    .select({ networkId: auditChainHeads.networkId })
    .from(auditChainHeads)
    .orderBy(asc(auditChainHeads.networkId));
  return rows.map((r) => r.networkId);
}

export async function distinctAuditActions(db: Database, networkId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditEntries.action })
    .from(auditEntries)
    .where(eq(auditEntries.networkId, networkId))
    .orderBy(asc(auditEntries.action));
  return rows.map((r) => r.action);
}
