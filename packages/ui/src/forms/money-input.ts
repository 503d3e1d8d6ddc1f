/**
 * What people type for money and shares, read exactly: pounds become integer pence and
 * percentages become basis points without going through floating point, so "0.29" is 29p and
 * "33.33" is 3,333 basis points, never 28.999….
 */

/** "12,500.00", "£12500", "12500.5" → pence; null when it is not an amount. */
export function parsePounds(text: string): number | null {
  const plain = text.trim().replace(/^£\s*/, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(plain);
  if (match === null) return null;
  const pounds = (match[1] ?? '').replaceAll(',', '');
  const pence = (match[2] ?? '').padEnd(2, '0');
  const value = Number(pounds) * 100 + Number(pence);
  return Number.isSafeInteger(value) ? value : null;
}

/** Pence as people type pounds back into the field: 1250000 → "12,500.00". */
export function penceToPoundsText(pence: number): string {
  const pounds = Math.trunc(pence / 100);
  const rest = String(pence % 100).padStart(2, '0');
  return `${pounds.toLocaleString('en-GB')}.${rest}`;
}

/** "60", "33.33", "12.5%" → basis points (6,000; 3,333; 1,250); null when it is not a share. */
export function parsePercent(text: string): number | null {
  const plain = text.trim().replace(/\s*%$/, '');
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(plain);
  if (match === null) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Basis points as people type a share: 6000 → "60", 3333 → "33.33", 1250 → "12.5". */
export function basisPointsToPercentText(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = basisPoints % 100;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

/** A whole number, as typed (spaces and thousands commas allowed); null otherwise. */
export function parseWholeNumber(text: string): number | null {
  const plain = text.trim().replace(/[\s,]/g, '');
  if (!/^\d{1,9}$/.test(plain)) return null;
  return Number(plain);
}
