import { eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { twoFactors } from '../schema/index.ts';

/**
 * A person's TOTP secret as better-auth stored it (encrypted): approving a payment run asks for
 * a fresh code, checked on the server against it.
 */
export async function findEncryptedTotpSecret(
  db: Database,
  personId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ secret: twoFactors.secret, verified: twoFactors.verified })
    .from(twoFactors)
    .where(eq(twoFactors.userId, personId));
  return row && row.verified !== false ? row.secret : undefined;
}
