import { type Database, findActiveMembership } from '@coproduce/db';
import {
  accessFor,
  DomainError,
  decide,
  isTwoFactorRequired,
  type Target,
} from '@coproduce/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import type { ActingMember, Context } from './context.ts';
import { describeError, toTRPCError } from './errors.ts';
import { findUnstorableText, UNSTORABLE_TEXT } from './unstorable-text.ts';

/** The words of a refusal by the policy itself (tests tell it apart from a service's refusal). */
export const POLICY_FORBIDDEN = 'Your role does not allow this action.';
export const POLICY_NOT_FOUND = 'We could not find that. Check the link or go back and try again.';

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const { message, data } = describeError(error);
    return {
      message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        ...data,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors thrown anywhere below become transport errors here, and only here. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError)
    throw toTRPCError(result.error.cause);
  return result;
});

/**
 * Enforces the policy table for the procedure being called (ADR 0003): public, signed in, or a
 * role the table names. A procedure missing from the table is refused, so nothing is open by
 * accident. The object the call is about is checked afterwards by `authorize`.
 */
const enforcePolicy = t.middleware(async ({ ctx, path, next }) => {
  const access = accessFor(path);
  if (!access) {
    ctx.log.error(
      { event: 'policy.missing', procedure: path },
      'procedure is not in the policy table',
    );
    throw new TRPCError({ code: 'FORBIDDEN', message: 'This action is not available.' });
  }
  if (access.kind === 'public') return next();
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  if (access.kind === 'signed-in') return next();

  const membership = ctx.session.activeMembershipId
    ? await findActiveMembership(ctx.db, {
        personId: ctx.session.personId,
        id: ctx.session.activeMembershipId,
      })
    : undefined;
  if (!membership) {
    throw new DomainError(
      'precondition-failed',
      'Choose which organisation you are acting for first.',
    );
  }
  if (isTwoFactorRequired(membership.role) && !ctx.session.twoFactorEnabled) {
    throw new DomainError(
      'two-factor-required',
      'Your role needs two-factor authentication. Set it up before you continue.',
    );
  }
  const actor: ActingMember = {
    personId: ctx.session.personId,
    membershipId: membership.id,
    role: membership.role,
    organisationId: membership.organisation.id,
    networkId: membership.network.id,
  };
  if (access.roles[actor.role] === undefined) {
    logDenial(ctx, path, actor, 'forbidden');
    throw new TRPCError({ code: 'FORBIDDEN', message: POLICY_FORBIDDEN });
  }
  return next({ ctx: { actor } });
});

function logDenial(ctx: Context, path: string, actor: ActingMember, decision: string) {
  ctx.log.warn(
    {
      event: 'access.denied',
      procedure: path,
      personId: actor.personId,
      role: actor.role,
      organisationId: actor.organisationId,
      decision,
    },
    'access denied',
  );
}

/** A NUL character cannot be stored by PostgreSQL: refused here, naming the field, not as a 500. */
const rejectUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  const field = findUnstorableText(await getRawInput());
  if (field !== undefined) throw new DomainError('invalid', UNSTORABLE_TEXT, field);
  return next();
});

const base = t.procedure.use(mapDomainErrors).use(enforcePolicy).use(rejectUnstorableText);

export const publicProcedure = base;

export const signedInProcedure = base.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { session: ctx.session } });
});

export const memberProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'FORBIDDEN', message: POLICY_FORBIDDEN });
  return next({ ctx: { actor: ctx.actor } });
});

/** Finds which network and organisation own the object a call is about; null if none. */
export type TargetResolver = (
  db: Database,
  input: unknown,
  actor: ActingMember,
) => Promise<Target | null>;

/**
 * Checks the caller's reach over the object of the call, after its input is parsed. Out of reach
 * reads as "not found", so nothing about other organisations' or networks' objects leaks.
 */
export function authorize(resolveTarget: TargetResolver) {
  return t.middleware(async ({ ctx, path, input, next }) => {
    const access = accessFor(path);
    if (!ctx.actor || !access)
      throw new TRPCError({ code: 'FORBIDDEN', message: POLICY_FORBIDDEN });
    const target = await resolveTarget(ctx.db, input, ctx.actor);
    const decision = decide(access, ctx.actor, target);
    if (decision === 'allow') return next();
    logDenial(ctx, path, ctx.actor, decision);
    if (decision === 'forbidden') {
      throw new TRPCError({ code: 'FORBIDDEN', message: POLICY_FORBIDDEN });
    }
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: 'We could not find that. Check the link or go back and try again.',
    });
  });
}
