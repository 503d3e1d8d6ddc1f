import { PAID_ROLE_CHECK_KINDS, type PaidRoleCheckFact } from '@coproduce/domain';
import { describe, expect, it } from 'vitest';
import type { PaidRoleEvent } from './paid-role.machine.ts';
import { paidRoleMachine } from './paid-role.machine.ts';
import { type Design, walkEveryPath } from './testing/walk.ts';

const today = '2026-11-26';
const valid: PaidRoleCheckFact[] = PAID_ROLE_CHECK_KINDS.map((kind) => ({
  kind,
  expiresOn: '2027-11-26',
}));
const lapsed: PaidRoleCheckFact[] = valid.map((c) =>
  c.kind === 'enhanced_dbs' ? { ...c, expiresOn: '2026-11-01' } : c,
);

const EVENTS: PaidRoleEvent[] = [
  { type: 'FUND' },
  { type: 'OPEN_RECRUITMENT' },
  { type: 'PROPOSE_CANDIDATE' },
  { type: 'WITHDRAW_CANDIDATE' },
  { type: 'START_CHECKS' },
  { type: 'ACTIVATE', checks: valid, today },
  { type: 'CHECK_LAPSED', reason: 'Enhanced DBS check expired' },
  { type: 'REINSTATE', checks: valid, today },
  { type: 'END', reason: 'Contract ended' },
];

const DESIGN: Design = {
  drafted: { FUND: 'funded', END: 'ended' },
  funded: { OPEN_RECRUITMENT: 'recruiting', END: 'ended' },
  recruiting: { PROPOSE_CANDIDATE: 'candidateProposed', END: 'ended' },
  candidateProposed: { START_CHECKS: 'checks', WITHDRAW_CANDIDATE: 'recruiting', END: 'ended' },
  checks: { ACTIVATE: 'active', WITHDRAW_CANDIDATE: 'recruiting', END: 'ended' },
  active: { CHECK_LAPSED: 'suspended', END: 'ended' },
  suspended: { REINSTATE: 'active', END: 'ended' },
  ended: {},
};

describe('paid-role machine', () => {
  it('walks every path and only activates a role whose checks are all valid', () => {
    const reasons = ['Enhanced DBS check expired on 2026-11-01'];
    const { problems, visited } = walkEveryPath({
      kind: 'paidRole',
      machine: paidRoleMachine,
      events: EVENTS,
      refusals: {
        ACTIVATE: { event: { type: 'ACTIVATE', checks: lapsed, today }, reasons },
        REINSTATE: { event: { type: 'REINSTATE', checks: lapsed, today }, reasons },
      },
      design: DESIGN,
    });
    expect(problems).toEqual([]);
    expect([...visited].sort()).toEqual(Object.keys(DESIGN).sort());
  });
});
