import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { bankDetails, organisations, payees, people } from '../schema/index.ts';

export type Payee = typeof payees.$inferSelect;
export type BankDetailsRow = typeof bankDetails.$inferSelect;

/** The payee for a person or an organisation, made on first use (one per network and party). */
export async function ensurePayee(
  tx: Database,
  party: { networkId: string; personId: string } | { networkId: string; organisationId: string },
): Promise<Payee> {
  const isPerson = 'personId' in party;
  await tx
    .insert(payees)
    .values(party)
    .onConflictDoNothing({
      target: isPerson
        ? [payees.networkId, payees.personId]
        : [payees.networkId, payees.organisationId],
    });
  const [row] = await tx
    .select()
    .from(payees)
    .where(
      and(
        eq(payees.networkId, party.networkId),
        isPerson
          ? eq(payees.personId, party.personId)
          : eq(payees.organisationId, party.organisationId),
      ),
    );
  if (!row) throw new Error('payee missing after insert');
  return row;
}

export async function findPayee(
  db: Database,
  party: { networkId: string; personId: string } | { networkId: string; organisationId: string },
): Promise<Payee | undefined> {
  const [row] = await db
    .select()
    .from(payees)
    .where(
      and(
        eq(payees.networkId, party.networkId),
        'personId' in party
          ? eq(payees.personId, party.personId)
          : eq(payees.organisationId, party.organisationId),
      ),
    );
  return row;
}

export async function findPayeeById(db: Database, id: string): Promise<Payee | undefined> {
  const [row] = await db.select().from(payees).where(eq(payees.id, id));
  return row;
}

/** Payees with the name to show: the person's or the organisation's. */
export async function listPayeesWithNames(
  db: Database,
  { networkId, ids }: { networkId: string; ids?: readonly string[] | undefined },
) {
  if (ids && ids.length === 0) return [];
  const name = sql<string>`coalesce(${people.name}, ${organisations.name}, 'Unknown payee')`;
  return db
    .select({
      id: payees.id,
      personId: payees.personId,
      organisationId: payees.organisationId,
      name,
    })
    .from(payees)
    .leftJoin(people, eq(people.id, payees.personId))
    .leftJoin(organisations, eq(organisations.id, payees.organisationId))
    .where(and(eq(payees.networkId, networkId), ids ? inArray(payees.id, [...ids]) : undefined))
    .orderBy(asc(name), asc(payees.id));
}

export async function insertBankDetails(
  tx: Database,
  values: Pick<
    typeof bankDetails.$inferInsert,
    'id' | 'networkId' | 'payeeId' | 'encrypted' | 'accountLast3' | 'requestedBy'
  >,
): Promise<BankDetailsRow> {
  const [row] = await tx
    .insert(bankDetails)
    .values({ ...values, status: 'pending' })
    .returning();
  if (!row) throw new Error('insert into bank_details returned nothing');
  return row;
}

export async function findBankDetailsById(
  db: Database,
  id: string,
): Promise<BankDetailsRow | undefined> {
  const [row] = await db.select().from(bankDetails).where(eq(bankDetails.id, id));
  return row;
}

/** A payee's live rows: the confirmed account and any change waiting for confirmation. */
export async function liveBankDetails(
  db: Database,
  { networkId, payeeIds }: { networkId: string; payeeIds: readonly string[] },
): Promise<BankDetailsRow[]> {
  if (payeeIds.length === 0) return [];
  return db
    .select()
    .from(bankDetails)
    .where(
      and(
        eq(bankDetails.networkId, networkId),
        inArray(bankDetails.payeeId, [...payeeIds]),
        inArray(bankDetails.status, ['pending', 'confirmed']),
      ),
    );
}

/** Every live row of the network (payment runs look at all payees at once). */
export async function liveBankDetailsOfNetwork(db: Database, networkId: string) {
  return db
    .select({
      id: bankDetails.id,
      payeeId: bankDetails.payeeId,
      status: bankDetails.status,
      accountLast3: bankDetails.accountLast3,
    })
    .from(bankDetails)
    .where(
      and(
        eq(bankDetails.networkId, networkId),
        inArray(bankDetails.status, ['pending', 'confirmed']),
      ),
    );
}

export async function bankDetailsByIds(db: Database, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(bankDetails)
    .where(inArray(bankDetails.id, [...ids]));
}

/**
 * Confirms a pending change: the confirmed row it replaces becomes `superseded` first (one
 * confirmed row per payee). Returns false when the row is no longer pending (decided already).
 */
export async function confirmBankDetails(
  tx: Database,
  { id, payeeId, decidedBy, at }: { id: string; payeeId: string; decidedBy: string; at: Date },
): Promise<boolean> {
  const [pending] = await tx
    .select({ id: bankDetails.id })
    .from(bankDetails)
    .where(and(eq(bankDetails.id, id), eq(bankDetails.status, 'pending')))
    .for('update');
  if (!pending) return false;
  await tx
    .update(bankDetails)
    .set({ status: 'superseded' })
    .where(and(eq(bankDetails.payeeId, payeeId), eq(bankDetails.status, 'confirmed')));
  await tx
    .update(bankDetails)
    .set({ status: 'confirmed', decidedBy, decidedAt: at })
    .where(eq(bankDetails.id, id));
  return true;
}

export async function rejectBankDetails(
  tx: Database,
  { id, decidedBy, at }: { id: string; decidedBy: string; at: Date },
): Promise<boolean> {
  const rows = await tx
    .update(bankDetails)
    .set({ status: 'rejected', decidedBy, decidedAt: at })
    .where(and(eq(bankDetails.id, id), eq(bankDetails.status, 'pending')))
    .returning({ id: bankDetails.id });
  return rows.length === 1;
}

/** Changes waiting for a second person, oldest first, with who asked and for whom. */
export async function listPendingBankDetails(db: Database, networkId: string) {
  return db
    .select({
      id: bankDetails.id,
      payeeId: bankDetails.payeeId,
      accountLast3: bankDetails.accountLast3,
      requestedBy: bankDetails.requestedBy,
      requestedByName: people.name,
      requestedAt: bankDetails.requestedAt,
    })
    .from(bankDetails)
    .innerJoin(people, eq(people.id, bankDetails.requestedBy))
    .where(and(eq(bankDetails.networkId, networkId), eq(bankDetails.status, 'pending')))
    .orderBy(asc(bankDetails.requestedAt), asc(bankDetails.id));
}
