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
  'programme.baseline-counts-reported',
  'milestone.created',
  'milestone.updated',
  'paid-role.created',
  'paid-role.updated',
  'paid-role.check-recorded',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
