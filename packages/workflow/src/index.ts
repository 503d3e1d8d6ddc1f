export * from './claim.machine.ts';
export * from './engine.ts';
export * from './milestone.machine.ts';
export * from './paid-role.machine.ts';
export * from './payment-run.machine.ts';
export * from './programme-lifecycle.machine.ts';
