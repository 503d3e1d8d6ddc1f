import { type Access, accessFor, type Role } from '@coproduce/domain';
import type { z } from 'zod';
import { appRouter } from '../../src/root.ts';

/** A procedure as the fuzzer sees it: its path, how it is called, its input schema, who may call it. */
export interface FuzzTarget {
  readonly path: string;
  readonly type: 'query' | 'mutation';
  /** Undefined when the procedure takes no input. */
  readonly input: z.ZodType | undefined;
  readonly access: Access | undefined;
}

interface ProcedureDef {
  readonly _def: { readonly type: string; readonly inputs: readonly unknown[] };
}

/** Every procedure of the app router, straight from its definition, so new ones are included. */
export function fuzzTargets(): FuzzTarget[] {
  const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
  return Object.entries(procedures)
    .map(([path, procedure]): FuzzTarget => {
      const { type, inputs } = procedure._def;
      if (type !== 'query' && type !== 'mutation')
        throw new Error(`${path}: procedure type "${type}" cannot be fuzzed over HTTP`);
      if (inputs.length > 1) throw new Error(`${path}: more than one .input() is not supported`);
      return { path, type, input: inputs[0] as z.ZodType | undefined, access: accessFor(path) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The role the fuzzer acts in for a procedure: the first the policy allows. */
export function roleFor(target: FuzzTarget): Role | 'signed-in' | 'public' {
  const access = target.access;
  if (!access) return 'signed-in';
  if (access.kind !== 'roles') return access.kind;
  const roles = Object.keys(access.roles) as Role[];
  if (!roles[0]) throw new Error(`${target.path}: the policy names no role`);
  return roles[0];
}
