import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import {
  confirmBankDetails,
  createNetwork,
  createOrganisation,
  createPersonWithPassword,
  enableTwoFactor,
  ensurePayee,
  getPaymentRun,
  insertBankDetails,
  insertMembership,
  insertPaymentFixtures,
  insertProgramme,
  ledgerTrialBalance,
  replaceProgrammeParties,
} from '@coproduce/db';
import { createTestDatabase } from '@coproduce/db/testing';
import { checkBacsStandard18, payableRaisedPosting, type Role } from '@coproduce/domain';
import { initialSnapshot, WORKFLOWS } from '@coproduce/workflow';
import { symmetricEncrypt } from 'better-auth/crypto';
import type { FastifyBaseLogger } from 'fastify';
import { writeSection } from '../../../scripts/bench-report.mjs';
import { createAuth } from '../src/auth/auth.ts';
import { loadConfig } from '../src/env.ts';
import { encryptBankAccount } from '../src/services/bank-details/crypto.ts';
import { postMany } from '../src/services/ledger-service.ts';
import { configureMoney, moneySettings } from '../src/services/money-settings.ts';
import {
  approvePaymentRun,
  createPaymentRun,
  getRun,
  recordConfirmation,
  releasePaymentRun,
} from '../src/services/payment-run/payment-run-service.ts';
import { totpCodeFor } from '../src/services/payment-run/step-up.ts';
import { addDays, today } from '../src/time.ts';
import type { ActingMember } from '../src/trpc/context.ts';

/**
 * A payment run of 10,000 payables (approved practitioner sessions of 500 people), through the
 * services a finance officer uses: create (every payable re-checked), approve (second person,
 * two-factor code), release (bank details decrypted, Bacs Standard 18 file and CSV made, one
 * transaction), then the bank's confirmation of every line (payments and ledger postings).
 * Run with and without DATABASE_URL.
 */
const PAYABLES = 10_000;
const PRACTITIONERS = 500;
const RATE_PENCE = 4_500;
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPBENCHAPPROVER234';

const database = await createTestDatabase();
const engine = database.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15';
const db = database.db;
const config = loadConfig({ NODE_ENV: 'test' });
configureMoney(config.money);
const auth = createAuth({
  db,
  secret: config.authSecret,
  publicUrl: config.publicUrl,
  mailer: { send: async () => {} },
  log: silentLog(),
});

function silentLog(): FastifyBaseLogger {
  const nothing = () => {};
  const log = { level: 'silent', fatal: nothing, error: nothing, warn: nothing, info: nothing };
  return Object.assign(log, {
    debug: nothing,
    trace: nothing,
    silent: nothing,
    child: () => log,
  }) as unknown as FastifyBaseLogger;
}

async function person(name: string) {
  return createPersonWithPassword(db, {
    name,
    email: `${randomUUID()}@bench.example.org`,
    passwordHash: 'not-a-real-hash',
    emailVerified: true,
  });
}

async function member(networkId: string, organisationId: string, role: Role, name: string) {
  const p = await person(name);
  const membership = await insertMembership(db, {
    networkId,
    organisationId,
    personId: p.id,
    role,
    grantedBy: null,
  });
  if (!membership) throw new Error('no membership');
  const actor: ActingMember = {
    personId: p.id,
    membershipId: membership.id,
    role,
    organisationId,
    networkId,
  };
  return actor;
}

async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { seconds: (performance.now() - started) / 1000, result };
}

/** 10,000 approved sessions of 500 practitioners, each with confirmed bank details. */
async function world() {
  const network = await createNetwork(db, { slug: `bench-${randomUUID()}`, name: 'Bench' });
  const networkId = network.id;
  const org = (kind: 'hub' | 'site' | 'commissioner', name: string) =>
    createOrganisation(db, { networkId, kind, name });
  const hub = await org('hub', 'Bench hub');
  const site = await org('site', 'Bench site');
  const funder = await org('commissioner', 'Bench funder');
  const creator = await member(networkId, hub.id, 'finance_officer', 'Bench Creator');
  const approver = await member(networkId, hub.id, 'finance_officer', 'Bench Approver');
  const context = await auth.$context;
  await enableTwoFactor(db, {
    personId: approver.personId,
    encryptedSecret: await symmetricEncrypt({
      key: context.secretConfig,
      data: `base32:${TOTP_SECRET}`,
    }),
    encryptedBackupCodes: await symmetricEncrypt({ key: context.secretConfig, data: '[]' }),
  });
  const programme = await insertProgramme(db, {
    name: 'Bench programme',
    need: '',
    population: '',
    budgetPence: 1_000_000_000,
    delegationLimitPence: 0,
    networkId,
    hubOrganisationId: hub.id,
    state: 'active.delivery',
    stage: 'delivery',
    snapshot: initialSnapshot('programme'),
    machineVersion: WORKFLOWS.programme.version,
    createdBy: creator.personId,
  });
  await replaceProgrammeParties(db, {
    networkId,
    programmeId: programme.id,
    siteIds: [site.id],
    funders: [{ organisationId: funder.id, shareBasisPoints: 10_000 }],
  });
  const roles: { id: string; personId: string; payeeId: string }[] = [];
  for (let i = 0; i < PRACTITIONERS; i += 1) {
    const p = await person(`Practitioner ${i + 1}`);
    const payee = await ensurePayee(db, { networkId, personId: p.id });
    const bankDetailsId = randomUUID();
    await insertBankDetails(db, {
      id: bankDetailsId,
      networkId,
      payeeId: payee.id,
      encrypted: encryptBankAccount(
        moneySettings().bankDetailsKey,
        {
          sortCode: '990101',
          accountNumber: String(10_000_000 + i).padStart(8, '0'),
          accountName: `Practitioner ${i + 1}`,
        },
        payee.id,
      ),
      accountLast3: String(i % 1000).padStart(3, '0'),
      requestedBy: p.id,
    });
    await confirmBankDetails(db, {
      id: bankDetailsId,
      payeeId: payee.id,
      decidedBy: creator.personId,
      at: new Date(),
    });
    roles.push({ id: randomUUID(), personId: p.id, payeeId: payee.id });
  }
  const yearAgo = new Date(Date.now() - 365 * 86_400_000);
  const sessions = Array.from({ length: PAYABLES }, (_, i) => {
    const role = roles[i % PRACTITIONERS] ?? roles[0];
    return { id: randomUUID(), role, heldOn: addDays(today(), -1 - (i % 60)) };
  });
  const workLogIds = sessions.map(() => randomUUID());
  const payableIds = sessions.map(() => randomUUID());
  await insertPaymentFixtures(db, {
    paidRoles: roles.map((r, i) => ({
      id: r.id,
      networkId,
      programmeId: programme.id,
      siteOrganisationId: site.id,
      title: `Practitioner role ${i + 1}`,
      holderPersonId: r.personId,
      payBasis: 'per_session' as const,
      payRatePence: RATE_PENCE,
      state: 'active',
      snapshot: initialSnapshot('paidRole'),
      machineVersion: WORKFLOWS.paidRole.version,
    })),
    checks: roles.flatMap((r) =>
      (
        [
          'enhanced_dbs',
          'right_to_work',
          'qualification',
          'clinical_supervisor',
          'safeguarding_training',
        ] as const
      ).map((kind) => ({
        networkId,
        paidRoleId: r.id,
        kind,
        reference: 'Bench',
        expiresOn: addDays(today(), 365),
        recordedBy: creator.personId,
      })),
    ),
    transitions: roles.map((r) => ({
      networkId,
      workflowKind: 'paidRole' as const,
      subjectId: r.id,
      version: 2,
      event: 'ACTIVATE',
      payload: {},
      fromState: 'checks',
      toState: 'active',
      at: yearAgo,
    })),
    sessions: sessions.map((s, i) => ({
      id: s.id,
      networkId,
      siteOrganisationId: site.id,
      programmeId: programme.id,
      heldOn: s.heldOn,
      kind: 'treatment' as const,
      durationMinutes: 60,
      practitionerId: s.role?.personId ?? '',
      recordedBy: s.role?.personId ?? '',
      idempotencyKey: `bench-${i}`,
    })),
    workLogs: sessions.map((s, i) => ({
      id: workLogIds[i],
      networkId,
      paidRoleId: s.role?.id ?? '',
      personId: s.role?.personId ?? '',
      kind: 'session' as const,
      deliverySessionId: s.id,
      minutes: 60,
      workedOn: s.heldOn,
      state: 'approved' as const,
    })),
    payables: sessions.map((s, i) => ({
      id: payableIds[i],
      networkId,
      programmeId: programme.id,
      payeeId: s.role?.payeeId ?? '',
      amountPence: RATE_PENCE,
      workLogId: workLogIds[i],
      description: `Practitioner session on ${s.heldOn}`,
      dueOn: today(),
    })),
  });
  // The payables are charged to the budget, as approval would have done.
  await db.transaction((tx) =>
    postMany(
      tx,
      { networkId, personId: creator.personId },
      sessions.map((s, i) => ({
        kind: 'payable-raised',
        source: `payable:${payableIds[i]}`,
        memo: 'bench',
        entries: payableRaisedPosting(programme.id, s.role?.payeeId ?? '', RATE_PENCE, [
          { organisationId: funder.id, share: 10_000 },
        ]),
      })),
    ),
  );
  return { networkId, creator, approver };
}

try {
  const { networkId, creator, approver } = await world();
  const created = await timed(() =>
    createPaymentRun(db, creator, { dueBy: today(), idempotencyKey: randomUUID() }),
  );
  if (created.result.lineCount !== PAYABLES)
    throw new Error(`the run has ${created.result.lineCount} lines`);
  const runId = created.result.runId;
  const approved = await timed(() =>
    approvePaymentRun(db, auth, approver, {
      runId,
      totpCode: totpCodeFor(TOTP_SECRET),
      idempotencyKey: randomUUID(),
    }),
  );
  const released = await timed(() =>
    releasePaymentRun(db, creator, { runId, idempotencyKey: randomUUID() }),
  );
  const run = await getPaymentRun(db, { networkId, id: runId });
  const check = checkBacsStandard18(run?.bacsFile ?? '');
  if (!check.ok || check.credits !== PAYABLES || check.totalPence !== PAYABLES * RATE_PENCE)
    throw new Error(`the Bacs file does not check: ${JSON.stringify(check).slice(0, 300)}`);
  const lines = (await getRun(db, creator, runId)).lines;
  const confirmed = await timed(() =>
    recordConfirmation(db, creator, {
      runId,
      idempotencyKey: randomUUID(),
      lines: lines.map((l) => ({
        lineId: l.id,
        outcome: 'paid' as const,
        bankReference: l.reference,
      })),
    }),
  );
  if (confirmed.result.state !== 'completed') throw new Error('the run did not complete');
  const balance = await ledgerTrialBalance(db, networkId);
  if (balance.totalPence !== 0 || balance.unbalancedPostings !== 0)
    throw new Error('the ledger does not balance');

  const s = (seconds: number) => `${seconds.toFixed(2)} s`;
  const total = created.seconds + approved.seconds + released.seconds;
  const kb = ((run?.bacsFile?.length ?? 0) / 1024).toFixed(0);
  writeSection(
    `payment-run-${database.kind}`,
    database.kind === 'pglite'
      ? 'npm run bench -w @coproduce/api'
      : 'DATABASE_URL=… npm run bench -w @coproduce/api',
    `## A payment run of ${PAYABLES.toLocaleString('en-GB')} payables on ${engine}

${PAYABLES.toLocaleString('en-GB')} approved practitioner sessions of ${PRACTITIONERS} people, each
with confirmed, encrypted bank details, through the services: \`createPaymentRun\` (every payable
re-checked: the work's date and the role's checks, bank details), \`approvePaymentRun\` (a second
finance officer, two-factor code), \`releasePaymentRun\` (one transaction: bank details decrypted,
Bacs Standard 18 file of ${kb} KB and CSV, SHA-256, transition, audit), then
\`recordConfirmation\` of every line (payments and ${PAYABLES.toLocaleString('en-GB')} ledger postings).

| step | time |
|---|---|
| create (re-check and write ${PAYABLES.toLocaleString('en-GB')} lines) | ${s(created.seconds)} |
| approve (2FA) | ${s(approved.seconds)} |
| release (decrypt, Bacs file and CSV, one transaction) | ${s(released.seconds)} |
| **create + approve + release** | **${s(total)}** |
| bank confirmation of every line (payments, ledger) | ${s(confirmed.seconds)} |

The Bacs file passes \`checkBacsStandard18\` (${PAYABLES.toLocaleString('en-GB')} credits, totals equal to the lines)
and the ledger balances afterwards. Load average when the run ended: ${loadavg()[0]?.toFixed(1)}
(anything above the number of cores means other work shared the machine and slowed these figures).`,
  );
  console.log(
    `payment run of ${PAYABLES} on ${engine}: create ${s(created.seconds)}, approve ${s(approved.seconds)}, release ${s(released.seconds)}, confirm ${s(confirmed.seconds)}`,
  );
} finally {
  await database.dispose();
}
