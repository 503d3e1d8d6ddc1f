import type { BaselineGateFacts } from '@coproduce/domain';
import { describe, expect, it } from 'vitest';
import type { ProgrammeEvent } from './programme-lifecycle.machine.ts';
import { programmeLifecycleMachine } from './programme-lifecycle.machine.ts';
import { type Design, HISTORY, walkEveryPath } from './testing/walk.ts';

const baselineMet: BaselineGateFacts = {
  enrolled: 45,
  baselineRecorded: 36,
  threshold: 0.8,
  minimumCohort: 20,
  requiredPaidRoles: 1,
  activePaidRoles: 1,
};

const EVENTS: ProgrammeEvent[] = [
  { type: 'SUBMIT', proposalProblems: [] },
  { type: 'START_REVIEW' },
  { type: 'REQUEST_CHANGES', reason: 'Add the GAD-7 at 6 months' },
  { type: 'RESUBMIT', proposalProblems: [] },
  { type: 'APPROVE', pendingSignOffs: [] },
  { type: 'REJECT', reason: 'Outside the commissioning intentions' },
  { type: 'WITHDRAW', reason: 'Site no longer able to host' },
  { type: 'START_DELIVERY', baseline: baselineMet },
  { type: 'SUBMIT_RETURN' },
  { type: 'ACCEPT_RETURN' },
  { type: 'SEND_BACK_RETURN', reason: 'Attendance figures missing' },
  { type: 'START_NEXT_PERIOD' },
  { type: 'BEGIN_CLOSURE' },
  { type: 'CLOSE' },
  { type: 'SUSPEND', reason: 'Safeguarding review' },
  { type: 'RESUME' },
  { type: 'TERMINATE', reason: 'Funding withdrawn' },
];

const review = {
  APPROVE: 'active.baseline',
  REQUEST_CHANGES: 'proposal.changesRequested',
  REJECT: 'rejected',
  WITHDRAW: 'withdrawn',
};
const activeExits = { SUSPEND: 'suspended', TERMINATE: 'terminated' };

const DESIGN: Design = {
  'proposal.draft': { SUBMIT: 'proposal.submitted', WITHDRAW: 'withdrawn' },
  'proposal.submitted': { START_REVIEW: 'proposal.inReview', WITHDRAW: 'withdrawn' },
  'proposal.inReview': review,
  'proposal.changesRequested': { RESUBMIT: 'proposal.resubmitted', WITHDRAW: 'withdrawn' },
  'proposal.resubmitted': review,
  'active.baseline': { START_DELIVERY: 'active.delivery', ...activeExits },
  'active.delivery': { SUBMIT_RETURN: 'active.monitoring', ...activeExits },
  'active.monitoring': {
    ACCEPT_RETURN: 'active.payment',
    SEND_BACK_RETURN: 'active.delivery',
    ...activeExits,
  },
  'active.payment': {
    START_NEXT_PERIOD: 'active.delivery',
    BEGIN_CLOSURE: 'active.closure',
    ...activeExits,
  },
  'active.closure': { CLOSE: 'closed', ...activeExits },
  suspended: { RESUME: HISTORY, TERMINATE: 'terminated' },
  rejected: {},
  withdrawn: {},
  closed: {},
  terminated: {},
};

describe('programme lifecycle machine', () => {
  it('walks every path: each state takes exactly the designed events and refuses the rest', () => {
    const { problems, visited, pathCount } = walkEveryPath({
      kind: 'programme',
      machine: programmeLifecycleMachine,
      events: EVENTS,
      refusals: {
        SUBMIT: {
          event: { type: 'SUBMIT', proposalProblems: ['add at least one site'] },
          reasons: ['add at least one site'],
        },
        RESUBMIT: {
          event: { type: 'RESUBMIT', proposalProblems: ['set a budget'] },
          reasons: ['set a budget'],
        },
        APPROVE: {
          event: { type: 'APPROVE', pendingSignOffs: ['Kingsmere Borough Council'] },
          reasons: ['Kingsmere Borough Council has not signed off its share yet'],
        },
        START_DELIVERY: {
          event: { type: 'START_DELIVERY', baseline: { ...baselineMet, baselineRecorded: 31 } },
          reasons: ['baseline recorded for 31 of 45 enrolled participants (69%); 80% required'],
        },
      },
      design: DESIGN,
    });
    expect(problems).toEqual([]);
    expect([...visited].sort()).toEqual(Object.keys(DESIGN).sort());
    expect(pathCount).toBeGreaterThan(20);
  });
});

describe('workflow event rules', () => {
  it('name exactly the events each machine handles', async () => {
    const { WORKFLOW_EVENT_ROLES } = await import('@coproduce/domain');
    const { WORKFLOWS } = await import('./engine.ts');
    for (const [kind, { machine }] of Object.entries(WORKFLOWS)) {
      const handled = [...new Set(machine.root.events)]
        .filter((e) => !e.startsWith('xstate.'))
        .sort();
      expect(
        Object.keys(WORKFLOW_EVENT_ROLES[kind as keyof typeof WORKFLOW_EVENT_ROLES]).sort(),
      ).toEqual(handled);
    }
  });
});
