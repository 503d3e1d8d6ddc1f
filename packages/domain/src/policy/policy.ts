import type { Role } from '../identity/roles.ts';

/**
 * Authorization is ours and lives here, in one table (ADR 0003).
 *
 * Every tRPC procedure is listed by its path. A procedure is either public, open to anyone
 * signed in (their own session), or open to named roles, each with the reach it has over the
 * object the call is about: its own organisation, its own network, or any network.
 */
export type Scope = 'own-organisation' | 'own-network' | 'any';

export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed-in' }
  | { readonly kind: 'roles'; readonly roles: Readonly<Partial<Record<Role, Scope>>> };

const publicAccess = { kind: 'public' } as const;
const signedIn = { kind: 'signed-in' } as const;
const roles = (granted: Partial<Record<Role, Scope>>): Access => ({
  kind: 'roles',
  roles: granted,
});

const everyRoleInNetwork = roles({
  commissioner: 'own-network',
  hub_coordinator: 'own-network',
  hub_approver: 'own-network',
  finance_officer: 'own-network',
  site_lead: 'own-network',
  practitioner: 'own-network',
  community_researcher: 'own-network',
  auditor: 'own-network',
});

const manageOrganisationPeople = roles({
  hub_coordinator: 'own-network',
  site_lead: 'own-organisation',
});

const readOrganisationPeople = roles({
  hub_coordinator: 'own-network',
  site_lead: 'own-organisation',
  auditor: 'own-network',
});

const readAuditTrail = roles({
  hub_coordinator: 'own-network',
  auditor: 'own-network',
});

/** Hub roles and auditors see the whole network; others what their organisation takes part in. */
const readCommissioning = roles({
  hub_coordinator: 'own-network',
  hub_approver: 'own-network',
  finance_officer: 'own-network',
  auditor: 'own-network',
  commissioner: 'own-organisation',
  site_lead: 'own-organisation',
  practitioner: 'own-organisation',
  community_researcher: 'own-organisation',
});

const coordinate = roles({ hub_coordinator: 'own-network' });

/** Identifying details and care records: only the participant's own site (BRIEF, "Personal data"). */
const siteRecords = roles({
  site_lead: 'own-organisation',
  practitioner: 'own-organisation',
  community_researcher: 'own-organisation',
});

const siteDelivery = roles({ site_lead: 'own-organisation', practitioner: 'own-organisation' });

const siteLeadOnly = roles({ site_lead: 'own-organisation' });

/** Outcome claims and rate cards: the hub's roles, the auditor, and the programme's funders. */
const readOutcomePayments = roles({
  hub_coordinator: 'own-network',
  hub_approver: 'own-network',
  finance_officer: 'own-network',
  auditor: 'own-network',
  commissioner: 'own-organisation',
});

/**
 * Practitioner pay and payment runs (ADR 0008). Lists of one's own work, payments and bank
 * details are network-wide in the table and narrowed to the caller by the service.
 */
const approveWork = roles({ hub_coordinator: 'own-network', hub_approver: 'own-network' });
const readFinance = roles({
  finance_officer: 'own-network',
  hub_approver: 'own-network',
  auditor: 'own-network',
});
const decideFinance = roles({ finance_officer: 'own-network', hub_approver: 'own-network' });
/** Only finance officers create, release and confirm runs and take the bank files away. */
const runPayments = roles({ finance_officer: 'own-network' });

/** Who prepares (computes) a claim; the approver must be someone else. */
const prepareClaims = roles({ hub_coordinator: 'own-network', finance_officer: 'own-network' });

export const POLICY = {
  'session.me': signedIn,
  'session.selectMembership': signedIn,
  'organisation.list': everyRoleInNetwork,
  'people.listMembers': readOrganisationPeople,
  'membership.grant': manageOrganisationPeople,
  'membership.revoke': manageOrganisationPeople,
  'invitation.list': readOrganisationPeople,
  'invitation.create': manageOrganisationPeople,
  'invitation.revoke': manageOrganisationPeople,
  'invitation.preview': publicAccess,
  'invitation.accept': publicAccess,
  'audit.list': readAuditTrail,
  'audit.verify': readAuditTrail,
  'programme.create': coordinate,
  'programme.updateDraft': coordinate,
  'programme.get': readCommissioning,
  'programme.list': everyRoleInNetwork,
  'programme.allowedActions': readCommissioning,
  'programme.history': readCommissioning,
  'programme.transition': roles({
    hub_coordinator: 'own-network',
    hub_approver: 'own-network',
    commissioner: 'own-organisation',
    site_lead: 'own-organisation',
  }),
  'programme.signOffShare': roles({ commissioner: 'own-organisation' }),
  'milestone.create': coordinate,
  'milestone.update': coordinate,
  'milestone.get': readCommissioning,
  'milestone.list': everyRoleInNetwork,
  'milestone.allowedActions': readCommissioning,
  'milestone.history': readCommissioning,
  'milestone.transition': roles({
    hub_coordinator: 'own-network',
    hub_approver: 'own-network',
    finance_officer: 'own-network',
    commissioner: 'own-organisation',
    site_lead: 'own-organisation',
  }),
  'paidRole.create': coordinate,
  'paidRole.update': coordinate,
  'paidRole.get': readCommissioning,
  'paidRole.list': everyRoleInNetwork,
  'paidRole.allowedActions': readCommissioning,
  'paidRole.history': readCommissioning,
  'paidRole.transition': roles({ hub_coordinator: 'own-network', site_lead: 'own-organisation' }),
  'paidRole.recordCheck': roles({ hub_coordinator: 'own-network', site_lead: 'own-organisation' }),
  'organisation.updateSafeguardingContact': roles({
    hub_coordinator: 'own-network',
    site_lead: 'own-organisation',
  }),
  'participant.enrol': siteDelivery,
  'participant.search': siteRecords,
  'participant.list': roles({
    site_lead: 'own-organisation',
    practitioner: 'own-organisation',
    community_researcher: 'own-organisation',
    hub_coordinator: 'own-network',
    auditor: 'own-network',
  }),
  'participant.get': siteRecords,
  'participant.recordConsent': siteDelivery,
  'participant.withdrawConsent': siteDelivery,
  'participant.exportSubjectAccess': siteLeadOnly,
  'participant.erase': siteLeadOnly,
  'participant.missingAtTimepoint': siteRecords,
  'participant.registerCandidates': siteDelivery,
  'deliverySession.record': siteDelivery,
  'deliverySession.list': siteRecords,
  'deliverySession.get': siteRecords,
  'deliverySession.updateRegister': siteDelivery,
  'questionnaire.record': siteRecords,
  'questionnaire.openRisks': siteDelivery,
  'questionnaire.acknowledgeRisk': siteDelivery,
  'evidenceImport.choices': siteDelivery,
  'evidenceImport.template': siteDelivery,
  'evidenceImport.upload': siteDelivery,
  'outcomes.report': readCommissioning,
  'outcomes.monitoringReport': readCommissioning,
  'rateCard.versions': readOutcomePayments,
  'rateCard.amend': roles({ hub_coordinator: 'own-network', hub_approver: 'own-network' }),
  'rateCard.preview': roles({
    hub_coordinator: 'own-network',
    hub_approver: 'own-network',
    finance_officer: 'own-network',
  }),
  'claim.list': readOutcomePayments,
  'claim.get': readOutcomePayments,
  'claim.allowedActions': readOutcomePayments,
  'claim.history': readOutcomePayments,
  'claim.compute': prepareClaims,
  'claim.verifyLine': roles({
    hub_coordinator: 'own-network',
    hub_approver: 'own-network',
    finance_officer: 'own-network',
  }),
  'claim.transition': roles({
    hub_coordinator: 'own-network',
    hub_approver: 'own-network',
    finance_officer: 'own-network',
    commissioner: 'own-organisation',
  }),
  'claim.approve': roles({ hub_approver: 'own-network' }),
  'claim.countersign': roles({ commissioner: 'own-organisation' }),
  'claim.statement': readOutcomePayments,
  'claim.recordSettlement': roles({ finance_officer: 'own-network' }),
  'indigo.programme': roles({
    hub_coordinator: 'own-network',
    hub_approver: 'own-network',
    finance_officer: 'own-network',
    commissioner: 'own-organisation',
  }),
  'paidRole.setPay': coordinate,
  'workLog.mine': roles({ practitioner: 'own-network' }),
  'workLog.log': roles({ practitioner: 'own-organisation' }),
  'workLog.toConfirm': roles({ site_lead: 'own-network' }),
  'workLog.confirm': roles({ site_lead: 'own-organisation' }),
  'workLog.toApprove': approveWork,
  'workLog.approve': approveWork,
  'bankDetails.mine': roles({ practitioner: 'own-network', site_lead: 'own-network' }),
  'bankDetails.forPayee': readFinance,
  'bankDetails.request': roles({
    practitioner: 'own-network',
    site_lead: 'own-network',
    finance_officer: 'own-network',
  }),
  'bankDetails.pending': decideFinance,
  'bankDetails.decide': decideFinance,
  'payable.list': readFinance,
  'paymentRun.create': runPayments,
  'paymentRun.list': readFinance,
  'paymentRun.get': readFinance,
  'paymentRun.history': readFinance,
  'paymentRun.approve': decideFinance,
  'paymentRun.release': runPayments,
  'paymentRun.cancel': runPayments,
  'paymentRun.download': runPayments,
  'paymentRun.remittance': readFinance,
  'paymentRun.recordConfirmation': runPayments,
  'paymentRun.uploadConfirmation': runPayments,
  'payment.mine': roles({ practitioner: 'own-network', site_lead: 'own-network' }),
  'payment.myRemittance': roles({ practitioner: 'own-network', site_lead: 'own-network' }),
  'money.programme': readOutcomePayments,
  'work.needsMe': everyRoleInNetwork,
  'work.keyPersonRisks': roles({
    hub_coordinator: 'own-network',
    hub_approver: 'own-network',
    commissioner: 'own-network',
    auditor: 'own-network',
  }),
} as const satisfies Record<string, Access>;

export type ProcedurePath = keyof typeof POLICY;

export function isProcedurePath(path: string): path is ProcedurePath {
  return Object.hasOwn(POLICY, path);
}

export function accessFor(path: string): Access | undefined {
  return isProcedurePath(path) ? POLICY[path] : undefined;
}

/** The person acting, through the membership they chose for this session. */
export interface Actor {
  readonly role: Role;
  readonly organisationId: string;
  readonly networkId: string;
}

/**
 * What a call is about: its network, and the organisations it involves (a programme involves
 * its hub, sites and co-funders). Empty for objects of the network as a whole.
 */
export interface Target {
  readonly networkId: string;
  readonly organisationIds: readonly string[];
}

/**
 * `not-found` rather than `forbidden` whenever the object lies outside the actor's reach, so
 * that a refusal never confirms another network's or organisation's object exists.
 */
export type Decision = 'allow' | 'forbidden' | 'not-found';

export function decide(access: Access, actor: Actor, target: Target | null): Decision {
  if (access.kind !== 'roles') return 'allow';
  const scope = access.roles[actor.role];
  if (scope === undefined) return 'forbidden';
  if (target === null) return 'not-found';
  if (scope === 'any') return 'allow';
  if (target.networkId !== actor.networkId) return 'not-found';
  if (scope === 'own-network') return 'allow';
  return target.organisationIds.includes(actor.organisationId) ? 'allow' : 'not-found';
}

export function rolesAllowed(path: ProcedurePath): Role[] {
  const access: Access = POLICY[path];
  return access.kind === 'roles' ? (Object.keys(access.roles) as Role[]) : [];
}
