import { describe, expect, it } from 'vitest';
import type { ClaimEvent } from './claim.machine.ts';
import { claimMachine } from './claim.machine.ts';
import { applyEvent, contextOf, initialSnapshot, type PersistedSnapshot } from './engine.ts';
import { type Design, walkEveryPath } from './testing/walk.ts';

const LIMIT = 1_000_000;

function walk(totalPence: number, approveLeadsTo: string) {
  const events: ClaimEvent[] = [
    { type: 'COMPLETE_VERIFICATION' },
    { type: 'APPROVE', totalPence, delegationLimitPence: LIMIT },
    { type: 'COUNTERSIGN' },
    { type: 'SETTLE' },
    { type: 'REJECT', reason: 'Sampled evidence does not support the claim' },
  ];
  const design: Design = {
    verification: { COMPLETE_VERIFICATION: 'awaitingApproval', REJECT: 'rejected' },
    awaitingApproval: { APPROVE: approveLeadsTo, REJECT: 'rejected' },
    awaitingCountersignature: { COUNTERSIGN: 'approved', REJECT: 'rejected' },
    approved: { SETTLE: 'settled' },
    settled: {},
    rejected: {},
  };
  return {
    design,
    ...walkEveryPath({ kind: 'claim', machine: claimMachine, events, refusals: {}, design }),
  };
}

function approve(totalPence: number): PersistedSnapshot {
  let snapshot = initialSnapshot('claim');
  for (const event of [
    { type: 'COMPLETE_VERIFICATION' },
    { type: 'APPROVE', totalPence, delegationLimitPence: LIMIT },
  ] as const) {
    const result = applyEvent('claim', snapshot, event);
    if (!result.ok) throw new Error(`${event.type} refused`);
    snapshot = result.snapshot;
  }
  return snapshot;
}

describe('claim machine', () => {
  it('sends an approval above the delegation limit through a countersignature', () => {
    const { problems, visited, design } = walk(LIMIT + 1, 'awaitingCountersignature');
    expect(problems).toEqual([]);
    expect([...visited].sort()).toEqual(Object.keys(design).sort());
  });

  it('approves a claim within the delegation limit without one', () => {
    const { problems, visited } = walk(LIMIT, 'approved');
    expect(problems).toEqual([]);
    expect(visited.has('awaitingCountersignature')).toBe(false);
    expect(visited.has('settled')).toBe(true);
  });

  it('records the approved total and the limit it was approved under', () => {
    expect(contextOf('claim', initialSnapshot('claim'))).toEqual({
      approvedTotalPence: null,
      delegationLimitPence: null,
    });
    expect(contextOf('claim', approve(1_250_000))).toEqual({
      approvedTotalPence: 1_250_000,
      delegationLimitPence: LIMIT,
    });
  });
});
