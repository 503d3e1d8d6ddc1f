import {
  type Claim,
  type Database,
  findPaidRoleById,
  getClaim,
  getMilestone,
  getPaymentRun,
  getProgramme,
  type Milestone,
  type PaidRole,
  type PaymentRun,
  type Programme,
} from '@coproduce/db';
import { DomainError } from '@coproduce/domain';
import type { WorkflowKind } from '@coproduce/workflow';

/**
 * What every workflow subject has, plus the programme it belongs to. A payment run pays
 * payables of many programmes, so it belongs to none.
 */
export type Subject =
  | { kind: 'programme'; row: Programme; programme: Programme }
  | { kind: 'milestone'; row: Milestone; programme: Programme }
  | { kind: 'paidRole'; row: PaidRole; programme: Programme }
  | { kind: 'claim'; row: Claim; programme: Programme }
  | { kind: 'paymentRun'; row: PaymentRun; programme: null };

const NOUNS: Record<WorkflowKind, string> = {
  programme: 'programme',
  milestone: 'milestone',
  paidRole: 'paid role',
  claim: 'claim',
  paymentRun: 'payment run',
};

export function noun(kind: WorkflowKind): string {
  return NOUNS[kind];
}

export async function loadSubject(
  db: Database,
  networkId: string,
  kind: WorkflowKind,
  id: string,
): Promise<Subject> {
  const missing = () => new DomainError('not-found', `That ${NOUNS[kind]} was not found.`, 'id');
  if (kind === 'programme') {
    const row = await getProgramme(db, { networkId, id });
    if (!row) throw missing();
    return { kind, row, programme: row };
  }
  if (kind === 'paymentRun') {
    const row = await getPaymentRun(db, { networkId, id });
    if (!row) throw missing();
    return { kind, row, programme: null };
  }
  if (kind === 'claim') {
    const row = await getClaim(db, { networkId, id });
    const programme = row && (await getProgramme(db, { networkId, id: row.programmeId }));
    if (!row || !programme) throw missing();
    return { kind, row, programme };
  }
  const row =
    kind === 'milestone'
      ? await getMilestone(db, { networkId, id })
      : await findPaidRoleById(db, id);
  if (!row || row.networkId !== networkId) throw missing();
  const programme = await getProgramme(db, { networkId, id: row.programmeId });
  if (!programme) throw missing();
  return kind === 'milestone'
    ? { kind, row: row as Milestone, programme }
    : { kind, row: row as PaidRole, programme };
}
