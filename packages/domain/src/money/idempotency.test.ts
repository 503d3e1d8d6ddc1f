import { describe, expect, it } from 'vitest';
import { ZIdempotencyKey } from './idempotency.ts';

describe('ZIdempotencyKey', () => {
  it.each([
    ['a UUID', '3f2504e0-4f89-41d3-9a0c-0305e82c3301', true],
    ['8 characters', 'abcdefgh', true],
    ['200 characters', 'k'.repeat(200), true],
    ['7 characters', 'abcdefg', false],
    ['201 characters', 'k'.repeat(201), false],
    ['a space', 'abcd efgh', false],
  ])('%s: %s', (_what, key, ok) => {
    expect(ZIdempotencyKey.safeParse(key).success).toBe(ok);
  });
});
