import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { accounts, people, twoFactors } from '../schema/index.ts';

export type Person = typeof people.$inferSelect;

export async function findPersonByEmail(db: Database, email: string): Promise<Person | undefined> {
  const [row] = await db.select().from(people).where(eq(people.email, email.toLowerCase()));
  return row;
}

export async function getPerson(db: Database, id: string): Promise<Person | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row;
}

/** Creates a person who signs in with email and password (better-auth's "credential" account). */
export async function createPersonWithPassword(
  db: Database,
  values: { name: string; email: string; passwordHash: string; emailVerified: boolean },
): Promise<Person> {
  const [person] = await db
    .insert(people)
    .values({
      name: values.name,
      email: values.email.toLowerCase(),
      emailVerified: values.emailVerified,
    })
    .returning();
  if (!person) throw new Error('insert into people returned nothing');
  await db.insert(accounts).values({
    accountId: person.id,
    providerId: 'credential',
    userId: person.id,
    password: values.passwordHash,
  });
  return person;
}

export async function findPasswordHash(
  db: Database,
  personId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, personId), eq(accounts.providerId, 'credential')));
  return row?.password ?? undefined;
}

export async function findPeopleNames(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, [...ids]));
  return new Map(rows.map((p) => [p.id, p.name]));
}

/** Turns on TOTP for a person with an already-encrypted secret (demo seed and tests). */
export async function enableTwoFactor(
  db: Database,
  values: { personId: string; encryptedSecret: string; encryptedBackupCodes: string },
): Promise<void> {
  await db.insert(twoFactors).values({
    userId: values.personId,
    secret: values.encryptedSecret,
    backupCodes: values.encryptedBackupCodes,
    verified: true,
  });
  await db.update(people).set({ twoFactorEnabled: true }).where(eq(people.id, values.personId));
}
