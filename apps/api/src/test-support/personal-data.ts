import type { Database } from '@coproduce/db';
import { sql } from 'drizzle-orm';

/** What we know about one participant that must never reach a log line. */
export interface PersonalData {
  readonly givenName?: string | null;
  readonly familyName?: string | null;
  readonly dateOfBirth?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly postcode?: string | null;
}

export type PersonalDataKind = 'name' | 'date of birth' | 'email' | 'phone' | 'postcode';

/** One hit: the kind of data and the 1-based line; never the data itself. */
export interface PersonalDataHit {
  readonly kind: PersonalDataKind;
  readonly line: number;
}

/** Words of a log line: letters, digits and the marks inside emails, dates and codes. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}@._+/'-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** The searched forms of one person's data: lower case, single spaces, except family names. */
function formsOf(
  person: PersonalData,
): Array<{ kind: PersonalDataKind; form: string; exact?: boolean }> {
  const out: Array<{ kind: PersonalDataKind; form: string; exact?: boolean }> = [];
  const words = (text: string) => (text.match(WORD) ?? []).join(' ').toLowerCase();
  const given = person.givenName?.trim();
  const family = person.familyName?.trim();
  if (given && family) out.push({ kind: 'name', form: words(`${given} ${family}`) });
  // A family name alone counts as written (capitalised), and only when long enough not to be a word.
  if (family && family.length >= 5 && !/\s/.test(family))
    out.push({ kind: 'name', form: family, exact: true });
  const dob = person.dateOfBirth?.slice(0, 10);
  if (dob && /^\d{4}-\d{2}-\d{2}$/.test(dob)) {
    const [y, m, d] = dob.split('-');
    out.push({ kind: 'date of birth', form: dob });
    out.push({ kind: 'date of birth', form: `${d}/${m}/${y}` });
  }
  if (person.email) out.push({ kind: 'email', form: person.email.trim().toLowerCase() });
  const phone = person.phone?.trim();
  if (phone) {
    out.push({ kind: 'phone', form: words(phone) });
    const digits = phone.replace(/\D/g, '');
    if (digits.length >= 9) out.push({ kind: 'phone', form: digits });
  }
  const postcode = person.postcode?.trim();
  if (postcode) {
    out.push({ kind: 'postcode', form: words(postcode) });
    out.push({ kind: 'postcode', form: postcode.replace(/\s+/g, '').toLowerCase() });
  }
  return out.filter((f) => f.form.length > 0);
}

/**
 * Scans log text for any participant's name, date of birth, email, phone or postcode, as whole
 * words (runs of up to three words, so "Amira Okonkwo" and "020 7946 0101" count). Returns the
 * kind and line number of each hit (once per line and kind), never the data found.
 */
export function findPersonalData(
  logText: string,
  people: readonly PersonalData[],
): PersonalDataHit[] {
  const folded = new Map<string, PersonalDataKind>();
  const exact = new Map<string, PersonalDataKind>();
  for (const { kind, form, exact: asWritten } of people.flatMap(formsOf)) {
    (asWritten ? exact : folded).set(form, kind);
  }
  const hits: PersonalDataHit[] = [];
  logText.split('\n').forEach((line, index) => {
    if (!line) return;
    const words = line.match(WORD) ?? [];
    const lower = words.map((w) => w.toLowerCase());
    const kinds = new Set<PersonalDataKind>();
    for (let i = 0; i < words.length; i += 1) {
      const exactKind = exact.get(words[i] as string);
      if (exactKind) kinds.add(exactKind);
      let run = '';
      for (let j = i; j < Math.min(i + 3, words.length); j += 1) {
        run = run ? `${run} ${lower[j]}` : (lower[j] as string);
        const kind = folded.get(run);
        if (kind) kinds.add(kind);
      }
    }
    for (const kind of kinds) hits.push({ kind, line: index + 1 });
  });
  return hits;
}

/** One line per hit for an error message: kinds and line numbers only. */
export function describePersonalDataHits(hits: readonly PersonalDataHit[], file: string): string {
  const shown = hits
    .slice(0, 20)
    .map((hit) => `${hit.kind} at line ${hit.line}`)
    .join(', ');
  const more = hits.length > 20 ? ` and ${hits.length - 20} more` : '';
  return `personal data in the log ${file}: ${shown}${more}`;
}

/** Every participant's identifying details in the database (the seed's and any added since). */
export async function participantPersonalData(db: Database): Promise<PersonalData[]> {
  const result = (await db.execute(sql`
    select given_name, family_name, date_of_birth::text as dob, email, phone, postcode
    from participant_identities`)) as unknown as
    | { rows: Record<string, string | null>[] }
    | Record<string, string | null>[];
  const rows = Array.isArray(result) ? result : result.rows;
  return rows.map((row) => ({
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.dob,
    email: row.email,
    phone: row.phone,
    postcode: row.postcode,
  }));
}
