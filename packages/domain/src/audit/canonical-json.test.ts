import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from './canonical-json.ts';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: [3, { d: null, c: true }] } }, '{"z":{"y":[3,{"c":true,"d":null}]}}'],
    [['é', 'line\nbreak', 1.5, -0], '["é","line\\nbreak",1.5,0]'],
    [{}, '{}'],
    [null, 'null'],
  ] as const)('writes %j as %s', (value, text) => {
    expect(canonicalJson(value as JsonValue)).toBe(text);
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/finite/);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(/finite/);
  });

  it('gives the same text whatever order keys were written in, and parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value as JsonValue);
        const reordered = JSON.parse(JSON.stringify(value), (_k, v) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        );
        expect(canonicalJson(reordered)).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
