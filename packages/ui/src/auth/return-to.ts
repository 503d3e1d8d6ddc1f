/**
 * Where to go after signing in: only a path inside this app (never another origin, so a
 * crafted link cannot send someone elsewhere after they sign in).
 */
export function safeReturnTo(value: string | null): string {
  if (value === null) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value;
}

export function withReturnTo(path: string, returnTo: string | null): string {
  const target = safeReturnTo(returnTo);
  return target === '/' ? path : `${path}?returnTo=${encodeURIComponent(target)}`;
}
