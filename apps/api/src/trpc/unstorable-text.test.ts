import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './unstorable-text.ts';

describe('findUnstorableText', () => {
  it.each([
    [{ title: 'ok', lines: [{ note: 'fine' }, { note: 'bad\u0000' }] }, 'lines.1.note'],
    [{ draft: { name: '\u0000' } }, 'draft.name'],
    ['\u0000', 'input'],
    [{ 'key\u0000': 1 }, 'key'],
  ])('names the field holding a NUL character in %j', (input, field) => {
    expect(findUnstorableText(input)).toBe(field);
  });

  it('passes everything else, control characters and odd unicode included', () => {
    expect(
      findUnstorableText({ a: 'tab\t\u0007 \u202e 😀 \ud800', b: [1, null, true], c: undefined }),
    ).toBeUndefined();
  });
});
