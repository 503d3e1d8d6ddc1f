import { findPersonByEmail } from '@coproduce/db';
import type { TRPCError } from '@trpc/server';
import { createCaller } from '../root.ts';
import type { RunningServer } from '../testing.ts';
import { createContextInner } from '../trpc/context.ts';

export type Caller = ReturnType<typeof createCaller>;

/**
 * A tRPC caller acting as the demo person `email` through their membership with `role` (their
 * first membership when omitted), without HTTP: for integration tests of procedures.
 */
export async function callerAs(
  server: RunningServer,
  email: string,
  role?: string,
  twoFactorEnabled?: boolean,
): Promise<Caller> {
  const person = await findPersonByEmail(server.database.db, email);
  if (!person) throw new Error(`no demo person ${email}`);
  const bootstrap = createCaller(
    createContextInner(server.deps, {
      id: crypto.randomUUID(),
      personId: person.id,
      activeMembershipId: null,
      twoFactorEnabled: person.twoFactorEnabled,
    }),
  );
  const me = await bootstrap.session.me();
  const membership = me.memberships.find((m) => !role || m.role === role);
  if (!membership) throw new Error(`${email} has no ${role} membership`);
  return createCaller(
    createContextInner(server.deps, {
      id: crypto.randomUUID(),
      personId: person.id,
      activeMembershipId: membership.id,
      twoFactorEnabled: twoFactorEnabled ?? person.twoFactorEnabled,
    }),
  );
}

/** The error a call is refused with; fails the test if the call succeeds. */
export const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: TRPCError) => error,
  );
