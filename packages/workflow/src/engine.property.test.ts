import { PAID_ROLE_CHECK_KINDS } from '@coproduce/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
  applyEvent,
  type EventsByKind,
  initialSnapshot,
  stateLabel,
  WORKFLOWS,
  type WorkflowKind,
} from './engine.ts';

const reason = fc.constantFrom('Safeguarding review', 'Funding paused', 'Figures missing');
const names = fc.array(fc.constantFrom('NHS Kingsmere ICB', 'Kingsmere Borough Council'), {
  maxLength: 2,
});
const baseline = fc.record({
  enrolled: fc.integer({ min: 0, max: 60 }),
  baselineRecorded: fc.integer({ min: 0, max: 60 }),
  threshold: fc.constantFrom(0.5, 0.8, 1),
  minimumCohort: fc.integer({ min: 0, max: 30 }),
  requiredPaidRoles: fc.integer({ min: 0, max: 2 }),
  activePaidRoles: fc.integer({ min: 0, max: 2 }),
});
const checks = fc.array(
  fc.record({
    kind: fc.constantFrom(...PAID_ROLE_CHECK_KINDS),
    expiresOn: fc.option(fc.constantFrom('2026-01-01', '2026-11-26', '2027-06-30'), { nil: null }),
  }),
  { maxLength: 7 },
);
const today = fc.constantFrom('2026-11-26', '2027-01-01');

const EVENT_ARBITRARIES: { [K in WorkflowKind]: fc.Arbitrary<EventsByKind[K]> } = {
  programme: fc.oneof(
    fc.constantFrom(
      ...(
        [
          'START_REVIEW',
          'SUBMIT_RETURN',
          'ACCEPT_RETURN',
          'START_NEXT_PERIOD',
          'BEGIN_CLOSURE',
          'CLOSE',
          'RESUME',
        ] as const
      ).map((type) => ({ type })),
    ),
    fc.record({
      type: fc.constantFrom(
        'REQUEST_CHANGES',
        'REJECT',
        'WITHDRAW',
        'SEND_BACK_RETURN',
        'SUSPEND',
        'TERMINATE',
      ),
      reason,
    }),
    fc.record({ type: fc.constant('APPROVE' as const), pendingSignOffs: names }),
    fc.record({
      type: fc.constantFrom('SUBMIT' as const, 'RESUBMIT' as const),
      proposalProblems: fc.array(fc.constantFrom('add at least one site', 'set a budget'), {
        maxLength: 1,
      }),
    }),
    fc.record({ type: fc.constant('START_DELIVERY' as const), baseline }),
  ) as fc.Arbitrary<EventsByKind['programme']>,
  milestone: fc.oneof(
    fc.constantFrom(
      ...(['SUBMIT', 'RESUBMIT', 'COUNTERSIGN', 'MARK_PAYABLE', 'MARK_PAID'] as const).map(
        (type) => ({ type }),
      ),
    ),
    fc.record({ type: fc.constantFrom('REQUEST_CHANGES', 'REJECT'), reason }),
    fc.record({
      type: fc.constant('APPROVE' as const),
      valuePence: fc.integer({ min: 0, max: 5_000_000 }),
      delegationLimitPence: fc.integer({ min: 0, max: 5_000_000 }),
    }),
  ) as fc.Arbitrary<EventsByKind['milestone']>,
  paidRole: fc.oneof(
    fc.constantFrom(
      ...(
        [
          'FUND',
          'OPEN_RECRUITMENT',
          'PROPOSE_CANDIDATE',
          'WITHDRAW_CANDIDATE',
          'START_CHECKS',
        ] as const
      ).map((type) => ({ type })),
    ),
    fc.record({ type: fc.constantFrom('CHECK_LAPSED', 'END'), reason }),
    fc.record({ type: fc.constantFrom('ACTIVATE', 'REINSTATE'), checks, today }),
  ) as fc.Arbitrary<EventsByKind['paidRole']>,
  claim: fc.oneof(
    fc.constantFrom(
      ...(['COMPLETE_VERIFICATION', 'COUNTERSIGN', 'SETTLE'] as const).map((type) => ({ type })),
    ),
    fc.record({ type: fc.constant('REJECT' as const), reason }),
    fc.record({
      type: fc.constant('APPROVE' as const),
      totalPence: fc.integer({ min: 0, max: 5_000_000 }),
      delegationLimitPence: fc.integer({ min: 0, max: 5_000_000 }),
    }),
  ) as fc.Arbitrary<EventsByKind['claim']>,
  paymentRun: fc.oneof(
    fc.constantFrom(...(['APPROVE', 'RELEASE', 'COMPLETE'] as const).map((type) => ({ type }))),
    fc.record({ type: fc.constant('CANCEL' as const), reason }),
  ) as fc.Arbitrary<EventsByKind['paymentRun']>,
};

describe.each(Object.keys(WORKFLOWS) as WorkflowKind[])('%s workflow engine', (kind) => {
  const anyEvent = EVENT_ARBITRARIES[kind] as fc.Arbitrary<EventsByKind[WorkflowKind]>;
  it('restored from JSON after every step, runs exactly as an uninterrupted actor', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        const actor = createActor(WORKFLOWS[kind].machine).start();
        let stored = JSON.parse(JSON.stringify(initialSnapshot(kind)));
        for (const event of events) {
          actor.send(event as never);
          const result = applyEvent(kind, stored, event as never);
          if (result.ok) stored = JSON.parse(JSON.stringify(result.snapshot));
          const uninterrupted = actor.getSnapshot();
          expect(result.ok ? result.to : result.state).toBe(stateLabel(uninterrupted));
          expect(stored.context).toEqual(JSON.parse(JSON.stringify(uninterrupted.context)));
          expect(stored.status).toBe(uninterrupted.status);
        }
        actor.stop();
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves a final state', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 60 }), (events) => {
        let stored = initialSnapshot(kind);
        let finalLabel: string | null = null;
        for (const event of events) {
          const result = applyEvent(kind, stored, event as never);
          if (finalLabel !== null) {
            expect(result.ok).toBe(false);
            continue;
          }
          if (result.ok) {
            stored = result.snapshot;
            if (result.final) finalLabel = result.to;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
