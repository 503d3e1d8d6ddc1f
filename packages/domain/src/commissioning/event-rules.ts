import type { Role } from '../identity/roles.ts';

/**
 * Who may send each workflow event, and whose earlier step they must not be (separation of
 * duties). The policy table decides who may call `…transition` on which object; these rules
 * decide which step of it. An empty list means only the system sends that event.
 */
export const WORKFLOW_EVENT_ROLES = {
  programme: {
    SUBMIT: ['hub_coordinator'],
    RESUBMIT: ['hub_coordinator'],
    WITHDRAW: ['hub_coordinator'],
    START_REVIEW: ['hub_approver', 'commissioner'],
    REQUEST_CHANGES: ['hub_approver', 'commissioner'],
    APPROVE: ['hub_approver', 'commissioner'],
    REJECT: ['hub_approver', 'commissioner'],
    START_DELIVERY: ['hub_coordinator'],
    SUBMIT_RETURN: ['hub_coordinator', 'site_lead'],
    ACCEPT_RETURN: ['hub_coordinator', 'hub_approver'],
    SEND_BACK_RETURN: ['hub_coordinator', 'hub_approver'],
    START_NEXT_PERIOD: ['hub_coordinator'],
    BEGIN_CLOSURE: ['hub_coordinator'],
    CLOSE: ['hub_approver'],
    SUSPEND: ['hub_approver', 'commissioner'],
    RESUME: ['hub_approver', 'commissioner'],
    TERMINATE: ['hub_approver', 'commissioner'],
  },
  milestone: {
    SUBMIT: ['site_lead', 'hub_coordinator'],
    RESUBMIT: ['site_lead', 'hub_coordinator'],
    REQUEST_CHANGES: ['hub_approver'],
    APPROVE: ['hub_approver'],
    REJECT: ['hub_approver'],
    COUNTERSIGN: ['commissioner'],
    MARK_PAYABLE: [],
    /** Sent when the bank confirms the milestone's payment in a payment run (ADR 0008). */
    MARK_PAID: [],
  },
  paidRole: {
    FUND: ['hub_coordinator'],
    OPEN_RECRUITMENT: ['hub_coordinator'],
    PROPOSE_CANDIDATE: ['hub_coordinator', 'site_lead'],
    WITHDRAW_CANDIDATE: ['hub_coordinator', 'site_lead'],
    START_CHECKS: ['hub_coordinator'],
    ACTIVATE: ['hub_coordinator'],
    CHECK_LAPSED: ['hub_coordinator'],
    REINSTATE: ['hub_coordinator'],
    END: ['hub_coordinator'],
  },
  claim: {
    COMPLETE_VERIFICATION: ['hub_coordinator', 'finance_officer'],
    APPROVE: ['hub_approver'],
    REJECT: ['hub_approver'],
    COUNTERSIGN: ['commissioner'],
    /** Sent by the service once every funder has paid its statement. */
    SETTLE: [],
  },
  paymentRun: {
    APPROVE: ['finance_officer', 'hub_approver'],
    RELEASE: ['finance_officer'],
    CANCEL: ['finance_officer'],
    /** Sent by the service once the bank has confirmed every line. */
    COMPLETE: [],
  },
} as const satisfies Record<string, Record<string, readonly Role[]>>;

export type WorkflowKindName = keyof typeof WORKFLOW_EVENT_ROLES;

/**
 * For each step that decides on someone's work: the earlier steps whose author may not take it.
 * "The person who submits something never approves it."
 */
export const MUST_DIFFER_FROM: {
  [K in WorkflowKindName]: Partial<
    Record<keyof (typeof WORKFLOW_EVENT_ROLES)[K], readonly string[]>
  >;
} = {
  programme: {
    START_REVIEW: ['SUBMIT', 'RESUBMIT'],
    REQUEST_CHANGES: ['SUBMIT', 'RESUBMIT'],
    APPROVE: ['SUBMIT', 'RESUBMIT'],
    REJECT: ['SUBMIT', 'RESUBMIT'],
    ACCEPT_RETURN: ['SUBMIT_RETURN'],
    SEND_BACK_RETURN: ['SUBMIT_RETURN'],
    CLOSE: ['BEGIN_CLOSURE'],
  },
  milestone: {
    REQUEST_CHANGES: ['SUBMIT', 'RESUBMIT'],
    APPROVE: ['SUBMIT', 'RESUBMIT'],
    REJECT: ['SUBMIT', 'RESUBMIT'],
    COUNTERSIGN: ['SUBMIT', 'RESUBMIT', 'APPROVE'],
  },
  paidRole: {},
  // Whoever prepared the claim (not a step) is checked against the approver by the claim service.
  claim: {
    APPROVE: ['COMPLETE_VERIFICATION'],
    REJECT: ['COMPLETE_VERIFICATION'],
    COUNTERSIGN: ['COMPLETE_VERIFICATION', 'APPROVE'],
  },
  // Creating a run is not a step: the payment-run service refuses its creator as approver.
  paymentRun: {},
};

const ROLE_WORDS: Record<Role, string> = {
  commissioner: 'a commissioner',
  hub_coordinator: 'a hub coordinator',
  hub_approver: 'a hub approver',
  finance_officer: 'a finance officer',
  site_lead: 'a site lead',
  practitioner: 'a practitioner',
  community_researcher: 'a community researcher',
  auditor: 'an auditor',
};

export function rolesForEvent(kind: WorkflowKindName, event: string): readonly Role[] | undefined {
  return (WORKFLOW_EVENT_ROLES[kind] as Record<string, readonly Role[]>)[event];
}

/** "Only a hub approver or a commissioner can do this." */
export function describeRoles(roles: readonly Role[]): string {
  if (roles.length === 0) return 'This step happens automatically.';
  const words = roles.map((r) => ROLE_WORDS[r]);
  const list =
    words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
  return `Only ${list} can do this.`;
}

export function stepsToDifferFrom(kind: WorkflowKindName, event: string): readonly string[] {
  return (MUST_DIFFER_FROM[kind] as Record<string, readonly string[] | undefined>)[event] ?? [];
}
