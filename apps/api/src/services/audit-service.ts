import {
  type AuditActor,
  appendAudit,
  type Database,
  distinctAuditActions,
  findPeopleNames,
  listAuditEntries,
  listOrganisations,
  type NewAuditEntry,
  verifyAuditChain,
} from '@coproduce/db';
import type { ActingMember } from '../trpc/context.ts';

export function auditActor(actor: ActingMember): AuditActor {
  return { personId: actor.personId, role: actor.role, organisationId: actor.organisationId };
}

/** Records a person's decision in their network's audit chain, inside the change's transaction. */
export function auditDecision(
  tx: Database,
  actor: ActingMember,
  entry: Omit<NewAuditEntry, 'networkId' | 'actor'>,
) {
  return appendAudit(tx, { ...entry, networkId: actor.networkId, actor: auditActor(actor) });
}

export interface AuditQuery {
  readonly action?: string | undefined;
  readonly objectType?: string | undefined;
  readonly objectId?: string | undefined;
  readonly actorPersonId?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly cursor?: number | undefined;
  readonly limit: number;
}

const endOfDay = (day: string) => new Date(`${day}T23:59:59.999Z`);

export async function listAudit(db: Database, actor: ActingMember, query: AuditQuery) {
  const rows = await listAuditEntries(db, {
    networkId: actor.networkId,
    action: query.action,
    objectType: query.objectType,
    objectId: query.objectId,
    actorPersonId: query.actorPersonId,
    from: query.from ? new Date(`${query.from}T00:00:00.000Z`) : undefined,
    to: query.to ? endOfDay(query.to) : undefined,
    beforeSeq: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const personIds = [...new Set(page.flatMap((r) => (r.actorPersonId ? [r.actorPersonId] : [])))];
  const nameOf = await findPeopleNames(db, personIds);
  const organisations = new Map(
    (await listOrganisations(db, { networkId: actor.networkId })).map((o) => [o.id, o.name]),
  );
  return {
    entries: page.map((row) => ({
      seq: row.seq,
      at: row.at.toISOString(),
      action: row.action,
      objectType: row.objectType,
      objectId: row.objectId,
      actor: row.actorPersonId
        ? {
            personId: row.actorPersonId,
            name: nameOf.get(row.actorPersonId) ?? 'Former member',
            role: row.actorRole,
            organisationName:
              (row.actorOrganisationId && organisations.get(row.actorOrganisationId)) || null,
          }
        : null,
      detail: row.detail,
      hash: row.hash,
      prevHash: row.prevHash,
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
    actions: await distinctAuditActions(db, actor.networkId),
  };
}

/** Verifies the network's chain, then records that it was checked and what was found. */
export async function verifyNetworkChain(db: Database, actor: ActingMember) {
  const result = await verifyAuditChain(db, actor.networkId);
  await db.transaction((tx) =>
    appendAudit(tx, {
      networkId: actor.networkId,
      actor: auditActor(actor),
      action: 'audit.chain-verified',
      objectType: 'network',
      objectId: actor.networkId,
      detail: {
        intact: result.intact,
        entriesChecked: result.entriesChecked,
        firstBrokenSeq: result.firstBroken?.seq ?? null,
      },
    }),
  );
  return {
    intact: result.intact,
    entriesChecked: result.entriesChecked,
    firstBroken: result.firstBroken && {
      ...result.firstBroken,
      at: result.firstBroken.at.toISOString(),
    },
  };
}
