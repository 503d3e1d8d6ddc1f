import { randomUUID } from 'node:crypto';
import {
  type BankDetailsRow,
  confirmBankDetails,
  type Database,
  ensurePayee,
  findBankDetailsById,
  findOrganisationById,
  findPayee,
  findPayeeById,
  findPeopleNames,
  insertBankDetails,
  listActiveMembershipsOfPerson,
  listPayeesWithNames,
  listPendingBankDetails,
  liveBankDetails,
  rejectBankDetails,
} from '@coproduce/db';
import { DomainError } from '@coproduce/domain';
import type { ActingMember } from '../../trpc/context.ts';
import { auditDecision } from '../audit-service.ts';
import { moneySettings } from '../money-settings.ts';
import { isUniqueViolation } from '../payment-run/db-errors.ts';
import { type BankAccount, encryptBankAccount } from './crypto.ts';

/** What anyone is shown of an account: the last three digits; the sort code is never shown. */
function masked(row: BankDetailsRow | undefined) {
  return row
    ? {
        bankDetailsId: row.id,
        status: row.status,
        accountEnding: row.accountLast3,
        sortCodeMasked: '**-**-**' as const,
        requestedAt: row.requestedAt.toISOString(),
        decidedAt: row.decidedAt?.toISOString() ?? null,
      }
    : null;
}

async function payeeView(db: Database, networkId: string, payeeId: string | null, name: string) {
  const rows = payeeId ? await liveBankDetails(db, { networkId, payeeIds: [payeeId] }) : [];
  return {
    payeeId,
    payeeName: name,
    confirmed: masked(rows.find((r) => r.status === 'confirmed')),
    pending: masked(rows.find((r) => r.status === 'pending')),
  };
}

/**
 * The caller's own payee: a practitioner is paid as a person, a site lead looks after their
 * site's account (milestone payments go to the site).
 */
function ownParty(
  actor: ActingMember,
): { networkId: string; organisationId: string } | { networkId: string; personId: string } {
  return actor.role === 'site_lead'
    ? { networkId: actor.networkId, organisationId: actor.organisationId }
    : { networkId: actor.networkId, personId: actor.personId };
}

export async function myBankDetails(db: Database, actor: ActingMember) {
  const party = ownParty(actor);
  const payee = await findPayee(db, party);
  const name =
    'organisationId' in party
      ? ((await findOrganisationById(db, party.organisationId))?.name ?? 'Your site')
      : ((await findPeopleNames(db, [party.personId])).get(party.personId) ?? 'You');
  return payeeView(db, actor.networkId, payee?.id ?? null, name);
}

export async function bankDetailsForPayee(
  db: Database,
  actor: ActingMember,
  input: { payeeId: string },
) {
  const payee = await findPayeeById(db, input.payeeId);
  if (!payee || payee.networkId !== actor.networkId)
    throw new DomainError('not-found', 'That payee was not found.', 'payeeId');
  const [named] = await listPayeesWithNames(db, { networkId: actor.networkId, ids: [payee.id] });
  return payeeView(db, actor.networkId, payee.id, named?.name ?? 'Unknown payee');
}

export interface BankDetailsRequest {
  /** For a finance officer: the person or organisation to be paid. */
  readonly personId?: string | undefined;
  readonly organisationId?: string | undefined;
  readonly sortCode: string;
  readonly accountNumber: string;
  readonly accountName: string;
}

/** Who the change is for, as the caller's role allows. */
async function partyFor(db: Database, actor: ActingMember, input: BankDetailsRequest) {
  const { personId, organisationId } = input;
  if (personId && organisationId)
    throw new DomainError(
      'invalid',
      'Give the person or the organisation to pay, not both.',
      'organisationId',
    );
  if (actor.role === 'finance_officer') {
    if (!personId && !organisationId)
      throw new DomainError('invalid', 'Choose the person or the organisation to pay.', 'personId');
    if (personId) {
      const memberships = await listActiveMembershipsOfPerson(db, personId);
      if (!memberships.some((m) => m.network.id === actor.networkId))
        throw new DomainError('not-found', 'That person was not found.', 'personId');
      return { networkId: actor.networkId, personId };
    }
    const organisation = organisationId
      ? await findOrganisationById(db, organisationId)
      : undefined;
    if (!organisation || organisation.networkId !== actor.networkId || organisation.kind !== 'site')
      throw new DomainError('not-found', 'That site was not found.', 'organisationId');
    return { networkId: actor.networkId, organisationId: organisation.id };
  }
  const own = ownParty(actor);
  const asked = personId
    ? { networkId: actor.networkId, personId }
    : organisationId
      ? { networkId: actor.networkId, organisationId }
      : own;
  const same =
    'personId' in own
      ? 'personId' in asked && asked.personId === own.personId
      : 'organisationId' in asked && asked.organisationId === own.organisationId;
  if (!same)
    throw new DomainError(
      'forbidden',
      actor.role === 'site_lead'
        ? 'You can change your own site’s bank details only.'
        : 'You can change your own bank details only.',
      personId ? 'personId' : 'organisationId',
    );
  return own;
}

/**
 * Asks for new bank details: stored encrypted, pending until someone else confirms them; the
 * payee's payments are held meanwhile. The audit records ids and the last three digits only.
 */
export async function requestBankDetails(
  db: Database,
  actor: ActingMember,
  input: BankDetailsRequest,
) {
  const party = await partyFor(db, actor, input);
  const account: BankAccount = {
    sortCode: input.sortCode.replace(/[\s-]/g, ''),
    accountNumber: input.accountNumber.replace(/\s/g, ''),
    accountName: input.accountName.trim(),
  };
  return db.transaction(async (tx) => {
    const payee = await ensurePayee(tx, party);
    const live = await liveBankDetails(tx, { networkId: actor.networkId, payeeIds: [payee.id] });
    if (live.some((r) => r.status === 'pending')) throw pendingAlready();
    const id = randomUUID();
    const accountLast3 = account.accountNumber.slice(-3);
    try {
      await insertBankDetails(tx, {
        id,
        networkId: actor.networkId,
        payeeId: payee.id,
        encrypted: encryptBankAccount(moneySettings().bankDetailsKey, account, payee.id),
        accountLast3,
        requestedBy: actor.personId,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw pendingAlready();
      throw error;
    }
    await auditDecision(tx, actor, {
      action: 'bank-details.requested',
      objectType: 'payee',
      objectId: payee.id,
      detail: { bankDetailsId: id, accountLast3 },
    });
    return {
      bankDetailsId: id,
      payeeId: payee.id,
      status: 'pending' as const,
      accountEnding: accountLast3,
    };
  });
}

function pendingAlready() {
  return new DomainError(
    'conflict',
    'A change to these bank details is already waiting for confirmation.',
    'accountNumber',
  );
}

/** Changes waiting for a second person (a finance officer or hub approver). */
export async function pendingBankDetails(db: Database, actor: ActingMember) {
  const rows = await listPendingBankDetails(db, actor.networkId);
  const payees = await listPayeesWithNames(db, {
    networkId: actor.networkId,
    ids: [...new Set(rows.map((r) => r.payeeId))],
  });
  const live = await liveBankDetails(db, {
    networkId: actor.networkId,
    payeeIds: rows.map((r) => r.payeeId),
  });
  const nameOf = new Map(payees.map((p) => [p.id, p]));
  return {
    changes: rows.map((r) => ({
      bankDetailsId: r.id,
      payeeId: r.payeeId,
      payeeName: nameOf.get(r.payeeId)?.name ?? 'Unknown payee',
      accountEnding: r.accountLast3,
      currentAccountEnding:
        live.find((l) => l.payeeId === r.payeeId && l.status === 'confirmed')?.accountLast3 ?? null,
      requestedByName: r.requestedByName,
      requestedAt: r.requestedAt.toISOString(),
      /** The caller asked for it (or it is their own account): someone else must decide. */
      canDecide:
        r.requestedBy !== actor.personId && nameOf.get(r.payeeId)?.personId !== actor.personId,
    })),
  };
}

/** A second person confirms or rejects a change; never the person who asked, nor the payee. */
export async function decideBankDetails(
  db: Database,
  actor: ActingMember,
  input: { bankDetailsId: string; decision: 'confirm' | 'reject' },
) {
  const row = await findBankDetailsById(db, input.bankDetailsId);
  if (!row || row.networkId !== actor.networkId)
    throw new DomainError('not-found', 'That bank details change was not found.', 'bankDetailsId');
  if (row.requestedBy === actor.personId)
    throw new DomainError(
      'forbidden',
      'You asked for this change, so someone else must confirm it.',
      'bankDetailsId',
    );
  const payee = await findPayeeById(db, row.payeeId);
  if (payee?.personId === actor.personId)
    throw new DomainError(
      'forbidden',
      'These are your own bank details, so someone else must confirm the change.',
      'bankDetailsId',
    );
  return db.transaction(async (tx) => {
    const at = new Date();
    const done =
      input.decision === 'confirm'
        ? await confirmBankDetails(tx, {
            id: row.id,
            payeeId: row.payeeId,
            decidedBy: actor.personId,
            at,
          })
        : await rejectBankDetails(tx, { id: row.id, decidedBy: actor.personId, at });
    if (!done)
      throw new DomainError(
        'conflict',
        'This change has already been decided. Reload to see the latest.',
        'bankDetailsId',
      );
    await auditDecision(tx, actor, {
      action: input.decision === 'confirm' ? 'bank-details.confirmed' : 'bank-details.rejected',
      objectType: 'payee',
      objectId: row.payeeId,
      detail: { bankDetailsId: row.id, accountLast3: row.accountLast3 },
    });
    return {
      bankDetailsId: row.id,
      payeeId: row.payeeId,
      status: input.decision === 'confirm' ? ('confirmed' as const) : ('rejected' as const),
    };
  });
}
