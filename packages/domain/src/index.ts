export * from './audit/actions.ts';
export * from './audit/canonical-json.ts';
export * from './errors.ts';
export * from './identity/password.ts';
export * from './identity/roles.ts';
export * from './policy/policy.ts';
