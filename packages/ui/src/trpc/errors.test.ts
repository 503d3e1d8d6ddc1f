import { describe, expect, it } from 'vitest';
import { firstFieldErrors, isClientError, isUnauthorized, readError } from './errors.ts';

/** The shape of a TRPCClientError as the client builds it from our server's error response. */
function trpcError(message: string, data: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { data });
}

describe('readError', () => {
  it('keeps the server’s own message and its field messages', () => {
    const error = trpcError('Check the invitation', {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      fieldErrors: { email: ['Enter an email address', 'Too long'], role: ['Choose a role'] },
    });
    const read = readError(error, 'fallback');
    expect(read).toEqual({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      message: 'Check the invitation',
      fieldErrors: { email: ['Enter an email address', 'Too long'], role: ['Choose a role'] },
    });
    expect(firstFieldErrors(read)).toEqual({
      email: 'Enter an email address',
      role: 'Choose a role',
    });
  });

  it('uses the fallback when the server was never reached', () => {
    expect(readError(new TypeError('Failed to fetch'), 'We could not reach Coproduce')).toEqual({
      code: null,
      httpStatus: null,
      message: 'We could not reach Coproduce',
      fieldErrors: {},
    });
  });

  it('recognises a refused session and client errors', () => {
    const unauthorized = trpcError('Sign in', { code: 'UNAUTHORIZED', httpStatus: 401 });
    expect(isUnauthorized(unauthorized)).toBe(true);
    expect(isClientError(unauthorized)).toBe(true);
    expect(
      isClientError(trpcError('Oops', { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 })),
    ).toBe(false);
    expect(isUnauthorized(new Error('offline'))).toBe(false);
  });
});
