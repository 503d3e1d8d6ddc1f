import { describe, expect, it } from 'vitest';
import {
  checkShortfalls,
  PAID_ROLE_CHECK_KINDS,
  type PaidRoleCheckFact,
} from './paid-role-checks.ts';

const allValid = (expiresOn: string | null): PaidRoleCheckFact[] =>
  PAID_ROLE_CHECK_KINDS.map((kind) => ({ kind, expiresOn }));

describe('checkShortfalls', () => {
  it('passes when every check is recorded and in date', () => {
    expect(checkShortfalls(allValid('2027-01-01'), '2026-11-26')).toEqual([]);
    expect(checkShortfalls(allValid(null), '2026-11-26')).toEqual([]);
  });

  it('counts a check as valid on its expiry date and not the day after', () => {
    expect(checkShortfalls(allValid('2026-11-26'), '2026-11-26')).toEqual([]);
    expect(checkShortfalls(allValid('2026-11-25'), '2026-11-26')).toHaveLength(5);
  });

  it('names missing and expired checks, using the latest of repeated checks', () => {
    const checks: PaidRoleCheckFact[] = [
      { kind: 'enhanced_dbs', expiresOn: '2026-01-01' },
      { kind: 'enhanced_dbs', expiresOn: '2029-01-01' },
      { kind: 'right_to_work', expiresOn: null },
      { kind: 'qualification', expiresOn: '2026-10-31' },
      { kind: 'clinical_supervisor', expiresOn: null },
    ];
    expect(checkShortfalls(checks, '2026-11-26')).toEqual([
      'Qualification expired on 2026-10-31',
      'Safeguarding training not recorded',
    ]);
  });
});
