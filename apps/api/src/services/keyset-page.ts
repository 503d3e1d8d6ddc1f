import { z } from 'zod';

/**
 * Keyset pagination for list views. A cursor is the sort key of the last row of a page,
 * handed to the client as an opaque string (base64url of a JSON array) so the client never
 * builds one and the key can change without changing the API. The query then asks for rows
 * after that key (`WHERE (k1, k2) > ($1, $2) ORDER BY k1, k2 LIMIT n + 1`), never OFFSET,
 * so page 20,000 costs what page 1 costs.
 */

/** How many rows a page holds unless the caller asks for fewer or more (up to the maximum). */
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;

export const ZPageLimit = z
  .number()
  .int('Ask for a whole number of rows')
  .min(1, 'Ask for at least one row')
  .max(PAGE_SIZE_MAX, `Ask for at most ${PAGE_SIZE_MAX} rows`)
  .default(PAGE_SIZE_DEFAULT);

const STALE = 'That page link is not valid. Start again from the first page.';

/** Writes a page's last sort key as an opaque cursor. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeJson(text: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * An optional `cursor` input that decodes to the sort key `key` describes; anything else
 * (edited, truncated, from another list) is refused as a bad `cursor`, never a 500.
 */
export function zCursor<T extends z.ZodType>(key: T) {
  return z
    .string()
    .max(512, STALE)
    .transform((text, ctx): z.output<T> => {
      const parsed = key.safeParse(decodeJson(text));
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: STALE });
        return z.NEVER;
      }
      return parsed.data;
    });
}

/** The page to return and the cursor for the next one, from `limit + 1` fetched rows. */
export function toPage<Row>(
  rows: readonly Row[],
  limit: number,
  keyOf: (row: Row) => readonly (string | number)[],
): { page: Row[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
