import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PAID_ROLE_CHECK_KINDS,
  type PaidRoleCheckFact,
} from '../commissioning/paid-role-checks.ts';
import { type PaidWork, type PayBasis, payEligibility, payForWork, ZPayRate } from './pay.ts';
import { expectInvalid } from './test-builders.ts';

describe('payForWork', () => {
  it.each<[PayBasis, number, PaidWork, number]>([
    ['per_session', 4_500, { kind: 'session', minutes: 50 }, 4_500],
    ['per_session', 4_500, { kind: 'session', minutes: 120 }, 4_500],
    ['per_hour', 3_000, { kind: 'session', minutes: 60 }, 3_000],
    ['per_hour', 3_000, { kind: 'session', minutes: 90 }, 4_500],
    ['per_hour', 2_501, { kind: 'session', minutes: 50 }, 2_084], // 2,084.17
    ['per_hour', 1_001, { kind: 'session', minutes: 30 }, 501], // 500.5 rounds up
    ['per_hour', 1_003, { kind: 'session', minutes: 30 }, 502], // 501.5 rounds up
    ['per_hour', 1_000, { kind: 'session', minutes: 1 }, 17], // 16.67
    ['monthly', 250_000, { kind: 'month' }, 250_000],
  ])('%s at %ip for %j pays %ip', (basis, rate, work, pence) => {
    expect(payForWork(basis, rate, work)).toBe(pence);
  });

  it.each<[PayBasis, number, PaidWork, string]>([
    ['monthly', 250_000, { kind: 'session', minutes: 60 }, 'work.kind'],
    ['per_hour', 3_000, { kind: 'month' }, 'work.kind'],
    ['per_session', 3_000, { kind: 'month' }, 'work.kind'],
    ['per_hour', 3_000, { kind: 'session', minutes: 0 }, 'work.minutes'],
    ['per_hour', 3_000, { kind: 'session', minutes: 45.5 }, 'work.minutes'],
    ['per_hour', 0, { kind: 'session', minutes: 60 }, 'ratePence'],
    ['per_hour', 12.5, { kind: 'session', minutes: 60 }, 'ratePence'],
    ['weekly' as PayBasis, 100, { kind: 'month' }, 'basis'],
  ])('refuses %s at %ip for %j, naming %s', (basis, rate, work, field) => {
    expectInvalid(() => payForWork(basis, rate, work), field);
  });

  it('pays per hour within half a penny of the exact amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1440 }),
        (rate, minutes) => {
          const pence = payForWork('per_hour', rate, { kind: 'session', minutes });
          // In sixtieths of a penny: rounded half up, so a true half penny goes up (+30).
          const difference = pence * 60 - rate * minutes;
          expect(difference).toBeGreaterThan(-30);
          expect(difference).toBeLessThanOrEqual(30);
        },
      ),
    );
  });
});

describe('ZPayRate', () => {
  it('accepts a basis and a positive whole-pence rate', () => {
    expect(ZPayRate.safeParse({ basis: 'per_hour', ratePence: 3_000 }).success).toBe(true);
    expect(ZPayRate.safeParse({ basis: 'per_hour', ratePence: 0 }).success).toBe(false);
    expect(ZPayRate.safeParse({ basis: 'hourly', ratePence: 3_000 }).success).toBe(false);
  });
});

describe('payEligibility', () => {
  const inDate = (expiresOn: string | null): PaidRoleCheckFact[] =>
    PAID_ROLE_CHECK_KINDS.map((kind) => ({ kind, expiresOn }));

  it('pays an active role with every check in date', () => {
    expect(payEligibility(inDate('2027-01-01'), 'active', '2026-03-02')).toEqual({ ok: true });
  });

  it('names the lapsed check', () => {
    const checks = inDate('2027-01-01').map((check) =>
      check.kind === 'enhanced_dbs' ? { ...check, expiresOn: '2026-03-01' } : check,
    );
    expect(payEligibility(checks, 'active', '2026-03-02')).toEqual({
      ok: false,
      reason: 'Enhanced DBS check expired on 2026-03-01',
    });
    expect(payEligibility(checks, 'active', '2026-03-01')).toEqual({ ok: true });
  });

  it('refuses a role that was not active, saying which state it was in', () => {
    expect(payEligibility(inDate(null), 'suspended', '2026-03-02')).toEqual({
      ok: false,
      reason: 'The paid role was suspended, not active, on 2026-03-02',
    });
  });

  it('refuses a date that is not a date', () => {
    expectInvalid(() => payEligibility(inDate(null), 'active', '02/03/2026'), 'onDate');
  });
});
