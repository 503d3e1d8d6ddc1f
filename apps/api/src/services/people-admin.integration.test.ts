import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findOrganisationById, listAuditEntries } from '@coproduce/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../test-support/http-client.ts';
import { type RunningServer, startServer } from '../testing.ts';

let server: RunningServer;
let coordinator: TestBrowser;

type TrpcResult<T> = { result: { data: T } };
const data = <T>(response: { json: unknown }) => (response.json as TrpcResult<T>).result.data;

async function signedIn(email: string) {
  const browser = new TestBrowser(server.url);
  expect((await browser.signIn(email, server.demo.password)).status).toBe(200);
  return browser;
}

async function organisationNamed(browser: TestBrowser, name: string) {
  const { organisations } = data<{ organisations: { id: string; name: string }[] }>(
    await browser.query('organisation.list'),
  );
  const found = organisations.find((o) => o.name === name);
  if (!found) throw new Error(`no organisation ${name}`);
  return found;
}

async function latestInvitationLink() {
  const outbox = server.outboxDir;
  const files = (await readdir(outbox)).filter((f) => f.includes('invitation')).sort();
  const message = await readFile(join(outbox, files.at(-1) ?? ''), 'utf8');
  const token = message
    .replace(/=\r?\n/g, '')
    .match(/invitations\/accept\?token=3D([\w-]+)|invitations\/accept\?token=([\w-]+)/);
  return token?.[1] ?? token?.[2] ?? '';
}

beforeAll(async () => {
  server = await startServer();
  coordinator = await signedIn('grace.mensah@hub.example.org');
});
afterAll(async () => {
  await server?.close();
});

describe('invitations', () => {
  it('invites a new person, who accepts once, signs in and is audited', async () => {
    const site = await organisationNamed(coordinator, 'Greenway Community Centre');
    const created = await coordinator.mutate('invitation.create', {
      organisationId: site.id,
      email: 'New.Practitioner@Example.org',
      role: 'practitioner',
    });
    expect(created.status).toBe(200);
    const token = await latestInvitationLink();
    expect(token.length).toBeGreaterThan(20);

    const visitor = new TestBrowser(server.url);
    const preview = data<{
      email: string;
      status: string;
      accountExists: boolean;
      organisationName: string;
    }>(await visitor.query('invitation.preview', { token }));
    expect(preview).toMatchObject({
      email: 'new.practitioner@example.org',
      status: 'pending',
      accountExists: false,
      organisationName: 'Greenway Community Centre',
    });

    const missingName = await visitor.mutate('invitation.accept', {
      token,
      password: 'a long enough passphrase',
    });
    expect(missingName.status).toBe(400);
    expect(missingName.json).toMatchObject({
      error: { data: { fieldErrors: { name: ['Enter your full name.'] } } },
    });

    const shortPassword = await visitor.mutate('invitation.accept', {
      token,
      name: 'Joy Ade',
      password: 'short',
    });
    expect(shortPassword.json).toMatchObject({
      error: { data: { fieldErrors: { password: ['Password must be at least 12 characters'] } } },
    });

    const accepted = await visitor.mutate('invitation.accept', {
      token,
      name: 'Joy Ade',
      password: 'a long enough passphrase',
    });
    expect(accepted.status).toBe(200);
    const again = await visitor.mutate('invitation.accept', {
      token,
      name: 'Joy Ade',
      password: 'a long enough passphrase',
    });
    expect(again.status).toBe(409);

    const joy = new TestBrowser(server.url);
    expect(
      (await joy.signIn('new.practitioner@example.org', 'a long enough passphrase')).status,
    ).toBe(200);
    const me = data<{ memberships: { role: string; organisation: { name: string } }[] }>(
      await joy.query('session.me'),
    );
    expect(me.memberships).toEqual([
      expect.objectContaining({
        role: 'practitioner',
        organisation: expect.objectContaining({ name: 'Greenway Community Centre' }),
      }),
    ]);

    const invitations = data<{ invitations: { email: string; status: string }[] }>(
      await coordinator.query('invitation.list', { organisationId: site.id }),
    );
    expect(invitations.invitations[0]).toMatchObject({
      email: 'new.practitioner@example.org',
      status: 'accepted',
    });

    const networkId = (await findOrganisationById(server.database.db, site.id))?.networkId ?? '';
    const actions = (await listAuditEntries(server.database.db, { networkId, limit: 5 })).map(
      (e) => e.action,
    );
    expect(actions.slice(0, 3)).toEqual([
      'membership.granted',
      'invitation.accepted',
      'invitation.created',
    ]);
  });

  it('refuses a role the organisation cannot hold, naming the field', async () => {
    const site = await organisationNamed(coordinator, 'Greenway Community Centre');
    const refused = await coordinator.mutate('invitation.create', {
      organisationId: site.id,
      email: 'someone@example.org',
      role: 'finance_officer',
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      error: {
        data: { fieldErrors: { role: [expect.stringMatching(/site organisation can only have/)] } },
      },
    });
  });

  it('explains a malformed email address beside the field', async () => {
    const site = await organisationNamed(coordinator, 'Greenway Community Centre');
    const refused = await coordinator.mutate('invitation.create', {
      organisationId: site.id,
      email: 'not-an-email',
      role: 'practitioner',
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      error: {
        message: expect.stringMatching(/^email: Enter an email address/),
        data: { fieldErrors: { email: [expect.any(String)] } },
      },
    });
    expect(JSON.stringify(refused.json)).not.toMatch(/stack|at \w+ \(/);
  });

  it('lets an invitation be revoked once, and then not accepted', async () => {
    const hub = await organisationNamed(coordinator, 'Kingsmere Community Health Hub');
    const created = data<{ invitationId: string }>(
      await coordinator.mutate('invitation.create', {
        organisationId: hub.id,
        email: 'later@example.org',
        role: 'auditor',
      }),
    );
    const token = await latestInvitationLink();
    expect(
      (await coordinator.mutate('invitation.revoke', { invitationId: created.invitationId }))
        .status,
    ).toBe(200);
    expect(
      (await coordinator.mutate('invitation.revoke', { invitationId: created.invitationId }))
        .status,
    ).toBe(409);
    const visitor = new TestBrowser(server.url);
    expect(
      data<{ status: string }>(await visitor.query('invitation.preview', { token })).status,
    ).toBe('revoked');
    expect(
      (
        await visitor.mutate('invitation.accept', {
          token,
          name: 'Late',
          password: 'a long enough passphrase',
        })
      ).status,
    ).toBe(409);
  });
});

describe('memberships', () => {
  it('lets a coordinator grant and revoke roles, but never their own', async () => {
    const hub = await organisationNamed(coordinator, 'Kingsmere Community Health Hub');
    const members = data<{
      members: { personId: string; membershipId: string; email: string; role: string }[];
    }>(await coordinator.query('people.listMembers', { organisationId: hub.id })).members;
    const helen = members.find((m) => m.email === 'helen.carter@hub.example.org');
    const grace = members.find((m) => m.email === 'grace.mensah@hub.example.org');
    if (!helen || !grace) throw new Error('demo members missing');

    const granted = await coordinator.mutate('membership.grant', {
      organisationId: hub.id,
      personId: helen.personId,
      role: 'community_researcher',
    });
    expect(granted.status).toBe(200);
    const twice = await coordinator.mutate('membership.grant', {
      organisationId: hub.id,
      personId: helen.personId,
      role: 'community_researcher',
    });
    expect(twice.status).toBe(409);
    const revoked = await coordinator.mutate('membership.revoke', {
      membershipId: data<{ membershipId: string }>(granted).membershipId,
    });
    expect(revoked.status).toBe(200);

    const ownGrant = await coordinator.mutate('membership.grant', {
      organisationId: hub.id,
      personId: grace.personId,
      role: 'auditor',
    });
    expect(ownGrant.status).toBe(403);
    expect(ownGrant.json).toMatchObject({
      error: { message: expect.stringMatching(/cannot change your own roles/) },
    });
    expect(
      (await coordinator.mutate('membership.revoke', { membershipId: grace.membershipId })).status,
    ).toBe(403);
  });

  it('cuts off a revoked member at their next call', async () => {
    const site = await organisationNamed(coordinator, "St Brigid's Community Church");
    const ruth = await signedIn('ruth.campbell@stbrigids.example.org');
    expect((await ruth.query('organisation.list')).status).toBe(200);
    const members = data<{ members: { membershipId: string; email: string }[] }>(
      await coordinator.query('people.listMembers', { organisationId: site.id }),
    ).members;
    const membership = members.find((m) => m.email === 'ruth.campbell@stbrigids.example.org');
    expect(
      (await coordinator.mutate('membership.revoke', { membershipId: membership?.membershipId }))
        .status,
    ).toBe(200);
    expect((await ruth.query('organisation.list')).status).toBe(412);
  });
});

describe('choosing an organisation', () => {
  it('asks a person with several memberships to choose, then acts as the chosen one', async () => {
    const anita = await signedIn('anita.sharma@mandir.example.org');
    const before = data<{
      activeMembershipId: string | null;
      memberships: { id: string; role: string }[];
    }>(await anita.query('session.me'));
    expect(before.activeMembershipId).toBeNull();
    expect(before.memberships.map((m) => m.role).sort()).toEqual([
      'community_researcher',
      'site_lead',
    ]);
    expect((await anita.query('organisation.list')).status).toBe(412);

    const siteLead = before.memberships.find((m) => m.role === 'site_lead');
    const chosen = data<{ activeMembershipId: string }>(
      await anita.mutate('session.selectMembership', { membershipId: siteLead?.id }),
    );
    expect(chosen.activeMembershipId).toBe(siteLead?.id);
    expect((await anita.query('organisation.list')).status).toBe(200);

    const someoneElses = await anita.mutate('session.selectMembership', {
      membershipId: crypto.randomUUID(),
    });
    expect(someoneElses.status).toBe(404);
  });
});

describe('audit trail through the API', () => {
  it('lets an auditor page through entries and verify the chain, which records the check', async () => {
    const auditor = await signedIn('helen.carter@hub.example.org');
    const first = data<{
      entries: { seq: number }[];
      nextCursor: number | null;
      actions: string[];
    }>(await auditor.query('audit.list', { limit: 5 }));
    expect(first.entries).toHaveLength(5);
    expect(first.nextCursor).toBe(first.entries.at(-1)?.seq);
    const second = data<{ entries: { seq: number }[] }>(
      await auditor.query('audit.list', { limit: 5, cursor: first.nextCursor }),
    );
    expect(second.entries[0]?.seq).toBe((first.nextCursor ?? 0) - 1);
    expect(first.actions).toContain('membership.granted');

    const filtered = data<{ entries: { action: string }[] }>(
      await auditor.query('audit.list', { action: 'network.created' }),
    );
    expect(filtered.entries.map((e) => e.action)).toEqual(['network.created']);

    const verified = data<{ intact: boolean; entriesChecked: number }>(
      await auditor.mutate('audit.verify'),
    );
    expect(verified.intact).toBe(true);
    expect(verified.entriesChecked).toBeGreaterThan(10);
    const latest = data<{ entries: { action: string }[] }>(
      await auditor.query('audit.list', { limit: 1 }),
    );
    expect(latest.entries[0]?.action).toBe('audit.chain-verified');

    const badRange = await auditor.query('audit.list', { from: '2026-12-01', to: '2026-11-01' });
    expect(badRange.status).toBe(400);
    expect(badRange.json).toMatchObject({
      error: { data: { fieldErrors: { to: ['The end date must be on or after the start date'] } } },
    });
  });
});
