import { describe, expect, it } from 'vitest';
import { safeReturnTo, withReturnTo } from './return-to.ts';

describe('safeReturnTo', () => {
  it('keeps a path inside the app, with its query', () => {
    expect(safeReturnTo('/audit?action=membership.granted')).toBe(
      '/audit?action=membership.granted',
    );
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a protocol-relative URL', '//evil.example/'],
    ['a backslash trick', '/\\evil.example'],
    ['a relative path', 'audit'],
    ['nothing', null],
  ])('sends %s home instead', (_, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});

describe('withReturnTo', () => {
  it('adds the encoded return path, and nothing for home', () => {
    expect(withReturnTo('/sign-in', '/audit?x=1')).toBe('/sign-in?returnTo=%2Faudit%3Fx%3D1');
    expect(withReturnTo('/sign-in', '/')).toBe('/sign-in');
  });
});
