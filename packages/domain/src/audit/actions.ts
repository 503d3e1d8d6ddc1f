/**
 * Every kind of entry the audit trail records. Later issues add theirs here, so the viewer's
 * filter and the tests know the full list.
 */
export const AUDIT_ACTIONS = [
  'membership.granted',
  'membership.revoked',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'audit.chain-verified',
  'network.created',
  'workflow.transitioned',
  'programme.created',
  'programme.updated',
  'programme.share-signed-off',
  'milestone.created',
  'milestone.updated',
  'paid-role.created',
  'paid-role.updated',
  'paid-role.check-recorded',
  'participant.enrolled',
  'participant.identity-read',
  'participant.consent-recorded',
  'participant.consent-withdrawn',
  'participant.exported',
  'participant.erased',
  'delivery-session.recorded',
  'delivery-session.register-updated',
  'questionnaire.recorded',
  'questionnaire.risk-acknowledged',
  'evidence.imported',
  'organisation.safeguarding-contact-updated',
  'outcomes.report-downloaded',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
