import {
  type Database,
  findPersonByEmail,
  insertPaidRoleCheck,
  listActiveMembershipsOfPerson,
  listOrganisations,
  listPaidRoles,
} from '@coproduce/db';
import type { Role } from '@coproduce/domain';
import type { Auth } from '../auth/auth.ts';
import {
  decideBankDetails,
  requestBankDetails,
} from '../services/bank-details/bank-details-service.ts';
import {
  approvePaymentRun,
  createPaymentRun,
  getRun,
  recordConfirmation,
  releasePaymentRun,
} from '../services/payment-run/payment-run-service.ts';
import { totpCodeFor } from '../services/payment-run/step-up.ts';
import { approveWork, confirmWork, logWork, myWork, setPay } from '../services/work-log-service.ts';
import { transitionWorkflow } from '../services/workflow/transition.ts';
import { addDays, today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';
import { KINGSMERE } from './demo-network.ts';

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

const EMAIL = {
  grace: 'grace.mensah@hub.example.org',
  david: 'david.levi@hub.example.org',
  fatima: 'fatima.begum@hub.example.org',
  owen: 'owen.price@hub.example.org',
  samuel: 'samuel.adeyemi@stbrigids.example.org',
  ruth: 'ruth.campbell@stbrigids.example.org',
  yusuf: 'yusuf.karim@alnoor.example.org',
  zainab: 'zainab.ali@alnoor.example.org',
} as const;

/** Fictional accounts in the right format (sort code 6 digits, account 8): not real banks. */
const ACCOUNTS = {
  ruth: { sortCode: '99-01-01', accountNumber: '00012345', accountName: 'R Campbell' },
  zainab: { sortCode: '99-01-02', accountNumber: '00023456', accountName: 'Z Ali' },
  stBrigids: {
    sortCode: '99-01-03',
    accountNumber: '00034567',
    accountName: "St Brigid's Community Church",
  },
  alNoor: { sortCode: '99-01-04', accountNumber: '00045678', accountName: 'Al-Noor Mosque' },
};

/**
 * Practitioner pay and payment runs for the demo, through the same services people use: pay
 * rates on the paid roles; confirmed bank details for the practitioners and St Brigid's (and
 * one change waiting for a second person); a second practitioner whose DBS check has since
 * lapsed, so her pay is held with the reason; work logs in every state; one completed run with
 * remittances, and one run made by Fatima Begum waiting for another person's approval.
 * Deterministic: idempotency keys and accounts are fixed.
 */
export async function seedDemoPayments(db: Database, networkId: string, auth: Auth) {
  const actors = new Map<string, ActingMember>();
  const as = async (email: string, role: Role) => {
    const key = `${email}/${role}`;
    const known = actors.get(key);
    if (known) return known;
    const person = await findPersonByEmail(db, email);
    const membership =
      person &&
      (await listActiveMembershipsOfPerson(db, person.id)).find(
        (m) => m.role === role && m.network.id === networkId,
      );
    if (!person || !membership) throw new Error(`demo seed: ${email} has no ${role} membership`);
    const actor: ActingMember = {
      personId: person.id,
      membershipId: membership.id,
      role,
      organisationId: membership.organisation.id,
      networkId,
    };
    actors.set(key, actor);
    return actor;
  };
  const grace = await as(EMAIL.grace, 'hub_coordinator');
  const david = await as(EMAIL.david, 'hub_approver');
  const fatima = await as(EMAIL.fatima, 'finance_officer');
  const owen = await as(EMAIL.owen, 'finance_officer');
  const samuel = await as(EMAIL.samuel, 'site_lead');
  const ruth = await as(EMAIL.ruth, 'practitioner');
  const yusuf = await as(EMAIL.yusuf, 'site_lead');
  const zainab = await as(EMAIL.zainab, 'practitioner');

  const organisations = new Map(
    (await listOrganisations(db, { networkId })).map((o) => [o.name, o.id]),
  );
  const siteId = (key: string) => {
    const name = KINGSMERE.organisations.find((o) => o.key === key)?.name ?? '';
    const id = organisations.get(name);
    if (!id) throw new Error(`demo seed: no organisation ${key}`);
    return id;
  };
  const roles = await listPaidRoles(db, { networkId });
  const roleAt = (site: string) => {
    const role = roles.find((r) => r.paidRole.siteOrganisationId === siteId(site));
    if (!role) throw new Error(`demo seed: no paid role at ${site}`);
    return role.paidRole;
  };
  const ruthRole = roleAt('st-brigids');
  const zainabRole = roleAt('al-noor');

  // Zainab takes the Al-Noor role; her DBS certificate has since lapsed (12 days ago).
  let version = zainabRole.version;
  const step = async (by: ActingMember, event: string, days: number, personId?: string) => {
    ({ version } = await transitionWorkflow(
      db,
      by,
      { kind: 'paidRole', id: zainabRole.id, expectedVersion: version, event, personId },
      daysAgo(days),
    ));
  };
  await step(yusuf, 'PROPOSE_CANDIDATE', 236, zainab.personId);
  await step(grace, 'START_CHECKS', 235);
  const checks = [
    { kind: 'enhanced_dbs', reference: 'DBS 001887766554', expiresOn: addDays(today(), -12) },
    { kind: 'right_to_work', reference: 'Passport seen by the hub', expiresOn: null },
    { kind: 'qualification', reference: 'PG Cert Systemic Family Therapy', expiresOn: null },
    {
      kind: 'clinical_supervisor',
      reference: 'Dr Eleanor Finch, family therapist',
      expiresOn: addDays(today(), 300),
    },
    {
      kind: 'safeguarding_training',
      reference: 'Level 3 safeguarding, Kingsmere SCP',
      expiresOn: addDays(today(), 200),
    },
  ] as const;
  for (const check of checks) {
    await insertPaidRoleCheck(db, {
      networkId,
      paidRoleId: zainabRole.id,
      ...check,
      recordedBy: grace.personId,
    });
  }
  await step(grace, 'ACTIVATE', 225);

  await setPay(db, grace, { paidRoleId: ruthRole.id, basis: 'per_session', ratePence: 4_500 });
  await setPay(db, grace, { paidRoleId: zainabRole.id, basis: 'per_hour', ratePence: 3_000 });

  // Bank details: asked for by each payee, confirmed by a finance officer.
  const confirmed = async (by: ActingMember, account: typeof ACCOUNTS.ruth) => {
    const { bankDetailsId } = await requestBankDetails(db, by, account);
    await decideBankDetails(db, fatima, { bankDetailsId, decision: 'confirm' });
  };
  await confirmed(ruth, ACCOUNTS.ruth);
  await confirmed(zainab, ACCOUNTS.zainab);
  await confirmed(samuel, ACCOUNTS.stBrigids);
  // A change waiting for a second person: Al-Noor's first account, asked for by its site lead.
  await requestBankDetails(db, yusuf, ACCOUNTS.alNoor);

  // Work logs: every delivered session is logged; they end up in every state.
  const sessionsOf = async (who: ActingMember, roleId: string) =>
    (await myWork(db, who)).sessions
      .filter((s) => s.paidRoleId === roleId)
      .sort((a, b) => (a.heldOn < b.heldOn ? -1 : 1));
  const log = async (who: ActingMember, roleId: string, sessionId: string) =>
    (
      await logWork(db, who, {
        paidRoleId: roleId,
        work: { kind: 'session', sessionId },
        idempotencyKey: `demo-log-${sessionId}`,
      })
    ).workLogId;
  const approve = (workLogId: string) =>
    approveWork(db, david, {
      workLogId,
      decision: 'approve',
      idempotencyKey: `demo-approve-${workLogId}`,
    });

  const ruthLogs: string[] = [];
  for (const session of await sessionsOf(ruth, ruthRole.id))
    ruthLogs.push(await log(ruth, ruthRole.id, session.sessionId));
  // The ninth (r9) stays logged, waiting for the site lead.
  const [r1, r2, r3, r4, r5, r6, r7, r8, , r10] = ruthLogs;
  for (const id of [r1, r2, r3, r4, r5, r6, r7, r8, r10])
    if (id) await confirmWork(db, samuel, { workLogId: id, decision: 'confirm' });
  for (const id of [r1, r2, r3, r4, r5, r6]) if (id) await approve(id);
  if (r10)
    await approveWork(db, david, {
      workLogId: r10,
      decision: 'reject',
      reason: 'A volunteer covered this session; it is not a paid session',
      idempotencyKey: `demo-reject-${r10}`,
    });
  // r7 is approved after the first run; r8 waits for the hub; r9 waits for the site lead.

  const zainabSessions = (await sessionsOf(zainab, zainabRole.id)).slice(0, 4);
  for (const session of zainabSessions) {
    const id = await log(zainab, zainabRole.id, session.sessionId);
    await confirmWork(db, yusuf, { workLogId: id, decision: 'confirm' });
    await approve(id);
  }

  // Run 1: made by Fatima, approved by Owen with his authenticator, released, confirmed paid.
  const first = await createPaymentRun(db, fatima, {
    dueBy: today(),
    idempotencyKey: 'demo-run-1-create',
  });
  const owenSecret = KINGSMERE.people.find((p) => p.email === EMAIL.owen)?.totpSecret ?? '';
  await approvePaymentRun(db, auth, owen, {
    runId: first.runId,
    totpCode: totpCodeFor(owenSecret),
    idempotencyKey: 'demo-run-1-approve',
  });
  await releasePaymentRun(db, fatima, { runId: first.runId, idempotencyKey: 'demo-run-1-release' });
  const released = await getRun(db, fatima, first.runId);
  await recordConfirmation(db, fatima, {
    runId: first.runId,
    idempotencyKey: 'demo-run-1-confirm',
    lines: released.lines
      .filter((l) => l.status === 'included')
      .map((l, index) => ({
        lineId: l.id,
        outcome: 'paid' as const,
        bankReference: `BACS${String(index + 1).padStart(6, '0')}`,
      })),
  });

  // Run 2: the next session approved since; made by Fatima and waiting for someone else to approve.
  if (r7) await approve(r7);
  await createPaymentRun(db, fatima, { dueBy: today(), idempotencyKey: 'demo-run-2-create' });
}
