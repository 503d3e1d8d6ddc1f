/**
 * A key for one questionnaire, made when its form starts: sending it again (after being
 * offline, or a double tap) reuses it, and the server keeps one record per key.
 * `crypto.randomUUID` needs a secure context; `getRandomValues` works everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
