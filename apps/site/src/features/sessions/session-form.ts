/** Whole minutes from 1 to 1,440 (spaces and thousands commas allowed), or null. */
export function readMinutes(text: string): number | null {
  const plain = text.replace(/[\s,]/g, '');
  if (!/^\d{1,4}$/.test(plain)) return null;
  const minutes = Number(plain);
  return minutes >= 1 && minutes <= 1440 ? minutes : null;
}
