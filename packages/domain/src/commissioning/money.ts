import { z } from 'zod';

/** Money is integer pence, GBP (BRIEF, Money). */
export const ZPence = z
  .number({ error: 'Enter an amount in pence' })
  .int('Amounts are whole pence')
  .min(0, 'Amounts cannot be negative')
  .max(Number.MAX_SAFE_INTEGER, 'That amount is too large');

/** Made once: building a formatter costs far more than using one (claims format thousands). */
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

export function formatPounds(pence: number): string {
  return POUNDS.format(pence / 100);
}

export function isAboveDelegationLimit(valuePence: number, delegationLimitPence: number): boolean {
  return valuePence > delegationLimitPence;
}
