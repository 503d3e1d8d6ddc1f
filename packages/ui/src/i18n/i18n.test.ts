import { describe, expect, it } from 'vitest';
import { createTranslate, interpolate } from './i18n.tsx';

const messages = {
  greeting: 'Hello {name}, you are {role}',
  plain: 'Sign in',
  entries_one: '{count} entry',
  entries_other: '{count} entries',
} as const;

describe('createTranslate', () => {
  const t = createTranslate('en-GB', messages);

  it('fills every placeholder', () => {
    expect(t('greeting', { name: 'Grace', role: 'Hub coordinator' })).toBe(
      'Hello Grace, you are Hub coordinator',
    );
  });

  it('returns a message without placeholders as written', () => {
    expect(t('plain')).toBe('Sign in');
  });

  it('picks the plural form for the count and formats the number for the locale', () => {
    expect(t.plural('entries', 1)).toBe('1 entry');
    expect(t.plural('entries', 0)).toBe('0 entries');
    expect(t.plural('entries', 12345)).toBe('12,345 entries');
  });

  it('looks up keys built from data, or says there is none', () => {
    expect(t.optional('plain')).toBe('Sign in');
    expect(t.optional('auditAction.something-new')).toBeUndefined();
  });
});

describe('interpolate', () => {
  it('leaves a placeholder it has no value for visible, so the gap is noticed', () => {
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
  });
});
