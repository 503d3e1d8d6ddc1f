import { bigint, date, foreignKey, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { organisations } from './organisations.ts';
import { programmes } from './programmes.ts';
import { workflowColumns } from './workflow-columns.ts';

/** A milestone of a programme, evidenced by a site (or the hub) and approved by the hub. */
export const milestones = pgTable(
  'milestones',
  {
    id: id(),
    networkId: uuid().notNull(),
    programmeId: uuid().notNull(),
    /** The site that evidences it; null when the hub does. */
    siteOrganisationId: uuid(),
    title: text().notNull(),
    evidenceRequired: text().notNull().default(''),
    dueOn: date(),
    valuePence: bigint({ mode: 'number' }).notNull(),
    ...workflowColumns(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.networkId, t.programmeId],
      foreignColumns: [programmes.networkId, programmes.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.networkId, t.siteOrganisationId],
      foreignColumns: [organisations.networkId, organisations.id],
    }),
    index().on(t.networkId, t.programmeId),
    index().on(t.networkId, t.state),
  ],
);
