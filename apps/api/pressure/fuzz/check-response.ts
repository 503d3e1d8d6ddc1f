import type { z } from 'zod';
import { isPlainObject } from './zod-arbitrary.ts';

export interface FuzzResponse {
  readonly status: number;
  readonly json: unknown;
}

/** Signs that internals leaked: a stack frame, a source path, a dependency path. */
const LEAKS: ReadonlyArray<[RegExp, string]> = [
  [/\n?\s{2,}at [\w.<>]+ \(/, 'a stack frame'],
  [/ {4}at /, 'a stack frame'],
  [/[\w-]+\.(?:ts|mts|js|mjs|cjs):\d+/, 'a source file path'],
  [/node_modules/, 'a node_modules path'],
  [/\/work\/|\/home\/|\/usr\/lib\//, 'a server file path'],
];

interface ErrorShape {
  readonly message?: unknown;
  readonly data?: { readonly fieldErrors?: Record<string, string[]>; readonly code?: string };
}

function errorOf(json: unknown): ErrorShape | undefined {
  if (!isPlainObject(json)) return undefined;
  if (isPlainObject(json.error)) return json.error as ErrorShape;
  // Fastify's own refusals (body too large, bad JSON) answer { error, message }.
  if (typeof json.message === 'string') return { message: json.message };
  return undefined;
}

/**
 * What is wrong with one answer, empty when nothing is: never a 5xx, never internals, a 400 that
 * names the field at fault, any other refusal in words.
 */
export function problemsWith(
  response: FuzzResponse,
  input: unknown,
  schema: z.ZodType | undefined,
): string[] {
  const problems: string[] = [];
  const text = typeof response.json === 'string' ? response.json : JSON.stringify(response.json);
  if (response.status >= 500) problems.push(`answered ${response.status}`);
  for (const [pattern, what] of LEAKS)
    if (pattern.test(text ?? '')) problems.push(`the body shows ${what}: ${text?.slice(0, 300)}`);
  // The HTTP server itself refuses an over-long query string before the app sees it.
  if (response.status === 431 || response.status === 414) return problems;
  if (response.status < 400) {
    const parsed = schema?.safeParse(input);
    if (parsed && !parsed.success)
      problems.push(`accepted input its own schema refuses (${parsed.error.issues[0]?.message})`);
    return problems;
  }
  const error = errorOf(response.json);
  const message = typeof error?.message === 'string' ? error.message.trim() : '';
  if (!message) problems.push(`answered ${response.status} with no message`);
  if (response.status === 400 && error?.data) {
    const fields = Object.keys(error.data.fieldErrors ?? {});
    const wholeInputWrong = !isPlainObject(input);
    if (fields.length === 0) problems.push(`400 names no field: "${message}"`);
    else if (!wholeInputWrong && fields.includes('input'))
      problems.push(`400 names no field (issue at the root of an object): "${message}"`);
  }
  return problems;
}
