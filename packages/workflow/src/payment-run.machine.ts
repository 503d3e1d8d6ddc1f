import { setup } from 'xstate';

/**
 * A payment run (ADR 0008): draft → approved (by someone other than its creator) → released
 * (the bank file is produced) → completed when the bank has confirmed every line, or cancelled
 * before release.
 */
export type PaymentRunEvent =
  | { type: 'APPROVE' }
  | { type: 'RELEASE' }
  /** Sent by the service once every line is confirmed paid or returned to payable. */
  | { type: 'COMPLETE' }
  | { type: 'CANCEL'; reason: string };

export const paymentRunMachine = setup({
  types: {
    events: {} as PaymentRunEvent,
  },
}).createMachine({
  id: 'paymentRun',
  initial: 'draft',
  states: {
    draft: { on: { APPROVE: 'approved', CANCEL: 'cancelled' } },
    approved: { on: { RELEASE: 'released', CANCEL: 'cancelled' } },
    released: { on: { COMPLETE: 'completed' } },
    completed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type PaymentRunEventType = PaymentRunEvent['type'];
