/**
 * PostgreSQL cannot store a NUL character (U+0000) in `text` or `jsonb`: a string holding one,
 * anywhere in an input, would fail in the database as a server fault. No field has a use for
 * one, so every input is checked once, before its own schema, and refused naming the field.
 */
const NUL = '\u0000';

/** The path (`lines.0.title`) of the first string or key holding a NUL character, if any. */
export function findUnstorableText(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path.join('.') || 'input' : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(index)]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) return [...path, key.replaceAll(NUL, '')].join('.');
      const found = findUnstorableText(item, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export const UNSTORABLE_TEXT =
  'Remove the hidden control character (NUL) from this field; it cannot be saved.';
