import { describe, expect, it } from 'vitest';
import type { MilestoneEvent } from './milestone.machine.ts';
import { milestoneMachine } from './milestone.machine.ts';
import { CONDITIONS_NOT_MET, type Design, walkEveryPath } from './testing/walk.ts';

const review = { APPROVE: 'approved', REQUEST_CHANGES: 'changesRequested', REJECT: 'rejected' };

function walk(valuePence: number, approvedLeadsTo: Record<string, string>) {
  const events: MilestoneEvent[] = [
    { type: 'SUBMIT' },
    { type: 'REQUEST_CHANGES', reason: 'Attach the attendance register' },
    { type: 'RESUBMIT' },
    { type: 'APPROVE', valuePence, delegationLimitPence: 1_000_000 },
    { type: 'REJECT', reason: 'Evidence does not support the claim' },
    { type: 'COUNTERSIGN' },
    { type: 'MARK_PAYABLE' },
    { type: 'MARK_PAID' },
  ];
  const design: Design = {
    planned: { SUBMIT: 'submitted' },
    submitted: review,
    changesRequested: { RESUBMIT: 'resubmitted' },
    resubmitted: review,
    approved: approvedLeadsTo,
    countersigned: { MARK_PAYABLE: 'payable' },
    payable: { MARK_PAID: 'paid' },
    paid: {},
    rejected: {},
  };
  return {
    design,
    ...walkEveryPath({
      kind: 'milestone',
      machine: milestoneMachine,
      events,
      refusals: {},
      design,
    }),
  };
}

describe('milestone machine', () => {
  it('sends an approval above the delegation limit through a countersignature', () => {
    const { problems, visited, design } = walk(1_500_000, {
      COUNTERSIGN: 'countersigned',
      MARK_PAYABLE: CONDITIONS_NOT_MET,
    });
    expect(problems).toEqual([]);
    expect([...visited].sort()).toEqual(Object.keys(design).sort());
  });

  it('makes an approval within the delegation limit payable without one', () => {
    const { problems, visited } = walk(1_000_000, {
      MARK_PAYABLE: 'payable',
      COUNTERSIGN: CONDITIONS_NOT_MET,
    });
    expect(problems).toEqual([]);
    expect(visited.has('countersigned')).toBe(false);
  });
});
