import { type Access, accessFor, type Role } from '@coproduce/domain';
import { type RouterProcedure, routerProcedures } from '../procedures.ts';

/** A procedure as the fuzzer sees it: its path, how it is called, its input schema, who may call it. */
export interface FuzzTarget extends RouterProcedure {
  readonly access: Access | undefined;
}

/** Every procedure of the app router, with who may call it. */
export function fuzzTargets(): FuzzTarget[] {
  return routerProcedures().map((procedure) => ({
    ...procedure,
    access: accessFor(procedure.path),
  }));
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
