import { describe, expect, it } from 'vitest';
import { base64ToBytes } from './files.ts';

describe('base64ToBytes', () => {
  it('decodes every byte value, not only text', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    const base64 = btoa(String.fromCharCode(...bytes));
    expect(base64ToBytes(base64)).toEqual(bytes);
  });

  it('decodes an empty file to no bytes', () => {
    expect(base64ToBytes('')).toHaveLength(0);
  });
});
