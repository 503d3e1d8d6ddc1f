import { describe, expect, it } from 'vitest';
import { idempotencyKeys, newIdempotencyKey } from './idempotency-key.ts';

function counter() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('idempotencyKeys', () => {
  it('gives the same key to a repeat of the same request (double click, retry)', () => {
    const keys = idempotencyKeys(counter());
    const first = keys.keyFor({ runId: 'r1', dueBy: '2025-06-30' });
    expect(keys.keyFor({ runId: 'r1', dueBy: '2025-06-30' })).toBe(first);
  });

  it('gives a new key once the request differs', () => {
    const keys = idempotencyKeys(counter());
    const first = keys.keyFor({ runId: 'r1', totpCode: '123456' });
    const second = keys.keyFor({ runId: 'r1', totpCode: '654321' });
    expect(second).not.toBe(first);
    // Going back to the first request is a new submission too.
    expect(keys.keyFor({ runId: 'r1', totpCode: '123456' })).not.toBe(first);
  });

  it('gives a new key for the same request after a success', () => {
    const keys = idempotencyKeys(counter());
    const first = keys.keyFor({ runId: 'r1' });
    keys.done();
    expect(keys.keyFor({ runId: 'r1' })).not.toBe(first);
  });
});

describe('newIdempotencyKey', () => {
  it('makes a different printable key each time', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[\x21-\x7e]{8,200}$/);
  });
});
