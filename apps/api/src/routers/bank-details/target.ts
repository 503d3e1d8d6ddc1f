import { findBankDetailsById, findPayeeById } from '@coproduce/db';
import type { TargetResolver } from '../../trpc/init.ts';

/** Payees and their bank details belong to the network as a whole (the hub pays them). */
export const payeeById: TargetResolver = async (db, input) => {
  const id = (input as { payeeId?: unknown }).payeeId;
  const payee = typeof id === 'string' ? await findPayeeById(db, id) : undefined;
  return payee ? { networkId: payee.networkId, organisationIds: [] } : null;
};

export const bankDetailsById: TargetResolver = async (db, input) => {
  const id = (input as { bankDetailsId?: unknown }).bankDetailsId;
  const row = typeof id === 'string' ? await findBankDetailsById(db, id) : undefined;
  return row ? { networkId: row.networkId, organisationIds: [] } : null;
};
