import { ORGANISATION_KINDS } from '@coproduce/domain';
import { index, pgEnum, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { networks } from './networks.ts';

export const organisationKind = pgEnum('organisation_kind', ORGANISATION_KINDS);

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    networkId: uuid()
      .notNull()
      .references(() => networks.id),
    kind: organisationKind().notNull(),
    name: text().notNull(),
    /** What sort of hub, site or commissioner, in words: "Integrated care board", "Mosque". */
    category: text(),
    /** Sites: who to call when a questionnaire raises a safeguarding risk. */
    safeguardingContactName: text(),
    safeguardingContactPhone: text(),
    createdAt: createdAt(),
  },
  (t) => [
    unique().on(t.networkId, t.name),
    // Lets other tables reference (network_id, id) so a row can never point across tenants.
    unique().on(t.networkId, t.id),
    index().on(t.networkId, t.kind),
  ],
);
