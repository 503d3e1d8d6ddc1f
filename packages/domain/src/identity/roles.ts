import { z } from 'zod';

export const ORGANISATION_KINDS = ['hub', 'site', 'commissioner'] as const;
export const ZOrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof ZOrganisationKind>;

export const ROLES = [
  'commissioner',
  'hub_coordinator',
  'hub_approver',
  'finance_officer',
  'site_lead',
  'practitioner',
  'community_researcher',
  'auditor',
] as const;
export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;

/** Which roles a membership of each kind of organisation can carry (BRIEF, "Who uses it"). */
const ROLES_BY_ORGANISATION_KIND: Record<OrganisationKind, readonly Role[]> = {
  hub: ['hub_coordinator', 'hub_approver', 'finance_officer', 'community_researcher', 'auditor'],
  site: ['site_lead', 'practitioner', 'community_researcher'],
  commissioner: ['commissioner', 'auditor'],
};

export function rolesForOrganisationKind(kind: OrganisationKind): readonly Role[] {
  return ROLES_BY_ORGANISATION_KIND[kind];
}

export function isRoleAllowedForOrganisationKind(role: Role, kind: OrganisationKind): boolean {
  return ROLES_BY_ORGANISATION_KIND[kind].includes(role);
}

/** People holding these roles move or approve money: nothing is served to them before TOTP. */
const TWO_FACTOR_ROLES: ReadonlySet<Role> = new Set(['finance_officer', 'hub_approver']);

export function isTwoFactorRequired(role: Role): boolean {
  return TWO_FACTOR_ROLES.has(role);
}
