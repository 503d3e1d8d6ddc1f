import { type ProcedurePath, type Role, rolesAllowed } from '@coproduce/domain';
import type { Membership, NavigationItem, Translate } from '@coproduce/ui';
import type { SiteMessages } from '../i18n.ts';

/** A role sees a link only if the policy lets it call the page's main procedure. */
export function mayUse(role: Role, procedure: ProcedurePath): boolean {
  return rolesAllowed(procedure).includes(role);
}

export const PEOPLE_ROLES = rolesAllowed('people.listMembers');

export function siteNavigation(
  t: Translate<SiteMessages>,
  membership: Membership,
): NavigationItem[] {
  const items: NavigationItem[] = [{ to: '/', text: t('nav.home'), end: true }];
  if (mayUse(membership.role, 'people.listMembers'))
    items.push({ to: '/people', text: t('nav.people') });
  return items;
}
