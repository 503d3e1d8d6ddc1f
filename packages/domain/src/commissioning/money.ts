import { z } from 'zod';

/** Money is integer pence, GBP (BRIEF, Money). */
export const ZPence = z
  .number({ error: 'Enter an amount in pence' })
  .int('Amounts are whole pence')
  .min(0, 'Amounts cannot be negative')
  .max(Number.MAX_SAFE_INTEGER, 'That amount is too large');

export function formatPounds(pence: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);
}

export function isAboveDelegationLimit(valuePence: number, delegationLimitPence: number): boolean {
  return valuePence > delegationLimitPence;
}
