import { describe, expect, it } from 'vitest';
import {
  isRoleAllowedForOrganisationKind,
  isTwoFactorRequired,
  ORGANISATION_KINDS,
  ROLES,
} from './roles.ts';

describe('roles', () => {
  it('gives every role a home in at least one kind of organisation', () => {
    for (const role of ROLES) {
      expect(ORGANISATION_KINDS.some((kind) => isRoleAllowedForOrganisationKind(role, kind))).toBe(
        true,
      );
    }
  });

  it('keeps money and approval roles at the hub', () => {
    for (const role of ['hub_approver', 'finance_officer', 'hub_coordinator'] as const) {
      expect(isRoleAllowedForOrganisationKind(role, 'hub')).toBe(true);
      expect(isRoleAllowedForOrganisationKind(role, 'site')).toBe(false);
      expect(isRoleAllowedForOrganisationKind(role, 'commissioner')).toBe(false);
    }
  });

  it('requires two-factor for exactly the finance officer and the hub approver', () => {
    expect(ROLES.filter(isTwoFactorRequired).sort()).toEqual(['finance_officer', 'hub_approver']);
  });
});
