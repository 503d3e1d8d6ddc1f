import type { z } from 'zod';
import { appRouter } from '../src/root.ts';

/** A procedure of the app router: its path, how it is called over HTTP, its input schema. */
export interface RouterProcedure {
  readonly path: string;
  readonly type: 'query' | 'mutation';
  /** Undefined when the procedure takes no input. */
  readonly input: z.ZodType | undefined;
}

/** What tRPC keeps of a procedure's definition (its types do not expose it). */
interface ProcedureInternals {
  readonly _def: { readonly type: string; readonly inputs: readonly unknown[] };
}

/** Every procedure of the app router, straight from its definition, so new ones are included. */
export function routerProcedures(): RouterProcedure[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureInternals>;
  return Object.entries(procedures)
    .map(([path, procedure]): RouterProcedure => {
      const { type, inputs } = procedure._def;
      if (type !== 'query' && type !== 'mutation')
        throw new Error(`${path}: procedure type "${type}" cannot be called over HTTP`);
      if (inputs.length > 1) throw new Error(`${path}: more than one .input() is not supported`);
      return { path, type, input: inputs[0] as z.ZodType | undefined };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
