import {
  type Database,
  findPayee,
  getPaymentRun,
  listOrganisations,
  listPayeesWithNames,
  listPaymentRunLines,
  listPaymentsToPayees,
} from '@coproduce/db';
import { DomainError } from '@coproduce/domain';
import type { ActingMember } from '../../trpc/context.ts';
import { auditDecision } from '../audit-service.ts';
import { renderRemittancePdf } from './remittance-pdf.ts';

/** The payee the caller is: a practitioner as a person, a site lead as their site. */
async function ownPayee(db: Database, actor: ActingMember) {
  return findPayee(
    db,
    actor.role === 'site_lead'
      ? { networkId: actor.networkId, organisationId: actor.organisationId }
      : { networkId: actor.networkId, personId: actor.personId },
  );
}

/**
 * The remittance advice for one payee in one released run, as a PDF; the download is audited.
 * Lines the bank returned are shown as returned.
 */
export async function remittanceAdvice(
  db: Database,
  actor: ActingMember,
  input: { runId: string; payeeId: string },
) {
  const run = await getPaymentRun(db, { networkId: actor.networkId, id: input.runId });
  if (!run) throw new DomainError('not-found', 'That payment run was not found.', 'runId');
  if (!run.processingDate)
    throw new DomainError(
      'precondition-failed',
      'A remittance advice is made once the run is released.',
      'runId',
    );
  const lines = (
    await listPaymentRunLines(db, {
      networkId: actor.networkId,
      runId: run.id,
      payeeId: input.payeeId,
    })
  ).filter((l) => l.status !== 'failed' || l.failureReason?.startsWith('Held at release') !== true);
  if (lines.length === 0)
    throw new DomainError('not-found', 'Nothing was paid to this payee in that run.', 'payeeId');
  const [payee] = await listPayeesWithNames(db, {
    networkId: actor.networkId,
    ids: [input.payeeId],
  });
  const hub = (await listOrganisations(db, { networkId: actor.networkId })).find(
    (o) => o.kind === 'hub',
  );
  const pdf = await renderRemittancePdf({
    hubName: hub?.name ?? 'The hub',
    payeeName: payee?.name ?? 'Unknown payee',
    runId: run.id,
    processingDate: run.processingDate,
    accountEnding: lines[0]?.accountLast3 ?? null,
    lines: lines.map((l) => ({
      reference: l.reference,
      description: l.description,
      programmeName: l.programmeName,
      amountPence: l.amountPence,
      status: l.status,
    })),
    generatedAt: new Date().toISOString(),
  });
  await db.transaction((tx) =>
    auditDecision(tx, actor, {
      action: 'payment-run.remittance-downloaded',
      objectType: 'paymentRun',
      objectId: run.id,
      detail: { payeeId: input.payeeId },
    }),
  );
  return {
    fileName: `remittance-${run.processingDate}-${run.id.slice(0, 8)}.pdf`,
    mimeType: 'application/pdf',
    contentBase64: Buffer.from(pdf).toString('base64'),
  };
}

/** A practitioner's (or a site's) payments, newest first. */
export async function myPayments(db: Database, actor: ActingMember) {
  const payee = await ownPayee(db, actor);
  const rows = payee
    ? await listPaymentsToPayees(db, { networkId: actor.networkId, payeeIds: [payee.id] })
    : [];
  return {
    payeeId: payee?.id ?? null,
    payments: rows.map((p) => ({
      id: p.id,
      runId: p.runId,
      paidOn: p.paidOn,
      processingDate: p.processingDate,
      amountPence: p.amountPence,
      reference: p.reference,
      bankReference: p.bankReference,
      description: p.description,
      programmeName: p.programmeName,
    })),
  };
}

export async function myRemittance(db: Database, actor: ActingMember, input: { runId: string }) {
  const payee = await ownPayee(db, actor);
  if (!payee) throw new DomainError('not-found', 'Nothing was paid to you in that run.', 'runId');
  return remittanceAdvice(db, actor, { runId: input.runId, payeeId: payee.id });
}
