/** Plain words for workflow steps and states, for the server's own messages. */
export const EVENT_WORDS: Record<string, string> = {
  SUBMIT: 'submit',
  START_REVIEW: 'start the review',
  REQUEST_CHANGES: 'request changes',
  RESUBMIT: 'resubmit',
  APPROVE: 'approve',
  REJECT: 'reject',
  WITHDRAW: 'withdraw',
  START_DELIVERY: 'start delivery',
  SUBMIT_RETURN: 'submit the monitoring return',
  ACCEPT_RETURN: 'accept the monitoring return',
  SEND_BACK_RETURN: 'send the monitoring return back',
  START_NEXT_PERIOD: 'start the next reporting period',
  BEGIN_CLOSURE: 'begin closure',
  CLOSE: 'close',
  SUSPEND: 'suspend',
  RESUME: 'resume',
  TERMINATE: 'terminate',
  COUNTERSIGN: 'countersign',
  MARK_PAYABLE: 'mark as payable',
  MARK_PAID: 'mark as paid',
  FUND: 'confirm funding',
  OPEN_RECRUITMENT: 'open recruitment',
  PROPOSE_CANDIDATE: 'propose a candidate',
  WITHDRAW_CANDIDATE: 'withdraw the candidate',
  START_CHECKS: 'start checks',
  ACTIVATE: 'activate',
  CHECK_LAPSED: 'suspend because a check lapsed',
  REINSTATE: 'reinstate',
  END: 'end',
  COMPLETE_VERIFICATION: 'complete verification',
  SETTLE: 'mark as settled',
  RELEASE: 'release',
  COMPLETE: 'mark as completed',
  CANCEL: 'cancel',
};

/** `proposal.inReview` → "in review"; `active.delivery` → "in delivery". */
export function stateWords(state: string): string {
  const leaf = state.split('.').at(-1) ?? state;
  const words = leaf.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const phrases: Record<string, string> = {
    'in review': 'in review',
    baseline: 'at baseline',
    delivery: 'in delivery',
    monitoring: 'in monitoring',
    payment: 'at payment',
    closure: 'in closure',
    checks: 'at checks',
    verification: 'in verification',
  };
  return phrases[words] ?? words;
}

/** Events that must say why (the reason is stored with the transition). */
export const EVENTS_NEEDING_REASON: ReadonlySet<string> = new Set([
  'REQUEST_CHANGES',
  'REJECT',
  'WITHDRAW',
  'SEND_BACK_RETURN',
  'SUSPEND',
  'TERMINATE',
  'CHECK_LAPSED',
  'END',
  'CANCEL',
]);
