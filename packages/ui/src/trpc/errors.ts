/**
 * What the interface needs from a failed call: the tRPC code, the server's own words for
 * people, and the field messages from input validation. A failure that never reached our
 * server (no network, a proxy's error page) has no code and gets `fallback`.
 */
export interface ReadError {
  readonly code: string | null;
  readonly httpStatus: number | null;
  readonly message: string;
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
}

interface ErrorData {
  code?: unknown;
  httpStatus?: unknown;
  fieldErrors?: unknown;
}

function dataOf(error: unknown): ErrorData | null {
  if (typeof error !== 'object' || error === null || !('data' in error)) return null;
  const data = (error as { data: unknown }).data;
  return typeof data === 'object' && data !== null ? (data as ErrorData) : null;
}

function readFieldErrors(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null) return {};
  const result: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) {
      result[field] = messages.filter((m): m is string => typeof m === 'string');
    }
  }
  return result;
}

export function readError(error: unknown, fallback: string): ReadError {
  const data = dataOf(error);
  if (data === null || typeof data.code !== 'string') {
    return { code: null, httpStatus: null, message: fallback, fieldErrors: {} };
  }
  const message = error instanceof Error && error.message.trim() !== '' ? error.message : fallback;
  return {
    code: data.code,
    httpStatus: typeof data.httpStatus === 'number' ? data.httpStatus : null,
    message,
    fieldErrors: readFieldErrors(data.fieldErrors),
  };
}

export function errorCode(error: unknown): string | null {
  const code = dataOf(error)?.code;
  return typeof code === 'string' ? code : null;
}

export function isUnauthorized(error: unknown): boolean {
  return errorCode(error) === 'UNAUTHORIZED';
}

/** Client errors (4xx) will not go away by asking again. */
export function isClientError(error: unknown): boolean {
  const status = dataOf(error)?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The first message for each field, which is what a form shows beside it. */
export function firstFieldErrors(error: ReadError | null): Record<string, string> {
  const result: Record<string, string> = {};
  if (error === null) return result;
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const first = messages[0];
    if (first !== undefined) result[field] = first;
  }
  return result;
}
