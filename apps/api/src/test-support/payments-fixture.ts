import { randomUUID } from 'node:crypto';
import {
  findPersonByEmail,
  insertDeliverySession,
  ledgerTrialBalance,
  listPaidRoles,
  listPayments,
  schema,
} from '@coproduce/db';
import type { RunningServer } from '../testing.ts';
import { addDays, today } from '../time.ts';
import { type Caller, callerAs } from './callers.ts';
import { totpCode } from './http-client.ts';

export const EMAILS = {
  grace: 'grace.mensah@hub.example.org',
  david: 'david.levi@hub.example.org',
  fatima: 'fatima.begum@hub.example.org',
  owen: 'owen.price@hub.example.org',
  samuel: 'samuel.adeyemi@stbrigids.example.org',
  ruth: 'ruth.campbell@stbrigids.example.org',
  yusuf: 'yusuf.karim@alnoor.example.org',
  zainab: 'zainab.ali@alnoor.example.org',
} as const;

export type PaymentsWorld = Record<keyof typeof EMAILS, Caller> & {
  server: RunningServer;
  networkId: string;
  /** A code for the person's authenticator never used before in this test file. */
  code(email: string): Promise<string>;
  /** Sessions Ruth delivered (recently, her DBS is in date), logged, confirmed and approved. */
  approvedRuthPayables(count: number): Promise<string[]>;
  newSession(
    practitionerEmail: string,
    site: 'st-brigids' | 'al-noor',
    heldOn: string,
  ): Promise<string>;
  roleOf(email: string): Promise<{ id: string; programmeId: string; siteOrganisationId: string }>;
  health(): Promise<{ totalPence: number; unbalancedPostings: number; paymentsPerPayable: number }>;
};

/** Callers for the demo people, and helpers that make approved, payable work. */
export async function paymentsWorld(server: RunningServer): Promise<PaymentsWorld> {
  const callers = Object.fromEntries(
    await Promise.all(
      Object.entries(EMAILS).map(async ([key, email]) => [key, await callerAs(server, email)]),
    ),
  ) as Record<keyof typeof EMAILS, Caller>;
  const networkId = (await callers.grace.session.me()).memberships[0]?.network.id ?? '';
  const used = new Set<string>();
  const db = server.database.db;

  async function roleOf(email: string) {
    const person = await findPersonByEmail(db, email);
    const role = (await listPaidRoles(db, { networkId })).find(
      (r) => r.paidRole.holderPersonId === person?.id,
    );
    if (!role) throw new Error(`no paid role held by ${email}`);
    return role.paidRole;
  }

  async function newSession(email: string, _site: string, heldOn: string) {
    const person = await findPersonByEmail(db, email);
    const role = await roleOf(email);
    const session = await insertDeliverySession(db, {
      networkId,
      siteOrganisationId: role.siteOrganisationId,
      programmeId: role.programmeId,
      heldOn,
      kind: 'treatment',
      title: 'Extra session',
      durationMinutes: 60,
      practitionerId: person?.id ?? '',
      recordedBy: person?.id ?? '',
      idempotencyKey: randomUUID(),
    });
    if (!session) throw new Error('session not created');
    return session.id;
  }

  let dayOffset = 0;
  return {
    ...callers,
    server,
    networkId,
    roleOf,
    newSession,
    async code(email) {
      const secret = server.demo.totpSecrets[email] ?? '';
      // Codes already spent (by the demo seed, or sign-ins) cannot be used again.
      const person = await findPersonByEmail(db, email);
      for (const row of await db.select().from(schema.usedTotpCodes))
        if (row.personId === person?.id) used.add(`${email}/${row.code}`);
      for (;;) {
        for (const offset of [0, -30_000, 30_000]) {
          const code = await totpCode(secret, Date.now() + offset);
          if (!used.has(`${email}/${code}`)) {
            used.add(`${email}/${code}`);
            return code;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    },
    async approvedRuthPayables(count) {
      const role = await roleOf(EMAILS.ruth);
      const payables: string[] = [];
      for (let i = 0; i < count; i += 1) {
        dayOffset += 1;
        const sessionId = await newSession(
          EMAILS.ruth,
          'st-brigids',
          addDays(today(), -(dayOffset % 15) - 1),
        );
        const { workLogId } = await callers.ruth.workLog.log({
          paidRoleId: role.id,
          work: { kind: 'session', sessionId },
          idempotencyKey: randomUUID(),
        });
        await callers.samuel.workLog.confirm({ workLogId, decision: 'confirm' });
        const approved = await callers.david.workLog.approve({
          workLogId,
          decision: 'approve',
          idempotencyKey: randomUUID(),
        });
        payables.push(approved.payableId ?? '');
      }
      return payables;
    },
    async health() {
      const balance = await ledgerTrialBalance(db, networkId);
      const payments = await listPayments(db, networkId);
      const perPayable = new Map<string, number>();
      for (const p of payments) perPayable.set(p.payableId, (perPayable.get(p.payableId) ?? 0) + 1);
      return {
        totalPence: balance.totalPence,
        unbalancedPostings: balance.unbalancedPostings,
        paymentsPerPayable: Math.max(1, ...perPayable.values()),
      };
    },
  };
}
