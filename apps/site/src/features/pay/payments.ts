import type { MyPayment } from './types.ts';

/** One payment run's payments to the caller: one remittance advice covers them all. */
export interface RunPayments {
  readonly runId: string;
  readonly paidOn: string;
  /** Integer pence: the sum of the run's payments. */
  readonly amountPence: number;
  readonly payments: readonly MyPayment[];
}

/** Groups payments by run, keeping the order they came in (newest first). */
export function paymentsByRun(payments: readonly MyPayment[]): RunPayments[] {
  const runs = new Map<string, { runId: string; paidOn: string; payments: MyPayment[] }>();
  for (const payment of payments) {
    const run = runs.get(payment.runId);
    if (run) run.payments.push(payment);
    else
      runs.set(payment.runId, {
        runId: payment.runId,
        paidOn: payment.paidOn,
        payments: [payment],
      });
  }
  return [...runs.values()].map((run) => ({
    ...run,
    amountPence: run.payments.reduce((sum, payment) => sum + payment.amountPence, 0),
  }));
}

/**
 * A payment's description names its dates as the bank file does (`session on 2026-02-03`,
 * `month of 2026-03`): shown in words, as every other date on the screen.
 */
export function datesInWords(text: string, locale: string): string {
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const month = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return text
    .replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (whole, y: string, m: string, d: string) => {
      const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
      return Number.isNaN(date.getTime()) ? whole : day.format(date);
    })
    .replace(/\b(\d{4})-(\d{2})\b/g, (whole, y: string, m: string) => {
      const date = new Date(Date.UTC(Number(y), Number(m) - 1, 1));
      return Number(m) < 1 || Number(m) > 12 ? whole : month.format(date);
    });
}
