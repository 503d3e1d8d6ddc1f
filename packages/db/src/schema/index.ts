export * from './audit.ts';
export * from './memberships.ts';
export * from './networks.ts';
export * from './organisations.ts';
export * from './people.ts';
