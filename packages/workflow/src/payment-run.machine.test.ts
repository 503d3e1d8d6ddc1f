import { describe, expect, it } from 'vitest';
import type { PaymentRunEvent } from './payment-run.machine.ts';
import { paymentRunMachine } from './payment-run.machine.ts';
import { type Design, walkEveryPath } from './testing/walk.ts';

const EVENTS: PaymentRunEvent[] = [
  { type: 'APPROVE' },
  { type: 'RELEASE' },
  { type: 'COMPLETE' },
  { type: 'CANCEL', reason: 'Payables due date entered wrongly' },
];

const DESIGN: Design = {
  draft: { APPROVE: 'approved', CANCEL: 'cancelled' },
  approved: { RELEASE: 'released', CANCEL: 'cancelled' },
  released: { COMPLETE: 'completed' },
  completed: {},
  cancelled: {},
};

describe('payment-run machine', () => {
  it('walks every path and can be cancelled only before release', () => {
    const { problems, visited } = walkEveryPath({
      kind: 'paymentRun',
      machine: paymentRunMachine,
      events: EVENTS,
      refusals: {},
      design: DESIGN,
    });
    expect(problems).toEqual([]);
    expect([...visited].sort()).toEqual(Object.keys(DESIGN).sort());
  });
});
