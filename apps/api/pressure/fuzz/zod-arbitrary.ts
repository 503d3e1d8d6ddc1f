import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Turns a zod 4 schema into a fast-check arbitrary of values it (mostly) accepts, by reading
 * `schema._zod.def`. Refinements cannot be read, so a generated value may still fail one; the
 * suite parses each input locally to know which answer to expect. A kind this converter does not
 * know throws, so a new kind of input is noticed rather than silently left unfuzzed.
 */
export class UnsupportedSchemaError extends Error {}

export interface ArbitraryContext {
  /**
   * Ids that exist in the database, so valid inputs reach the services and not only "not found":
   * those seen under this field's name (`programmeId`), else any.
   */
  readonly knownIds: (field: string | undefined) => readonly string[];
  /** A better arbitrary for a field than its schema can say (a file's content), if any. */
  readonly override?: (field: string | undefined) => fc.Arbitrary<unknown> | undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: zod's internal definitions are untyped here by design.
type Def = any;

const defOf = (schema: unknown): Def => {
  const def = (schema as { _zod?: { def?: Def } })?._zod?.def;
  if (!def) throw new UnsupportedSchemaError('not a zod 4 schema');
  return def;
};

const checksOf = (def: Def): Def[] =>
  ((def.checks ?? []) as Array<{ _zod: { def: Def } }>).map((c) => c._zod.def);

/** Valid free text as far as a schema without a format can tell, that has broken systems before. */
const TEXTS = [
  'nul\u0000byte',
  'Robert\u0000',
  'bell\u0007 tab\t newline\n cr\r esc\u001b',
  "O'Brien; DROP TABLE programme; --",
  '<script>alert(1)</script>',
  '\u202eright-to-left',
  '😀👩‍👩‍👧‍👦 Ω≈ç√',
  'lone surrogate \ud800',
  '   ',
];

const isoDate = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2035-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

function uuidArbitrary(ctx: ArbitraryContext, field: string | undefined): fc.Arbitrary<string> {
  const known = (name: string | undefined) =>
    fc.constant(null).chain(() => {
      const ids = ctx.knownIds(name);
      return ids.length ? fc.constantFrom(...ids) : fc.uuid({ version: 4 });
    });
  return fc.oneof(
    { weight: 6, arbitrary: known(field) },
    { weight: 1, arbitrary: known(undefined) },
    { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
  );
}

function stringArbitrary(
  def: Def,
  ctx: ArbitraryContext,
  field: string | undefined,
): fc.Arbitrary<string> {
  let min = 0;
  let max = 40;
  let schemaMax = Number.POSITIVE_INFINITY;
  let base: fc.Arbitrary<string> | undefined;
  const formats = [def.format, ...checksOf(def).map((c) => c.format)].filter(Boolean);
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = Math.max(min, check.minimum);
    else if (check.check === 'max_length') {
      max = Math.min(max, check.maximum);
      schemaMax = check.maximum;
    } else if (check.check === 'length_equals') min = max = schemaMax = check.length;
  }
  if (max < min) max = min;
  const format = formats[0] as string | undefined;
  if (format === 'uuid' || format === 'guid') base = uuidArbitrary(ctx, field);
  else if (format === 'email')
    base = fc
      .tuple(fc.stringMatching(/^[a-z]{1,12}$/), fc.constantFrom('example.org', 'test.example.org'))
      .map(([local, domain]) => `${local}@${domain}`);
  else if (format === 'date') base = isoDate;
  else if (format === 'datetime') base = isoDate.map((d) => `${d}T12:00:00.000Z`);
  else if (format === 'regex') {
    const pattern = [def, ...checksOf(def)].find((d) => d.format === 'regex')?.pattern as RegExp;
    base = fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= max);
  } else if (format === 'url') base = fc.webUrl();
  else if (format && !['lowercase', 'uppercase'].includes(format))
    throw new UnsupportedSchemaError(`string format "${format}"`);
  if (base) return base;
  // Free text: ordinary words mostly, and the texts that break things (NUL bytes, control
  // characters, SQL, HTML, odd unicode, the longest the schema allows) often.
  const fits = (text: string) => text.length >= min && text.length <= schemaMax;
  const texts = [...TEXTS, 'y'.repeat(Math.min(schemaMax, 20_000))].filter(fits);
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: max, unit: 'binary' }) },
    ...(texts.length ? [{ weight: 2, arbitrary: fc.constantFrom(...texts) }] : []),
  );
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min = -1e6;
  let max = 1e6;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'greater_than')
      min = check.inclusive ? check.value : check.value + (integer ? 1 : 1e-9);
    else if (check.check === 'less_than')
      max = check.inclusive ? check.value : check.value - (integer ? 1 : 1e-9);
    else if (check.check === 'number_format') integer = /int/.test(check.format);
    else if (check.check === 'multiple_of') integer = true;
    else throw new UnsupportedSchemaError(`number check "${check.check}"`);
  }
  // A second pass: the int check may come after the bounds.
  for (const check of checksOf(def)) {
    if (!integer) break;
    if (check.check === 'greater_than' && !check.inclusive) min = check.value + 1;
    if (check.check === 'less_than' && !check.inclusive) max = check.value - 1;
  }
  if (integer || def.format === 'safeint' || def.format === 'int32') {
    const lo = Math.ceil(Math.max(min, -1e9));
    const hi = Math.floor(Math.min(max, 1e9));
    return fc.oneof(
      fc.integer({ min: lo, max: Math.max(lo, hi) }),
      fc.constantFrom(lo, Math.max(lo, hi)),
    );
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values shaped by `schema`. */
export function arbitraryFor(
  schema: z.ZodType,
  ctx: ArbitraryContext,
  field?: string,
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const special = ctx.override?.(field);
  if (special && def.type === 'string') return special;
  switch (def.type) {
    case 'string':
      return stringArbitrary(def, ctx, field);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'optional':
      return fc.option(arbitraryFor(def.innerType, ctx, field), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType, ctx, field), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
      return fc.option(arbitraryFor(def.innerType, ctx, field), { nil: undefined, freq: 4 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return arbitraryFor(def.innerType, ctx, field);
    case 'pipe':
      // The input side is what a caller sends; a transform on the output side only reshapes it.
      return arbitraryFor(def.in, ctx, field);
    case 'lazy':
      return fc.constant(null).chain(() => arbitraryFor(def.getter(), ctx, field));
    case 'array': {
      let minLength = 0;
      let maxLength = 4;
      for (const check of checksOf(def)) {
        if (check.check === 'min_length') minLength = check.minimum;
        else if (check.check === 'max_length')
          maxLength = Math.min(check.maximum, Math.max(4, minLength));
        else if (check.check === 'length_equals') minLength = maxLength = check.length;
        else if (check.check !== 'custom')
          throw new UnsupportedSchemaError(`array check "${check.check}"`);
      }
      return fc.array(arbitraryFor(def.element, ctx, field), {
        minLength,
        maxLength: Math.max(minLength, maxLength),
      });
    }
    case 'tuple':
      return fc.tuple(...(def.items as z.ZodType[]).map((item) => arbitraryFor(item, ctx)));
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, value]) => [key, arbitraryFor(value, ctx, key)]),
      );
      return fc.record(fields).map((record) =>
        // Optional fields left undefined are left out, as JSON would.
        Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)),
      );
    }
    case 'record': {
      const keys = arbitraryFor(def.keyType, ctx).filter((k): k is string => typeof k === 'string');
      return fc.dictionary(keys, arbitraryFor(def.valueType, ctx), { maxKeys: 4 });
    }
    case 'union':
      return fc.oneof(
        ...(def.options as z.ZodType[]).map((option) => arbitraryFor(option, ctx, field)),
      );
    case 'intersection':
      return fc
        .tuple(arbitraryFor(def.left, ctx, field), arbitraryFor(def.right, ctx, field))
        .map(([left, right]) =>
          isPlainObject(left) && isPlainObject(right) ? { ...left, ...right } : right,
        );
    default:
      throw new UnsupportedSchemaError(`zod kind "${def.type}"`);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
