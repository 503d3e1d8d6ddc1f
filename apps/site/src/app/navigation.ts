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
export const SESSION_ROLES = siteRolesFor('deliverySession.list');
export const RECORD_SESSION_ROLES = siteRolesFor('deliverySession.record');
export const COLLECTION_ROLES = siteRolesFor('outcomes.report');
export const IMPORT_ROLES = siteRolesFor('evidenceImport.upload');
export const PARTICIPANT_ROLES = siteRolesFor('participant.get');
export const ENROL_ROLES = siteRolesFor('participant.enrol');
export const CONSENT_ROLES = siteRolesFor('participant.withdrawConsent');
export const SUBJECT_ACCESS_ROLES = siteRolesFor('participant.exportSubjectAccess');
export const ERASE_ROLES = siteRolesFor('participant.erase');
export const QUESTIONNAIRE_ROLES = siteRolesFor('questionnaire.record');
/** Practitioners: their own pay. Site leads: sessions to confirm. Both: bank details. */
export const OWN_PAY_ROLES = siteRolesFor('workLog.mine');
export const LOG_WORK_ROLES = siteRolesFor('workLog.log');
export const CONFIRM_WORK_ROLES = siteRolesFor('workLog.toConfirm');
export const BANK_DETAILS_ROLES = siteRolesFor('bankDetails.mine');
export const PAY_ROLES = [...new Set([...OWN_PAY_ROLES, ...CONFIRM_WORK_ROLES])];

export function siteNavigation(
  t: Translate<SiteMessages>,
  membership: Membership,
): NavigationItem[] {
  const role = membership.role;
  const items: NavigationItem[] = [{ to: '/', text: t('nav.home'), end: true }];
  if (PARTICIPANT_ROLES.includes(role)) {
    items.push({ to: '/participants', text: t('nav.participants') });
  }
  if (PROGRAMME_ROLES.includes(role)) items.push({ to: '/programmes', text: t('nav.programmes') });
  if (MILESTONE_ROLES.includes(role)) items.push({ to: '/milestones', text: t('nav.milestones') });
  if (PAID_ROLE_ROLES.includes(role)) items.push({ to: '/paid-roles', text: t('nav.checks') });
  if (SESSION_ROLES.includes(role)) items.push({ to: '/sessions', text: t('nav.sessions') });
  if (COLLECTION_ROLES.includes(role)) {
    items.push({ to: '/collection', text: t('nav.collection') });
  }
  if (CONFIRM_WORK_ROLES.includes(role)) items.push({ to: '/pay', text: t('nav.sitePay') });
  else if (OWN_PAY_ROLES.includes(role)) items.push({ to: '/pay', text: t('nav.pay') });
  if (mayUse(role, 'people.listMembers')) items.push({ to: '/people', text: t('nav.people') });
  return items;
}
