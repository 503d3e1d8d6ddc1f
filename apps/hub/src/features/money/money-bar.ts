/**
 * The parts of one funder's budget bar, as percentages of the bar: paid, committed but not yet
 * paid, and not yet committed. Committed beyond the budget fills the bar (it never overflows);
 * an empty budget draws no bar.
 */
export interface BarParts {
  readonly paid: number;
  readonly unpaid: number;
  readonly available: number;
}

export function budgetBarParts(figures: {
  budgetPence: number;
  committedPence: number;
  paidPence: number;
}): BarParts | null {
  const whole = Math.max(figures.budgetPence, figures.committedPence);
  if (whole <= 0) return null;
  const percent = (pence: number) => Math.max(0, Math.min(100, (pence / whole) * 100));
  const paid = percent(figures.paidPence);
  const committed = Math.max(paid, percent(figures.committedPence));
  return { paid, unpaid: committed - paid, available: 100 - committed };
}
