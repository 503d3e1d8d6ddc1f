import { describe, expect, it } from 'vitest';
import { type Access, type Actor, decide, POLICY, rolesAllowed } from './policy.ts';

const actor: Actor = { role: 'site_lead', organisationId: 'org-a', networkId: 'net-1' };
const access: Access = {
  kind: 'roles',
  roles: { site_lead: 'own-organisation', hub_coordinator: 'own-network', auditor: 'any' },
};

describe('decide', () => {
  it.each([
    ['own organisation', actor, { networkId: 'net-1', organisationIds: ['org-a'] }, 'allow'],
    [
      'other organisation, same network',
      actor,
      { networkId: 'net-1', organisationIds: ['org-b'] },
      'not-found',
    ],
    ['network-wide object', actor, { networkId: 'net-1', organisationIds: [] }, 'not-found'],
    ['other network', actor, { networkId: 'net-2', organisationIds: ['org-a'] }, 'not-found'],
    ['missing object', actor, null, 'not-found'],
    [
      'role not in the rule',
      { ...actor, role: 'practitioner' },
      { networkId: 'net-1', organisationIds: ['org-a'] },
      'forbidden',
    ],
    [
      'own-network reach, other organisation',
      { ...actor, role: 'hub_coordinator' },
      { networkId: 'net-1', organisationIds: ['org-b'] },
      'allow',
    ],
    [
      'own-network reach, other network',
      { ...actor, role: 'hub_coordinator' },
      { networkId: 'net-2', organisationIds: ['org-b'] },
      'not-found',
    ],
    [
      'any reach, other network',
      { ...actor, role: 'auditor' },
      { networkId: 'net-2', organisationIds: [] },
      'allow',
    ],
  ] as const)('%s → %s', (_label, who, target, expected) => {
    expect(decide(access, who, target)).toBe(expected);
  });

  it('allows public and signed-in access whatever the target', () => {
    expect(decide({ kind: 'public' }, actor, null)).toBe('allow');
    expect(decide({ kind: 'signed-in' }, actor, null)).toBe('allow');
  });
});

describe('POLICY', () => {
  it('never lets a role reach beyond its own network', () => {
    for (const [path, entry] of Object.entries(POLICY) as [string, Access][]) {
      if (entry.kind !== 'roles') continue;
      for (const [role, scope] of Object.entries(entry.roles)) {
        expect(`${path} ${role} ${scope}`).not.toMatch(/ any$/);
      }
    }
  });

  it('keeps the audit trail to coordinators and auditors', () => {
    expect(rolesAllowed('audit.list').sort()).toEqual(['auditor', 'hub_coordinator']);
    expect(rolesAllowed('audit.verify').sort()).toEqual(['auditor', 'hub_coordinator']);
  });
});
