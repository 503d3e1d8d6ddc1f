import {
  type ProcedurePath,
  type Role,
  rolesAllowed,
  rolesForOrganisationKind,
} from '@coproduce/domain';
import type { Membership, NavigationItem, Translate } from '@coproduce/ui';
import type { SiteMessages } from '../i18n.ts';

/** A role sees a link only if the policy lets it call the page's main procedure. */
export function mayUse(role: Role, procedure: ProcedurePath): boolean {
  return rolesAllowed(procedure).includes(role);
}

/** The roles this app is for: those a site's members hold. Hub roles are sent to the hub. */
const SITE_ROLES = rolesForOrganisationKind('site');

/** Site roles the policy lets call `procedure`: who may open a page built on it. */
export function siteRolesFor(procedure: ProcedurePath): Role[] {
  return rolesAllowed(procedure).filter((role) => SITE_ROLES.includes(role));
}

export const PEOPLE_ROLES = rolesAllowed('people.listMembers');
export const PROGRAMME_ROLES = siteRolesFor('programme.get');
export const MILESTONE_ROLES = siteRolesFor('milestone.get');
export const PAID_ROLE_ROLES = siteRolesFor('paidRole.get');

export function siteNavigation(
  t: Translate<SiteMessages>,
  membership: Membership,
): NavigationItem[] {
  const role = membership.role;
  const items: NavigationItem[] = [{ to: '/', text: t('nav.home'), end: true }];
  if (PROGRAMME_ROLES.includes(role)) items.push({ to: '/programmes', text: t('nav.programmes') });
  if (MILESTONE_ROLES.includes(role)) items.push({ to: '/milestones', text: t('nav.milestones') });
  if (PAID_ROLE_ROLES.includes(role)) items.push({ to: '/paid-roles', text: t('nav.checks') });
  if (mayUse(role, 'people.listMembers')) items.push({ to: '/people', text: t('nav.people') });
  return items;
}
