import { findPaymentRunById } from '@coproduce/db';
import type { TargetResolver } from '../../trpc/init.ts';

/** A payment run belongs to its network as a whole: it pays payees of many programmes. */
export const paymentRunById: TargetResolver = async (db, input) => {
  const id = (input as { runId?: unknown }).runId;
  const run = typeof id === 'string' ? await findPaymentRunById(db, id) : undefined;
  return run ? { networkId: run.networkId, organisationIds: [] } : null;
};
