import { DomainError, type DomainErrorCode } from '@coproduce/domain';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../http/database-unavailable.ts';

const TRPC_CODE: Record<DomainErrorCode, TRPCError['code']> = {
  invalid: 'BAD_REQUEST',
  'not-found': 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  'precondition-failed': 'PRECONDITION_FAILED',
  'two-factor-required': 'FORBIDDEN',
  unauthenticated: 'UNAUTHORIZED',
};

/** The one place a domain error becomes a transport error. */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
}

export interface ErrorData {
  /** Messages per input field, for forms to show beside the field. */
  readonly fieldErrors?: Record<string, string[]>;
  /** The domain's own reason code, when it has one (e.g. `two-factor-required`). */
  readonly reason?: DomainErrorCode;
  /** Structured facts behind the refusal, e.g. `{ allowed: [...] }` or `{ reasons: [...] }`. */
  readonly details?: Record<string, unknown>;
  /** Set only to turn a server fault into `SERVICE_UNAVAILABLE` (503) when the database is down. */
  readonly code?: 'SERVICE_UNAVAILABLE';
  readonly httpStatus?: 503;
}

/** The database could not be reached: a transient fault, answered 503 with Retry-After. */
export function isUnavailable(error: TRPCError): boolean {
  return error.code === 'SERVICE_UNAVAILABLE' || isDatabaseUnavailable(error.cause);
}

const UNREADABLE_INPUT =
  'We could not read this request: its input is not valid JSON. Reload the page and try again.';

const SERVER_FAULT =
  'Something went wrong on our side. Please try again; if it keeps happening, tell the hub.';

/** Shapes every error for people: field messages for zod, no stack traces, no internals. */
export function describeError(error: TRPCError): { message: string; data: ErrorData } {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    // Keyed by the full path (`draft.name`, `funders.1.shareBasisPoints`) so a form can put
    // each message beside its own field.
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of cause.issues) {
      const key = issue.path.map(String).join('.') || 'input';
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    const message = cause.issues
      .map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
      .join('; ');
    return { message, data: { fieldErrors } };
  }
  if (cause instanceof DomainError) {
    return {
      message: cause.message,
      data: {
        reason: cause.code,
        ...(cause.field ? { fieldErrors: { [cause.field]: [cause.message] } } : {}),
        ...(cause.details ? { details: cause.details } : {}),
      },
    };
  }
  if (isUnavailable(error))
    // Overrides the shape's code and status (the formatter spreads `data` last): HTTP 503.
    return {
      message: DATABASE_UNAVAILABLE,
      data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 },
    };
  if (error.code === 'INTERNAL_SERVER_ERROR') return { message: SERVER_FAULT, data: {} };
  // The request's input is not JSON at all (tRPC passes on the parser's SyntaxError): say so
  // in words, not the parser's.
  if (
    error.code === 'PARSE_ERROR' ||
    (error.code === 'BAD_REQUEST' && cause instanceof SyntaxError)
  )
    return { message: UNREADABLE_INPUT, data: { fieldErrors: { input: [UNREADABLE_INPUT] } } };
  return { message: error.message, data: {} };
}
