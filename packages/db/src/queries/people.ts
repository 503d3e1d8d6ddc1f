import { eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { people } from '../schema/index.ts';

export type Person = typeof people.$inferSelect;

export async function findPersonByEmail(db: Database, email: string): Promise<Person | undefined> {
  const [row] = await db.select().from(people).where(eq(people.email, email.toLowerCase()));
  return row;
}

export async function getPerson(db: Database, id: string): Promise<Person | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row;
}
