export * from './client.ts';
export * from './queries/audit.ts';
export * from './queries/invitations.ts';
export * from './queries/memberships.ts';
export * from './queries/organisations.ts';
export * from './queries/people.ts';
export * from './queries/sessions.ts';
export * from './queries/sign-in-throttle.ts';
export * as schema from './schema/index.ts';
