import {
  type ProcedurePath,
  type Role,
  rolesAllowed,
  WORKFLOW_EVENT_ROLES,
} from '@coproduce/domain';
import type { Membership, NavigationItem, Translate } from '@coproduce/ui';
import type { HubMessages } from '../i18n.ts';

/** A role sees a link only if the policy lets it call the page's main procedure. */
export function mayUse(role: Role, procedure: ProcedurePath): boolean {
  return rolesAllowed(procedure).includes(role);
}

export const PEOPLE_ROLES = rolesAllowed('people.listMembers');
export const AUDIT_ROLES = rolesAllowed('audit.list');
export const PROGRAMME_ROLES = rolesAllowed('programme.list');
export const PROGRAMME_EDITOR_ROLES = rolesAllowed('programme.create');
export const MILESTONE_EDITOR_ROLES = rolesAllowed('milestone.create');
export const RISK_ROLES = rolesAllowed('work.keyPersonRisks');
export const OUTCOMES_ROLES = rolesAllowed('outcomes.report');
export const PAYABLE_ROLES = rolesAllowed('payable.list');
export const PAYMENT_RUN_ROLES = rolesAllowed('paymentRun.list');
export const PAYMENT_RUN_CREATOR_ROLES = rolesAllowed('paymentRun.create');
export const PAYMENT_RUN_APPROVER_ROLES = rolesAllowed('paymentRun.approve');
export const PAYMENT_RUN_RELEASER_ROLES = rolesAllowed('paymentRun.release');
export const BANK_DETAILS_ROLES = rolesAllowed('bankDetails.pending');
export const WORK_LOG_APPROVER_ROLES = rolesAllowed('workLog.toApprove');
/** Who has a Finance section: anyone who may use one of its screens. */
export const FINANCE_ROLES: Role[] = [
  ...new Set([
    ...PAYABLE_ROLES,
    ...PAYMENT_RUN_ROLES,
    ...BANK_DETAILS_ROLES,
    ...WORK_LOG_APPROVER_ROLES,
  ]),
];
export const RATE_CARD_ROLES = rolesAllowed('rateCard.versions');
export const RATE_CARD_EDITOR_ROLES = rolesAllowed('rateCard.amend');
export const CLAIM_ROLES = rolesAllowed('claim.get');

/** The workflow steps that decide on someone else's work: what the approvals queue is for. */
const DECISIONS = {
  programme: ['START_REVIEW', 'APPROVE', 'REQUEST_CHANGES', 'REJECT', 'ACCEPT_RETURN'],
  milestone: ['APPROVE', 'REQUEST_CHANGES', 'REJECT', 'COUNTERSIGN'],
  claim: ['APPROVE', 'REJECT', 'COUNTERSIGN'],
} as const;

/** Roles that take at least one decision (by the event rules) and may read their work queue. */
export const APPROVAL_ROLES: Role[] = rolesAllowed('work.needsMe').filter((role) =>
  Object.entries(DECISIONS).some(([kind, events]) =>
    events.some((event) =>
      (WORKFLOW_EVENT_ROLES[kind as keyof typeof DECISIONS] as Record<string, readonly Role[]>)[
        event
      ]?.includes(role),
    ),
  ),
);

export function hubNavigation(t: Translate<HubMessages>, membership: Membership): NavigationItem[] {
  const role = membership.role;
  const items: NavigationItem[] = [{ to: '/', text: t('nav.home'), end: true }];
  if (APPROVAL_ROLES.includes(role)) items.push({ to: '/approvals', text: t('nav.approvals') });
  if (mayUse(role, 'programme.list')) items.push({ to: '/programmes', text: t('nav.programmes') });
  if (FINANCE_ROLES.includes(role)) items.push({ to: '/finance', text: t('nav.finance') });
  if (mayUse(role, 'work.keyPersonRisks')) items.push({ to: '/risks', text: t('nav.risks') });
  if (mayUse(role, 'people.listMembers')) items.push({ to: '/people', text: t('nav.people') });
  if (mayUse(role, 'audit.list')) items.push({ to: '/audit', text: t('nav.audit') });
  return items;
}
