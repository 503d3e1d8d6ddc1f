export * from './engine.ts';
export * from './milestone.machine.ts';
export * from './paid-role.machine.ts';
export * from './programme-lifecycle.machine.ts';
