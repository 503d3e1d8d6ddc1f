import { z } from 'zod';

export const PAID_ROLE_CHECK_KINDS = [
  'enhanced_dbs',
  'right_to_work',
  'qualification',
  'clinical_supervisor',
  'safeguarding_training',
] as const;
export const ZPaidRoleCheckKind = z.enum(PAID_ROLE_CHECK_KINDS);
export type PaidRoleCheckKind = z.infer<typeof ZPaidRoleCheckKind>;

export const PAID_ROLE_CHECK_LABELS: Record<PaidRoleCheckKind, string> = {
  enhanced_dbs: 'Enhanced DBS check',
  right_to_work: 'Right to work',
  qualification: 'Qualification',
  clinical_supervisor: 'Named clinical supervisor',
  safeguarding_training: 'Safeguarding training',
};

export interface PaidRoleCheckFact {
  readonly kind: PaidRoleCheckKind;
  /** ISO date (YYYY-MM-DD) after which the check no longer counts; null when it never lapses. */
  readonly expiresOn: string | null;
}

/** Days before expiry from which a check is listed as lapsing for the people who must act. */
export const CHECK_LAPSE_WARNING_DAYS = 30;

/** Which checks stop a role being active on `today` (ISO date): missing or expired. */
export function checkShortfalls(checks: readonly PaidRoleCheckFact[], today: string): string[] {
  return PAID_ROLE_CHECK_KINDS.flatMap((kind) => {
    const latest = checks
      .filter((c) => c.kind === kind)
      .sort((a, b) => (b.expiresOn ?? '9999-12-31').localeCompare(a.expiresOn ?? '9999-12-31'))[0];
    if (!latest) return [`${PAID_ROLE_CHECK_LABELS[kind]} not recorded`];
    if (latest.expiresOn !== null && latest.expiresOn < today) {
      return [`${PAID_ROLE_CHECK_LABELS[kind]} expired on ${latest.expiresOn}`];
    }
    return [];
  });
}
