import type { Database } from '@coproduce/db';
import type { Actor, Role } from '@coproduce/domain';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Auth } from '../auth/auth.ts';
import { fromRequestHeaders } from '../http/headers.ts';
import type { Mailer } from '../mail/mailer.ts';

/** What the server is made of; built once at start-up and shared by every request. */
export interface AppDeps {
  readonly db: Database;
  /**
   * For reports only: a streaming replica when DATABASE_READ_URL is set (it may be seconds
   * behind the primary), otherwise `db` itself. Never write through it; audit entries for what
   * a report shows go through `db`.
   */
  readonly readDb: Database;
  readonly auth: Auth;
  readonly mailer: Mailer;
  readonly log: FastifyBaseLogger;
  readonly publicUrl: string;
}

export interface SessionInfo {
  readonly id: string;
  readonly personId: string;
  readonly activeMembershipId: string | null;
  readonly twoFactorEnabled: boolean;
}

/** The membership a session acts through, once the policy middleware has checked it. */
export interface ActingMember extends Actor {
  readonly personId: string;
  readonly membershipId: string;
  readonly role: Role;
}

export interface Context extends AppDeps {
  readonly session: SessionInfo | null;
  readonly actor: ActingMember | null;
}

/** Builds a context without HTTP: router tests call procedures through this. */
export function createContextInner(deps: AppDeps, session: SessionInfo | null): Context {
  return { ...deps, session, actor: null };
}

export async function createContext(deps: AppDeps, req: FastifyRequest): Promise<Context> {
  const found = await deps.auth.api.getSession({ headers: fromRequestHeaders(req) });
  const session: SessionInfo | null = found
    ? {
        id: found.session.id,
        personId: found.user.id,
        activeMembershipId: found.session.activeMembershipId ?? null,
        twoFactorEnabled: found.user.twoFactorEnabled === true,
      }
    : null;
  return createContextInner({ ...deps, log: req.log }, session);
}
