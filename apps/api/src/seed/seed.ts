import {
  appendAudit,
  createNetwork,
  createOrganisation,
  createPersonWithPassword,
  type Database,
  enableTwoFactor,
  findNetworkBySlug,
  findPersonByEmail,
  hasAnyNetwork,
  insertMembership,
} from '@coproduce/db';
import { symmetricEncrypt } from 'better-auth/crypto';
import type { Auth } from '../auth/auth.ts';
import { DEMO_NETWORKS, DEMO_PASSWORD, type DemoNetwork, KINGSMERE } from './demo-network.ts';
import { seedDemoClaims } from './seed-claims.ts';
import { seedDemoPayments } from './seed-payments.ts';
import { seedDemoProgrammes } from './seed-programmes.ts';

/**
 * Seeds the demo networks into an empty database (one with no network at all); leaves a
 * database that already has data alone. Returns whether anything was written.
 */
export async function seedDemoNetworks(db: Database, auth: Auth): Promise<boolean> {
  if (await hasAnyNetwork(db)) return false;
  const context = await auth.$context;
  const passwordHash = await context.password.hash(DEMO_PASSWORD);
  const encrypt = (data: string) => symmetricEncrypt({ key: context.secretConfig, data });
  for (const network of DEMO_NETWORKS) {
    await db.transaction((tx) => seedNetwork(tx, network, passwordHash, encrypt));
  }
  const kingsmere = await findNetworkBySlug(db, KINGSMERE.slug);
  if (kingsmere) {
    await seedDemoProgrammes(db, kingsmere.id);
    await seedDemoClaims(db, kingsmere.id);
    await seedDemoPayments(db, kingsmere.id, auth);
  }
  return true;
}

async function seedNetwork(
  tx: Database,
  demo: DemoNetwork,
  passwordHash: string,
  encrypt: (data: string) => Promise<string>,
) {
  const network = await createNetwork(tx, { slug: demo.slug, name: demo.name });
  await appendAudit(tx, {
    networkId: network.id,
    actor: null,
    action: 'network.created',
    objectType: 'network',
    objectId: network.id,
    detail: { slug: demo.slug, source: 'demo seed' },
  });
  const organisationIds = new Map<string, string>();
  for (const organisation of demo.organisations) {
    const row = await createOrganisation(tx, { networkId: network.id, ...organisation });
    organisationIds.set(organisation.key, row.id);
  }
  for (const demoPerson of demo.people) {
    const person =
      (await findPersonByEmail(tx, demoPerson.email)) ??
      (await createPersonWithPassword(tx, {
        name: demoPerson.name,
        email: demoPerson.email,
        passwordHash,
        emailVerified: true,
      }));
    if (demoPerson.totpSecret && !person.twoFactorEnabled) {
      await enableTwoFactor(tx, {
        personId: person.id,
        // better-auth reads secrets imported from other authenticators in this form.
        encryptedSecret: await encrypt(`base32:${demoPerson.totpSecret}`),
        encryptedBackupCodes: await encrypt('[]'),
      });
    }
    for (const { organisation, role } of demoPerson.roles) {
      const organisationId = organisationIds.get(organisation);
      if (!organisationId) throw new Error(`demo seed: unknown organisation ${organisation}`);
      const membership = await insertMembership(tx, {
        networkId: network.id,
        organisationId,
        personId: person.id,
        role,
        grantedBy: null,
      });
      if (!membership) continue;
      await appendAudit(tx, {
        networkId: network.id,
        actor: null,
        action: 'membership.granted',
        objectType: 'membership',
        objectId: membership.id,
        detail: { personId: person.id, organisationId, role, source: 'demo seed' },
      });
    }
  }
}
