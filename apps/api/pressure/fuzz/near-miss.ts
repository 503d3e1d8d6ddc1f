import fc from 'fast-check';
import { isPlainObject } from './zod-arbitrary.ts';

/**
 * Inputs "around" a schema: a valid value with one thing wrong — a field removed, of the wrong
 * type, null, empty or huge, full of SQL/HTML/control characters, out of range, an unknown id —
 * plus extra keys, over-long arrays and wholly random JSON.
 */
export type Path = ReadonlyArray<string | number>;

export const HUGE_STRING = 'x'.repeat(10_000);

/** Strings that have broken systems before. */
export const NASTY_STRINGS = [
  '',
  ' ',
  HUGE_STRING,
  "'; DROP TABLE programme; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'nul\u0000byte',
  '\u0000',
  'bell\u0007 tab\t newline\n cr\r esc\u001b',
  '\u202eright-to-left override',
  'zero\u200bwidth',
  'ｆｕｌｌｗｉｄｔｈ',
  '😀👩‍👩‍👧‍👦',
  'lone surrogate \ud800',
  'Ω≈ç√∫˜µ≤≥÷',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  'null',
  'undefined',
  'true',
  '{}',
  '[]',
  '__proto__',
  '../../etc/passwd',
  '%00',
  '2026-02-30',
  '0000-00-00',
  '99999-12-31',
  '2026-13-01',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '11111111-1111-1111-1111-111111111111',
];

export const NASTY_NUMBERS = [
  0,
  -1,
  -0,
  0.5,
  1.5,
  -1e9,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

const WRONG_TYPES: unknown[] = [null, true, 0, 1, 'text', [], {}, [1, 2], { nested: { deep: 1 } }];

export const MUTATIONS = [
  'nasty-string',
  'remove',
  'null',
  'wrong-type',
  'nasty-string',
  'nasty-number',
  'unknown-uuid',
  'extra-key',
  'long-array',
  'random-json',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** Every path into a JSON value, the root first. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const here: Path[] = [prefix];
  if (Array.isArray(value))
    for (const [i, v] of value.entries()) here.push(...pathsOf(v, [...prefix, i]));
  else if (isPlainObject(value))
    for (const [k, v] of Object.entries(value)) here.push(...pathsOf(v, [...prefix, k]));
  return here;
}

function getAt(value: unknown, path: Path): unknown {
  let here: unknown = value;
  for (const key of path) here = (here as Record<string | number, unknown>)?.[key];
  return here;
}

/** A copy of `value` with the thing at `path` replaced (or removed, for `remove`). */
function setAt(value: unknown, path: Path, next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...value];
    if (remove && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = setAt(copy[head as number], rest, next, remove);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (remove && rest.length === 0) delete copy[head as string];
  // defineProperty, so that `__proto__` becomes a key sent in the JSON, not the prototype.
  else
    Object.defineProperty(copy, head, {
      value: setAt(copy[head as string], rest, next, remove),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

export interface NearMiss {
  readonly input: unknown;
  readonly mutation: Mutation;
  readonly path: Path;
}

/** One near-miss of a valid value, chosen by the indices fast-check draws (so it shrinks). */
export function nearMiss(
  valid: unknown,
  mutation: Mutation,
  pick: number,
  choice: number,
  randomJson: unknown,
): NearMiss {
  const paths = pathsOf(valid);
  // Mutate a leaf or a container below the root when there is one, the root otherwise.
  const inner = paths.length > 1 ? paths.slice(1) : paths;
  let path = inner[pick % inner.length] ?? [];
  const current = getAt(valid, path);
  const at = <T>(list: readonly T[]) => list[choice % list.length] as T;
  switch (mutation) {
    case 'remove':
      return {
        input: path.length ? setAt(valid, path, undefined, true) : undefined,
        mutation,
        path,
      };
    case 'null':
      return { input: setAt(valid, path, null), mutation, path };
    case 'wrong-type': {
      const wrong = WRONG_TYPES.filter(
        (w) => typeof w !== typeof current || Array.isArray(w) !== Array.isArray(current),
      );
      return { input: setAt(valid, path, at(wrong)), mutation, path };
    }
    case 'nasty-string': {
      const strings = paths.filter((p) => typeof getAt(valid, p) === 'string');
      path = strings[pick % strings.length] ?? path;
      return { input: setAt(valid, path, at(NASTY_STRINGS)), mutation, path };
    }
    case 'nasty-number': {
      const numbers = paths.filter((p) => typeof getAt(valid, p) === 'number');
      path = numbers[pick % numbers.length] ?? path;
      return { input: setAt(valid, path, at(NASTY_NUMBERS)), mutation, path };
    }
    case 'unknown-uuid': {
      const ids = paths.filter((p) => {
        const here = getAt(valid, p);
        return typeof here === 'string' && /^[0-9a-f-]{36}$/i.test(here);
      });
      path = ids[pick % ids.length] ?? path;
      return { input: setAt(valid, path, crypto.randomUUID()), mutation, path };
    }
    case 'extra-key': {
      const objects = paths.filter((p) => isPlainObject(getAt(valid, p)));
      if (!objects.length) return { input: valid, mutation, path: [] };
      path = objects[pick % objects.length] ?? [];
      const key = at(['__proto__', 'constructor', 'unknownField', 'networkId', 'role', 'isAdmin']);
      return {
        input: setAt(valid, [...path, key], at(WRONG_TYPES)),
        mutation,
        path: [...path, key],
      };
    }
    case 'long-array': {
      const arrays = paths.filter((p) => Array.isArray(getAt(valid, p)));
      if (!arrays.length) return { input: valid, mutation, path: [] };
      path = arrays[pick % arrays.length] ?? [];
      const items = getAt(valid, path) as unknown[];
      const filler = items.length ? items : [null];
      const long = Array.from({ length: 2_000 }, (_, i) => filler[i % filler.length]);
      return { input: setAt(valid, path, long), mutation, path };
    }
    case 'random-json':
      return { input: randomJson, mutation, path: [] };
  }
}

export function nearMissArbitrary(valid: fc.Arbitrary<unknown>): fc.Arbitrary<NearMiss> {
  return fc
    .tuple(
      valid,
      fc.constantFrom(...MUTATIONS),
      fc.nat({ max: 1_000 }),
      fc.nat({ max: 1_000 }),
      fc.jsonValue({ maxDepth: 3 }),
    )
    .map(([value, mutation, pick, choice, randomJson]) =>
      nearMiss(value, mutation, pick, choice, randomJson),
    );
}
