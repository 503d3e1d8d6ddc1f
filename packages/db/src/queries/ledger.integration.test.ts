import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntries } from '../schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../testing.ts';
import { insertLedgerPosting, ledgerTrialBalance } from './ledger.ts';
import { createNetwork } from './organisations.ts';

let database: TestDatabase;
let networkId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  networkId = (await createNetwork(database.db, { slug: 'ledger', name: 'Ledger network' })).id;
});
afterAll(async () => {
  await database?.dispose();
});

const posting = (source: string, amounts: number[]) => ({
  networkId,
  kind: 'test',
  source,
  memo: '',
  postedBy: null,
  entries: amounts.map((amountPence, i) => ({ account: `account-${i}`, amountPence })),
});

/** The database's own rules (migration 0006), whatever a service might get wrong. */
describe('ledger rules in the database', () => {
  it('refuses, at commit, a posting whose entries do not sum to zero', async () => {
    await expect(
      database.db.transaction((tx) => insertLedgerPosting(tx, posting('unbalanced', [500, -499]))),
    ).rejects.toThrow();
    await expect(
      database.db.transaction((tx) => insertLedgerPosting(tx, posting('one-sided', [500]))),
    ).rejects.toThrow();
    await database.db.transaction((tx) =>
      insertLedgerPosting(tx, posting('balanced', [500, -500])),
    );
    expect(await database.db.$count(ledgerEntries)).toBe(2);
  });

  it('refuses an entry added later to an old posting when it unbalances it', async () => {
    const [entry] = await database.db.select().from(ledgerEntries).limit(1);
    await expect(
      database.db.insert(ledgerEntries).values({
        networkId,
        postingId: entry?.postingId ?? '',
        account: 'late',
        amountPence: 1,
      }),
    ).rejects.toThrow();
  });

  it('is append-only: no update, delete or truncate', async () => {
    await expect(
      database.db.execute(sql`update ledger_entries set amount_pence = 1`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`delete from ledger_postings`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate ledger_entries`)).rejects.toThrow();
    expect(await ledgerTrialBalance(database.db, networkId)).toEqual({
      totalPence: 0,
      postings: 1,
      unbalancedPostings: 0,
    });
  });
});
