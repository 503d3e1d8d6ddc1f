import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditChainHeads } from '../schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../testing.ts';
import { appendAudit, listAuditEntries, verifyAuditChain } from './audit.ts';
import { createNetwork } from './organisations.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

async function networkWithEntries(slug: string, count: number) {
  const network = await createNetwork(database.db, { slug, name: `Network ${slug}` });
  for (let i = 0; i < count; i += 1) {
    await database.db.transaction((tx) =>
      appendAudit(tx, {
        networkId: network.id,
        actor: null,
        action: 'membership.granted',
        objectType: 'membership',
        objectId: `m-${i}`,
        detail: { role: 'practitioner', index: i, nested: { b: 2, a: [1, 'x'] } },
      }),
    );
  }
  return network;
}

describe('audit trail', () => {
  it('chains entries per network and verifies them', async () => {
    const a = await networkWithEntries('chain-a', 5);
    const b = await networkWithEntries('chain-b', 3);
    expect(await verifyAuditChain(database.db, a.id)).toMatchObject({
      intact: true,
      entriesChecked: 5,
    });
    expect(await verifyAuditChain(database.db, b.id)).toMatchObject({
      intact: true,
      entriesChecked: 3,
    });
    const entries = await listAuditEntries(database.db, { networkId: a.id, limit: 10 });
    expect(entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(entries[0]?.prevHash).toBe(entries[1]?.hash);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of entries', async () => {
    const network = await networkWithEntries('append-only', 1);
    const refusal = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(
      database.db.execute(
        sql`update audit_entries set action = 'x' where network_id = ${network.id}`,
      ),
    ).rejects.toMatchObject(refusal);
    await expect(
      database.db.execute(sql`delete from audit_entries where network_id = ${network.id}`),
    ).rejects.toMatchObject(refusal);
    await expect(database.db.execute(sql`truncate audit_entries cascade`)).rejects.toMatchObject(
      refusal,
    );
  });

  it('names the first entry edited behind the trigger', async () => {
    const network = await networkWithEntries('tampered', 6);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_entries disable trigger audit_entries_append_only`);
      await tx.execute(
        sql`update audit_entries set detail = '{"role":"hub_approver"}' where network_id = ${network.id} and seq = 4`,
      );
      await tx.execute(sql`alter table audit_entries enable trigger audit_entries_append_only`);
    });
    const result = await verifyAuditChain(database.db, network.id);
    expect(result.intact).toBe(false);
    expect(result.entriesChecked).toBe(3);
    expect(result.firstBroken).toMatchObject({
      seq: 4,
      reason: expect.stringMatching(/no longer matches/),
    });
  });

  it('names a deleted entry and a removed tail', async () => {
    const gap = await networkWithEntries('gap', 4);
    const tail = await networkWithEntries('tail', 4);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_entries disable trigger audit_entries_append_only`);
      await tx.execute(sql`delete from audit_entries where network_id = ${gap.id} and seq = 2`);
      await tx.execute(sql`delete from audit_entries where network_id = ${tail.id} and seq = 4`);
      await tx.execute(sql`alter table audit_entries enable trigger audit_entries_append_only`);
    });
    expect((await verifyAuditChain(database.db, gap.id)).firstBroken).toMatchObject({
      seq: 3,
      reason: 'entry 2 is missing',
    });
    expect((await verifyAuditChain(database.db, tail.id)).firstBroken).toMatchObject({
      seq: 4,
      reason: expect.stringMatching(/entries were removed/),
    });
  });

  it('keeps one unbroken chain under 20 concurrent writers', async () => {
    const network = await networkWithEntries('concurrent', 0);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction(async (tx) => {
          await appendAudit(tx, {
            networkId: network.id,
            actor: null,
            action: 'invitation.created',
            objectType: 'invitation',
            objectId: `i-${i}`,
          });
        }),
      ),
    );
    const result = await verifyAuditChain(database.db, network.id);
    expect(result).toMatchObject({ intact: true, entriesChecked: 20 });
  });

  it('leaves no entry behind when the change it records rolls back', async () => {
    const network = await networkWithEntries('rollback', 1);
    await expect(
      database.db.transaction(async (tx) => {
        await appendAudit(tx, {
          networkId: network.id,
          actor: null,
          action: 'invitation.created',
          objectType: 'invitation',
          objectId: 'never',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const entries = await listAuditEntries(database.db, { networkId: network.id, limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries.every((e) => e.objectId !== 'never')).toBe(true);
    const [head] = await database.db
      .select()
      .from(auditChainHeads)
      .where(eq(auditChainHeads.networkId, network.id));
    expect(head?.lastSeq).toBe(1);
  });
});
