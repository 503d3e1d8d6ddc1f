import { pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';

/** The tenant: one hub, its sites and its commissioners. No data crosses between networks. */
export const networks = pgTable('networks', {
  id: id(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  createdAt: createdAt(),
});
