import { useMemo } from 'react';

/**
 * A fresh key for one request that must take effect once: a money-moving request (ADR 0008,
 * "Exactly once"), or a questionnaire kept in the site's offline outbox, which stores the key
 * with the entry so a re-send after a reload reuses it. `crypto.randomUUID` needs a secure
 * context; `getRandomValues` works everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface IdempotencyKeys {
  /**
   * The key for this request: the same key while the request is the same (a double click, a
   * retry after a network error), a new one once it differs (the server refuses a known key
   * with a different request) or after `done()`.
   */
  keyFor(request: unknown): string;
  /** The request succeeded: the next submission is a new one. */
  done(): void;
}

/** Remembers the last request sent and its key (plain, so it can be tested without React). */
export function idempotencyKeys(makeKey: () => string = newIdempotencyKey): IdempotencyKeys {
  let last: { readonly request: string; readonly key: string } | null = null;
  return {
    keyFor(request) {
      const fingerprint = JSON.stringify(request) ?? '';
      if (last?.request === fingerprint) return last.key;
      last = { request: fingerprint, key: makeKey() };
      return last.key;
    },
    done() {
      last = null;
    },
  };
}

/**
 * One form's idempotency keys, kept for the life of the form:
 * `mutate({ ...input, idempotencyKey: keys.keyFor(input) })`, then `keys.done()` on success.
 */
export function useIdempotencyKeys(): IdempotencyKeys {
  return useMemo(() => idempotencyKeys(), []);
}
