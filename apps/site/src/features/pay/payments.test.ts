import { describe, expect, it } from 'vitest';
import { datesInWords, paymentsByRun } from './payments.ts';
import type { MyPayment } from './types.ts';

function payment(overrides: Partial<MyPayment>): MyPayment {
  return {
    id: crypto.randomUUID(),
    runId: 'run-1',
    paidOn: '2026-03-14',
    processingDate: '2026-03-14',
    amountPence: 4500,
    reference: 'COP R1 0001',
    bankReference: 'COP R1 0001',
    description: 'Family practitioner: session on 2026-02-03',
    programmeName: 'Family therapy',
    ...overrides,
  };
}

describe('paymentsByRun', () => {
  it('adds up each run’s payments in whole pence, newest run first as given', () => {
    const runs = paymentsByRun([
      payment({ runId: 'run-2', paidOn: '2026-04-10', amountPence: 1 }),
      payment({ runId: 'run-1', amountPence: 4500 }),
      payment({ runId: 'run-2', paidOn: '2026-04-10', amountPence: 2 }),
      payment({ runId: 'run-1', amountPence: 4501 }),
    ]);
    expect(runs.map((run) => [run.runId, run.amountPence, run.payments.length])).toEqual([
      ['run-2', 3, 2],
      ['run-1', 9001, 2],
    ]);
  });

  it('has no runs without payments', () => {
    expect(paymentsByRun([])).toEqual([]);
  });
});

describe('datesInWords', () => {
  it('writes the dates of a payment’s description in words', () => {
    expect(datesInWords('Family practitioner: session on 2026-02-03', 'en-GB')).toBe(
      'Family practitioner: session on 3 February 2026',
    );
    expect(datesInWords('Coordinator: month of 2026-03', 'en-GB')).toBe(
      'Coordinator: month of March 2026',
    );
  });

  it('leaves other numbers alone', () => {
    expect(datesInWords('Q2: 30 families, ref 1234-99', 'en-GB')).toBe(
      'Q2: 30 families, ref 1234-99',
    );
  });
});
