/**
 * Domain errors are values with a code; the API maps each code to a transport error in exactly
 * one place. The message is written for the person who will read it.
 */
export type DomainErrorCode =
  | 'invalid'
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'precondition-failed'
  | 'two-factor-required'
  | 'unauthenticated';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field the problem is about, when there is one. */
    readonly field?: string,
    /** Structured facts for the client, e.g. the events allowed now. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('not-found', `${what} was not found`);
export const invalid = (field: string, message: string) =>
  new DomainError('invalid', message, field);
export const conflict = (message: string) => new DomainError('conflict', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
