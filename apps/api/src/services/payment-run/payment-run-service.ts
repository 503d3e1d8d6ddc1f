import { createHash } from 'node:crypto';
import {
  bankDetailsByIds,
  countIncludedLines,
  type Database,
  failPaymentRunLines,
  findPeopleNames,
  getPaymentRun,
  insertPaymentRun,
  insertPaymentRunLines,
  insertPayments,
  listOpenPayablesDueBy,
  listPayableFacts,
  listPayeesWithNames,
  listPaymentRunLines,
  listPaymentRuns,
  lockPaymentRun,
  type PaymentRun,
  payablesByIds,
  payPaymentRunLines,
  updatePaymentRun,
} from '@coproduce/db';
import { DomainError, paymentPosting, stateWords } from '@coproduce/domain';
import { initialSnapshot, type PersistedSnapshot, stateOf, WORKFLOWS } from '@coproduce/workflow';
import type { Auth } from '../../auth/auth.ts';
import { today } from '../../time.ts';
import type { ActingMember } from '../../trpc/context.ts';
import { auditDecision } from '../audit-service.ts';
import { decryptBankAccount } from '../bank-details/crypto.ts';
import { withIdempotency } from '../idempotency.ts';
import { postMany } from '../ledger-service.ts';
import { moneySettings } from '../money-settings.ts';
import { funderSharesOf, markMilestonePaid } from '../payables-service.ts';
import { transitionWorkflow } from '../workflow/transition.ts';
import { type ConfirmedLine, parseConfirmationCsv } from './confirmation-csv.ts';
import { isUniqueViolation } from './db-errors.ts';
import { buildBankFiles, lineReference, nextProcessingDay } from './files.ts';
import { holdReasons } from './holds.ts';
import { verifyStepUpCode } from './step-up.ts';
import { takeSystemStep } from './system-step.ts';

const notFound = () => new DomainError('not-found', 'That payment run was not found.', 'runId');

async function lockRun(tx: Database, actor: ActingMember, runId: string): Promise<PaymentRun> {
  const run = await lockPaymentRun(tx, { networkId: actor.networkId, id: runId });
  if (!run) throw notFound();
  return run;
}

function notNow(run: PaymentRun, what: string) {
  return new DomainError(
    'conflict',
    `You cannot ${what} this payment run while it is ${stateWords(run.state)}.`,
    'runId',
    { state: run.state },
  );
}

/**
 * A finance officer makes a run from every open payable due by `dueBy` that is in no other live
 * run: each is re-checked (work done while the role was active with checks in date, the role
 * not held now, confirmed bank details and no change pending) and the rest are listed with why.
 */
export async function createPaymentRun(
  db: Database,
  actor: ActingMember,
  input: { dueBy: string; idempotencyKey: string },
) {
  const request = { dueBy: input.dueBy };
  return db.transaction((tx) =>
    withIdempotency(
      tx,
      actor,
      { key: input.idempotencyKey, procedure: 'paymentRun.create', request },
      async () => {
        const open = await listOpenPayablesDueBy(tx, {
          networkId: actor.networkId,
          dueBy: input.dueBy,
        });
        if (open.length === 0)
          throw new DomainError(
            'precondition-failed',
            `Nothing is waiting to be paid by ${input.dueBy}.`,
            'dueBy',
          );
        const { reasons, confirmedBankDetails } = await holdReasons(
          tx,
          actor.networkId,
          open,
          today(),
        );
        const included = open.filter((p) => !reasons.has(p.id));
        const names = new Map(
          (
            await listPayeesWithNames(tx, {
              networkId: actor.networkId,
              ids: [...new Set(open.map((p) => p.payeeId))],
            })
          ).map((p) => [p.id, p.name]),
        );
        const exclusions = open
          .filter((p) => reasons.has(p.id))
          .map((p) => ({
            payableId: p.id,
            payeeName: names.get(p.payeeId) ?? 'Unknown payee',
            description: p.description,
            amountPence: p.amountPence,
            reason: reasons.get(p.id) ?? '',
          }));
        if (included.length === 0)
          throw new DomainError(
            'precondition-failed',
            `None of the ${open.length} payments due by ${input.dueBy} can be paid now: ${[...new Set(exclusions.map((e) => e.reason))].join('; ')}.`,
            'dueBy',
            { exclusions },
          );
        const snapshot = initialSnapshot('paymentRun');
        const totalPence = included.reduce((sum, p) => sum + p.amountPence, 0);
        const run = await insertPaymentRun(tx, {
          networkId: actor.networkId,
          dueBy: input.dueBy,
          state: stateOf('paymentRun', snapshot),
          snapshot,
          machineVersion: WORKFLOWS.paymentRun.version,
          createdBy: actor.personId,
          totalPence,
          lineCount: included.length,
          exclusions: exclusions.map((e) => ({ payableId: e.payableId, reason: e.reason })),
        });
        try {
          await insertPaymentRunLines(
            tx,
            included.map((p, index) => ({
              networkId: actor.networkId,
              runId: run.id,
              payableId: p.id,
              payeeId: p.payeeId,
              bankDetailsId: confirmedBankDetails.get(p.payeeId)?.id ?? '',
              amountPence: p.amountPence,
              reference: lineReference(run.id, index + 1),
              status: 'included' as const,
            })),
          );
        } catch (error) {
          if (isUniqueViolation(error))
            throw new DomainError(
              'conflict',
              'Another payment run took some of these payments just now. Reload and try again.',
              'dueBy',
            );
          throw error;
        }
        await auditDecision(tx, actor, {
          action: 'payment-run.created',
          objectType: 'paymentRun',
          objectId: run.id,
          detail: {
            dueBy: input.dueBy,
            lineCount: included.length,
            totalPence,
            excludedCount: exclusions.length,
          },
        });
        return {
          runId: run.id,
          state: run.state,
          version: run.version,
          lineCount: included.length,
          totalPence,
          exclusions,
        };
      },
    ),
  );
}

/**
 * A second person approves the run: a finance officer or hub approver who did not create it,
 * with a fresh two-factor code.
 */
export async function approvePaymentRun(
  db: Database,
  auth: Auth,
  actor: ActingMember,
  input: {
    runId: string;
    expectedVersion?: number | undefined;
    totpCode: string;
    idempotencyKey: string;
  },
) {
  // The code is a credential, not part of what is asked: a retry with a new code is the same request.
  const request = { runId: input.runId, expectedVersion: input.expectedVersion ?? null };
  return db.transaction((tx) =>
    withIdempotency(
      tx,
      actor,
      { key: input.idempotencyKey, procedure: 'paymentRun.approve', request },
      async () => {
        const run = await lockRun(tx, actor, input.runId);
        if (run.createdBy === actor.personId)
          throw new DomainError(
            'forbidden',
            'You created this run, so someone else must approve it.',
            'runId',
          );
        if (run.state !== 'draft') throw notNow(run, 'approve');
        await verifyStepUpCode(tx, auth, actor.personId, input.totpCode);
        const moved = await transitionWorkflow(tx, actor, {
          kind: 'paymentRun',
          id: run.id,
          expectedVersion: input.expectedVersion ?? run.version,
          event: 'APPROVE',
        });
        await updatePaymentRun(tx, { id: run.id, values: { approvedBy: actor.personId } });
        await auditDecision(tx, actor, {
          action: 'payment-run.approved',
          objectType: 'paymentRun',
          objectId: run.id,
          detail: { lineCount: run.lineCount, totalPence: run.totalPence, stepUp: 'totp' },
        });
        return { runId: run.id, state: moved.state, version: moved.version };
      },
    ),
  );
}

/**
 * Releases an approved run, all in one transaction: lines whose payee is held now fail with the
 * reason (their payables are open again), bank details are decrypted for the file only, the Bacs
 * Standard 18 file and the bulk-payment CSV are made with the SHA-256 of the Bacs file, the run
 * moves to released and the release is audited. A crash leaves all of it or none of it.
 */
export async function releasePaymentRun(
  db: Database,
  actor: ActingMember,
  input: { runId: string; idempotencyKey: string },
  at: Date = new Date(),
) {
  const request = { runId: input.runId };
  return db.transaction((tx) =>
    withIdempotency(
      tx,
      actor,
      { key: input.idempotencyKey, procedure: 'paymentRun.release', request },
      async () => {
        const run = await lockRun(tx, actor, input.runId);
        if (run.state !== 'approved') throw notNow(run, 'release');
        const lines = (
          await listPaymentRunLines(tx, { networkId: actor.networkId, runId: run.id })
        ).filter((l) => l.status === 'included');
        const bankDetailsOf = new Map(lines.map((l) => [l.payableId, l.bankDetailsId]));
        const facts = await listPayableFacts(tx, {
          networkId: actor.networkId,
          ids: lines.map((l) => l.payableId),
        });
        const { reasons } = await holdReasons(
          tx,
          actor.networkId,
          facts.map((p) => ({ ...p, bankDetailsId: bankDetailsOf.get(p.id) ?? '' })),
          today(at),
        );
        const held = lines.filter((l) => reasons.has(l.payableId));
        await failPaymentRunLines(tx, {
          runId: run.id,
          lines: held.map((l) => ({
            id: l.id,
            reason: `Held at release: ${reasons.get(l.payableId)}`,
          })),
          at,
        });
        const paying = lines.filter((l) => !reasons.has(l.payableId));
        if (paying.length === 0)
          throw new DomainError(
            'precondition-failed',
            `Every payment in this run is held now: ${[...new Set(reasons.values())].join('; ')}. Cancel the run instead.`,
            'runId',
          );
        const key = moneySettings().bankDetailsKey;
        const accounts = new Map(
          (await bankDetailsByIds(tx, [...new Set(paying.map((l) => l.bankDetailsId))])).map(
            (b) => [b.id, decryptBankAccount(key, b.encrypted, b.payeeId)],
          ),
        );
        const createdOn = today(at);
        const processingDate = nextProcessingDay(createdOn);
        const files = buildBankFiles({
          runId: run.id,
          originator: moneySettings().originator,
          createdOn,
          processingDate,
          lines: paying.map((l) => {
            const account = accounts.get(l.bankDetailsId);
            if (!account) throw new Error(`bank details ${l.bankDetailsId} missing for a run line`);
            return {
              reference: l.reference,
              payeeName: l.payeeName,
              amountPence: l.amountPence,
              account,
            };
          }),
        });
        const moved = await transitionWorkflow(
          tx,
          actor,
          { kind: 'paymentRun', id: run.id, expectedVersion: run.version, event: 'RELEASE' },
          at,
        );
        await updatePaymentRun(tx, {
          id: run.id,
          values: {
            releasedBy: actor.personId,
            releasedAt: at,
            processingDate,
            bacsFile: files.bacsFile,
            bulkPaymentCsv: files.bulkPaymentCsv,
            fileSha256: files.fileSha256,
          },
        });
        const totalPence = paying.reduce((sum, l) => sum + l.amountPence, 0);
        await auditDecision(tx, actor, {
          action: 'payment-run.released',
          objectType: 'paymentRun',
          objectId: run.id,
          detail: {
            lineCount: paying.length,
            totalPence,
            heldCount: held.length,
            processingDate,
            fileSha256: files.fileSha256,
          },
        });
        return {
          runId: run.id,
          state: moved.state,
          version: moved.version,
          processingDate,
          fileSha256: files.fileSha256,
          lineCount: paying.length,
          totalPence,
          held: held.map((l) => ({
            lineId: l.id,
            payableId: l.payableId,
            reason: reasons.get(l.payableId) ?? '',
          })),
        };
      },
    ),
  );
}

/** Cancels a run before release: its lines stop being live, so their payables are open again. */
export async function cancelPaymentRun(
  db: Database,
  actor: ActingMember,
  input: { runId: string; reason: string },
) {
  return db.transaction(async (tx) => {
    const run = await lockRun(tx, actor, input.runId);
    if (run.state !== 'draft' && run.state !== 'approved') throw notNow(run, 'cancel');
    const moved = await transitionWorkflow(tx, actor, {
      kind: 'paymentRun',
      id: run.id,
      expectedVersion: run.version,
      event: 'CANCEL',
      reason: input.reason,
    });
    const lines = await listPaymentRunLines(tx, { networkId: actor.networkId, runId: run.id });
    await failPaymentRunLines(tx, {
      runId: run.id,
      lines: lines
        .filter((l) => l.status === 'included')
        .map((l) => ({
          id: l.id,
          reason: `The payment run was cancelled: ${input.reason.trim()}`,
        })),
      at: new Date(),
    });
    await auditDecision(tx, actor, {
      action: 'payment-run.cancelled',
      objectType: 'paymentRun',
      objectId: run.id,
      detail: { reason: input.reason.trim() },
    });
    return { runId: run.id, state: moved.state, version: moved.version };
  });
}

export type ConfirmationInput =
  | { lineId: string; outcome: 'paid'; bankReference: string }
  | { lineId: string; outcome: 'failed'; reason: string };

/**
 * Records what the bank did with each line of a released run. Paid: the line is paid, the
 * payment recorded (one per payable: the database refuses a second) and posted to the ledger, a
 * milestone marked paid. Failed: the line keeps the reason and its payable is open again. A line
 * already decided is left as it is and reported. Once no line is waiting, the run completes.
 */
export async function recordConfirmation(
  db: Database,
  actor: ActingMember,
  input: { runId: string; idempotencyKey: string; lines: readonly ConfirmationInput[] },
) {
  const { idempotencyKey, ...request } = input;
  return db.transaction((tx) =>
    withIdempotency(
      tx,
      actor,
      { key: idempotencyKey, procedure: 'paymentRun.recordConfirmation', request },
      () => confirmLines(tx, actor, input.runId, input.lines, (index) => `lines.${index}.lineId`),
    ),
  );
}

/** The bank's confirmation as a CSV file (reference,status,reason): see `parseConfirmationCsv`. */
export async function uploadConfirmation(
  db: Database,
  actor: ActingMember,
  input: { runId: string; idempotencyKey: string; contentBase64: string },
) {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const rows = parseConfirmationCsv(bytes);
  const request = { runId: input.runId, sha256: createHash('sha256').update(bytes).digest('hex') };
  return db.transaction((tx) =>
    withIdempotency(
      tx,
      actor,
      { key: input.idempotencyKey, procedure: 'paymentRun.uploadConfirmation', request },
      async () => {
        const lines = await listPaymentRunLines(tx, {
          networkId: actor.networkId,
          runId: input.runId,
        });
        const byReference = new Map(lines.map((l) => [l.reference, l.id]));
        const confirmed = rows.map((row: ConfirmedLine, index): ConfirmationInput => {
          const lineId = byReference.get(row.reference);
          if (!lineId)
            throw new DomainError(
              'invalid',
              `Row ${index + 2}, column reference: no payment in this run has the reference ${row.reference}.`,
              'file',
            );
          return row.outcome === 'paid'
            ? { lineId, outcome: 'paid', bankReference: row.bankReference }
            : { lineId, outcome: 'failed', reason: row.reason };
        });
        return confirmLines(
          tx,
          actor,
          input.runId,
          confirmed,
          (index) => `file (row ${index + 2})`,
        );
      },
    ),
  );
}

async function confirmLines(
  tx: Database,
  actor: ActingMember,
  runId: string,
  confirmed: readonly ConfirmationInput[],
  fieldOf: (index: number) => string,
) {
  const run = await lockRun(tx, actor, runId);
  if (run.state !== 'released') throw notNow(run, 'record the bank’s confirmation for');
  const lines = new Map(
    (await listPaymentRunLines(tx, { networkId: actor.networkId, runId: run.id })).map((l) => [
      l.id,
      l,
    ]),
  );
  const seen = new Set<string>();
  confirmed.forEach((c, index) => {
    if (!lines.has(c.lineId))
      throw new DomainError('invalid', 'That payment is not in this run.', fieldOf(index));
    if (seen.has(c.lineId))
      throw new DomainError('invalid', 'That payment is listed twice.', fieldOf(index));
    seen.add(c.lineId);
  });
  const at = new Date();
  const paidOn = today(at);
  const bankReferenceOf = new Map(
    confirmed.flatMap((c) =>
      c.outcome === 'paid' ? [[c.lineId, c.bankReference.trim()] as const] : [],
    ),
  );
  const paid = await payPaymentRunLines(tx, {
    runId: run.id,
    lineIds: [...bankReferenceOf.keys()],
    at,
  });
  await insertPayments(
    tx,
    paid.map((p) => ({
      networkId: actor.networkId,
      payableId: p.payableId,
      runLineId: p.id,
      amountPence: p.amountPence,
      paidOn,
      bankReference: bankReferenceOf.get(p.id) ?? '',
      recordedBy: actor.personId,
    })),
  );
  const sharesByProgramme = new Map<string, Awaited<ReturnType<typeof funderSharesOf>>>();
  const postings = [];
  for (const p of paid) {
    const line = lines.get(p.id);
    if (!line) continue;
    let shares = sharesByProgramme.get(line.programmeId);
    if (!shares) {
      shares = await funderSharesOf(tx, line.programmeId);
      sharesByProgramme.set(line.programmeId, shares);
    }
    postings.push({
      networkId: actor.networkId,
      kind: 'payment',
      source: `run-line:${p.id}`,
      memo: `${line.reference}: ${line.description}`,
      entries: paymentPosting(line.programmeId, p.payeeId, p.amountPence, shares),
    });
  }
  await postMany(tx, actor, postings);
  for (const p of paid) {
    const milestoneId = lines.get(p.id)?.milestoneId;
    if (milestoneId) await markMilestonePaid(tx, { networkId: actor.networkId, milestoneId, at });
  }
  const failed = await failPaymentRunLines(tx, {
    runId: run.id,
    lines: confirmed.flatMap((c) =>
      c.outcome === 'failed' ? [{ id: c.lineId, reason: c.reason.trim() }] : [],
    ),
    at,
  });
  const paidIds = new Set(paid.map((p) => p.id));
  const failedIds = new Set(failed);
  const results = confirmed.map((c) => ({
    lineId: c.lineId,
    result: paidIds.has(c.lineId)
      ? ('paid' as const)
      : failedIds.has(c.lineId)
        ? ('failed' as const)
        : ('already-decided' as const),
    status: paidIds.has(c.lineId)
      ? 'paid'
      : failedIds.has(c.lineId)
        ? 'failed'
        : (lines.get(c.lineId)?.status ?? 'included'),
  }));
  const remaining = await countIncludedLines(tx, run.id);
  let state = run.state;
  let version = run.version;
  if (remaining === 0) {
    const completed = await takeSystemStep(
      tx,
      {
        kind: 'paymentRun',
        networkId: actor.networkId,
        id: run.id,
        version: run.version,
        snapshot: run.snapshot as PersistedSnapshot,
      },
      { type: 'COMPLETE' },
      'the bank confirmed every payment',
      at,
    );
    if (completed) ({ state, version } = completed);
  }
  await auditDecision(tx, actor, {
    action: 'payment-run.confirmation-recorded',
    objectType: 'paymentRun',
    objectId: run.id,
    detail: {
      paid: paid.length,
      failed: failed.length,
      alreadyDecided: results.filter((r) => r.result === 'already-decided').length,
      remaining,
    },
  });
  return { runId: run.id, state, version, results, remaining };
}

/** Runs for the finance screens, newest first. */
export async function listRuns(db: Database, actor: ActingMember) {
  const runs = await listPaymentRuns(db, actor.networkId);
  return {
    runs: runs.map((r) => ({
      id: r.id,
      dueBy: r.dueBy,
      state: r.state,
      version: r.version,
      createdByName: r.createdByName,
      createdAt: r.createdAt.toISOString(),
      processingDate: r.processingDate,
      totalPence: r.totalPence,
      lineCount: r.lineCount,
      excludedCount: Number(r.excludedCount),
    })),
  };
}

/** One run with its lines and exclusions, and what the caller may do with it now. */
export async function getRun(db: Database, actor: ActingMember, runId: string) {
  const run = await getPaymentRun(db, { networkId: actor.networkId, id: runId });
  if (!run) throw notFound();
  const lines = await listPaymentRunLines(db, { networkId: actor.networkId, runId: run.id });
  const excluded = await payablesByIds(
    db,
    run.exclusions.map((e) => e.payableId),
  );
  const payeeNames = new Map(
    (
      await listPayeesWithNames(db, {
        networkId: actor.networkId,
        ids: [...new Set(excluded.map((p) => p.payeeId))],
      })
    ).map((p) => [p.id, p.name]),
  );
  const people = await findPeopleNames(
    db,
    [run.createdBy, run.approvedBy, run.releasedBy].flatMap((id) => (id ? [id] : [])),
  );
  const isFinance = actor.role === 'finance_officer';
  const canApproveRole = isFinance || actor.role === 'hub_approver';
  return {
    id: run.id,
    dueBy: run.dueBy,
    state: run.state,
    version: run.version,
    createdBy: { personId: run.createdBy, name: people.get(run.createdBy) ?? 'Former member' },
    approvedBy: run.approvedBy
      ? { personId: run.approvedBy, name: people.get(run.approvedBy) ?? 'Former member' }
      : null,
    releasedBy: run.releasedBy
      ? { personId: run.releasedBy, name: people.get(run.releasedBy) ?? 'Former member' }
      : null,
    createdAt: run.createdAt.toISOString(),
    releasedAt: run.releasedAt?.toISOString() ?? null,
    processingDate: run.processingDate,
    totalPence: run.totalPence,
    lineCount: run.lineCount,
    fileSha256: run.fileSha256,
    lines: lines.map((l) => ({
      id: l.id,
      payableId: l.payableId,
      payeeId: l.payeeId,
      payeeName: l.payeeName,
      accountEnding: l.accountLast3,
      amountPence: l.amountPence,
      reference: l.reference,
      status: l.status,
      failureReason: l.failureReason,
      bankReference: l.bankReference,
      description: l.description,
      programmeId: l.programmeId,
      programmeName: l.programmeName,
      dueOn: l.dueOn,
    })),
    exclusions: run.exclusions.map((e) => {
      const payable = excluded.find((p) => p.id === e.payableId);
      return {
        payableId: e.payableId,
        payeeName: (payable && payeeNames.get(payable.payeeId)) ?? 'Unknown payee',
        description: payable?.description ?? '',
        amountPence: payable?.amountPence ?? 0,
        reason: e.reason,
      };
    }),
    can: {
      approve: canApproveRole && run.state === 'draft' && run.createdBy !== actor.personId,
      release: isFinance && run.state === 'approved',
      cancel: isFinance && (run.state === 'draft' || run.state === 'approved'),
      download: isFinance && run.bacsFile !== null,
      recordConfirmation: isFinance && run.state === 'released',
    },
  };
}

export type BankFileKind = 'bacs' | 'csv';

/** The bank file of a released run, for a finance officer to send; each download is audited. */
export async function downloadBankFile(
  db: Database,
  actor: ActingMember,
  input: { runId: string; file: BankFileKind },
) {
  const run = await getPaymentRun(db, { networkId: actor.networkId, id: input.runId });
  if (!run) throw notFound();
  const content = input.file === 'bacs' ? run.bacsFile : run.bulkPaymentCsv;
  if (content === null)
    throw new DomainError(
      'precondition-failed',
      'The bank file is made when the run is released.',
      'runId',
    );
  await db.transaction((tx) =>
    auditDecision(tx, actor, {
      action: 'payment-run.file-downloaded',
      objectType: 'paymentRun',
      objectId: run.id,
      detail: { file: input.file, fileSha256: run.fileSha256 },
    }),
  );
  const stem = `payment-run-${run.processingDate ?? run.dueBy}-${run.id.slice(0, 8)}`;
  return {
    fileName: input.file === 'bacs' ? `${stem}-bacs.txt` : `${stem}.csv`,
    mimeType: input.file === 'bacs' ? 'text/plain' : 'text/csv',
    contentBase64: Buffer.from(content, 'utf8').toString('base64'),
    sha256: input.file === 'bacs' ? run.fileSha256 : null,
  };
}
