import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../env.ts';

const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'a'.repeat(40),
  BANK_DETAILS_KEY: randomBytes(32).toString('base64'),
  BACS_ORIGINATOR_SORT_CODE: '20-00-00',
  BACS_ORIGINATOR_ACCOUNT: '12345678',
  BACS_SERVICE_USER_NUMBER: '123456',
  BACS_ORIGINATOR_NAME: 'Kingsmere Hub',
};

describe('money configuration', () => {
  it('derives a 32-byte bank-details key from AUTH_SECRET outside production, and says so', () => {
    const a = loadConfig({ NODE_ENV: 'test' }).money;
    const b = loadConfig({ NODE_ENV: 'development', AUTH_SECRET: 'b'.repeat(40) }).money;
    expect(a.bankDetailsKey).toHaveLength(32);
    expect(a.bankDetailsKeyDerived).toBe(true);
    expect(a.bankDetailsKey.equals(b.bankDetailsKey)).toBe(false);
    expect(a.originator.sortCode).toMatch(/^\d{6}$/);
  });

  it('takes the key and the hub’s Bacs identity from the environment in production', () => {
    const money = loadConfig(PRODUCTION).money;
    expect(money.bankDetailsKey.toString('base64')).toBe(PRODUCTION.BANK_DETAILS_KEY);
    expect(money.bankDetailsKeyDerived).toBe(false);
    expect(money.originator).toEqual({
      sortCode: '200000',
      accountNumber: '12345678',
      serviceUserNumber: '123456',
      name: 'KINGSMERE HUB',
    });
  });

  it.each([
    'BANK_DETAILS_KEY',
    'BACS_ORIGINATOR_SORT_CODE',
    'BACS_ORIGINATOR_ACCOUNT',
    'BACS_SERVICE_USER_NUMBER',
    'BACS_ORIGINATOR_NAME',
  ])('requires %s in production', (name) => {
    const { [name as keyof typeof PRODUCTION]: _missing, ...rest } = PRODUCTION;
    expect(() => loadConfig(rest)).toThrow(
      `Configuration error: ${name} is required in production`,
    );
  });

  it('refuses a key that is not 32 bytes, without echoing it', () => {
    const error = (() => {
      try {
        loadConfig({ ...PRODUCTION, BANK_DETAILS_KEY: 'c2hvcnQ=' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toMatch(/^Configuration error: BANK_DETAILS_KEY must be 32 bytes/);
    expect(error?.message).not.toContain('c2hvcnQ=');
  });
});
