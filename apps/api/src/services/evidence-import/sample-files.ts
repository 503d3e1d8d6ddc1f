import { stringify } from 'csv-stringify/sync';
import writeExcelFile from 'write-excel-file/node';
import { PARTICIPANT_COLUMNS } from './columns.ts';

/**
 * Fictional import files for tests and the benchmark: the same seed gives the same file, and
 * every row is a different person (a distinct date of birth per row).
 */
export type Cells = (string | null)[];

/** Mulberry32: a small seeded generator, so a file is the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const GIVEN = ['Amina', 'Bilal', 'Chloe', 'Dev', 'Efua', 'Femi', 'Grace', 'Hari', 'Ines', 'Jamal'];
const FAMILY = ['Okoro', 'Patel', 'Quinn', 'Rahman', 'Silva', 'Tan', 'Usman', 'Vance', 'Ward'];
const SEXES = ['Female', 'Male', 'Prefer not to say', null];
const RELIGIONS = ['Christian', 'Muslim', 'Hindu', 'No religion', null];

/** A valid NHS number (modulus 11) made from `n`. */
export function nhsNumberFor(n: number): string {
  for (let base = 100_000_000 + ((n * 37) % 800_000_000); ; base += 1) {
    const digits = String(base);
    let sum = 0;
    for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${digits}${check === 11 ? 0 : check}`;
  }
}

const isoDay = (days: number) => new Date(Date.UTC(1940, 0, 1) + days * 86_400_000);

/** Header and `count` participant rows, all valid, enrolled on `enrolledOn` (YYYY-MM-DD). */
export function participantRows(count: number, options: { seed: number; enrolledOn: string }) {
  const next = random(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const [y, m, d] = options.enrolledOn.split('-');
  const rows: Cells[] = [PARTICIPANT_COLUMNS.map((c) => c.name)];
  for (let i = 0; i < count; i += 1) {
    // 7919 and 24,000 share no factor, so every row up to 24,000 has its own date of birth.
    const born = isoDay((i * 7919) % 24_000);
    const dateOfBirth = `${String(born.getUTCDate()).padStart(2, '0')}/${String(born.getUTCMonth() + 1).padStart(2, '0')}/${born.getUTCFullYear()}`;
    const given = pick(GIVEN);
    rows.push([
      given,
      pick(FAMILY),
      i % 2 === 0 ? dateOfBirth : born.toISOString().slice(0, 10),
      i % 3 === 0 ? `${given.toLowerCase()}.${i}@example.org` : null,
      i % 4 === 0 ? `07700 9${String(i % 100_000).padStart(5, '0')}` : null,
      null,
      i % 2 === 0 ? nhsNumberFor(options.seed * 100_003 + i) : null,
      `${d}/${m}/${y}`,
      'v1.0',
      'yes',
      next() < 0.9 ? 'yes' : 'no',
      next() < 0.7 ? 'yes' : 'no',
      options.enrolledOn,
      pick(SEXES),
      null,
      pick(RELIGIONS),
      null,
      null,
    ]);
  }
  return rows;
}

export const toCsv = (rows: readonly Cells[]) =>
  Buffer.from(stringify(rows.map((r) => r.map((c) => c ?? ''))), 'utf8');

export const toXlsx = (rows: readonly Cells[]) =>
  writeExcelFile(
    rows.map((r) => [...r]),
    { sheet: 'Data' },
  ).toBuffer();
