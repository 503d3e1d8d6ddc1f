import type { Config } from '../env.ts';

export type MoneySettings = Config['money'];

let current: MoneySettings | null = null;

/**
 * The bank-details key and the hub's Bacs identity, from the configuration. `buildServer` sets
 * them once at start-up (before the seed runs); tests that call services without a server set
 * them from `loadConfig({ NODE_ENV: 'test' })`.
 */
export function configureMoney(settings: MoneySettings): void {
  current = settings;
}

export function moneySettings(): MoneySettings {
  if (!current) throw new Error('money settings are not configured: call configureMoney first');
  return current;
}
