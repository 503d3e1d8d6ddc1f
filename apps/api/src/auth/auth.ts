import {
  claimTotpCode,
  clearSignInFailures,
  type Database,
  deleteSession,
  getSignInFailures,
  recordSignInFailure,
  schema,
} from '@coproduce/db';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@coproduce/domain';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins';
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '../mail/mailer.ts';
import { defaultMembershipId } from '../services/session-service.ts';

/** The header our HTTP layer fills with the client's socket address (clients cannot set it). */
export const CLIENT_ADDRESS_HEADER = 'x-coproduce-client-address';

export const SIGN_IN_THROTTLE = {
  /** Wrong passwords in a row from one client address before further attempts are refused. */
  maxFailures: 10,
  /** How long the refusal lasts after the last failure, and how long a run of failures counts. */
  windowSeconds: 15 * 60,
};
/** A TOTP code is valid for its 30-second step plus one step either side. */
const TOTP_REPLAY_WINDOW_SECONDS = 120;

export interface AuthOptions {
  readonly db: Database;
  readonly secret: string;
  readonly publicUrl: string;
  readonly mailer: Mailer;
  readonly log: FastifyBaseLogger;
}

export function createAuth({ db, secret, publicUrl, mailer, log }: AuthOptions) {
  return betterAuth({
    appName: 'Coproduce',
    baseURL: publicUrl,
    basePath: '/api/auth',
    secret,
    // Our public URL, and the origin of the host the request was sent to (Origin vs Host).
    trustedOrigins: (request) => {
      const host = request?.headers.get('host');
      const scheme = new URL(publicUrl).protocol;
      return host ? [publicUrl, `${scheme}//${host}`] : [publicUrl];
    },
    telemetry: { enabled: false },
    // Only better-auth's message reaches our log: its extra arguments can hold personal data.
    logger: {
      level: 'warn',
      log: (level, message) => log[level]({ event: 'better-auth' }, message),
    },
    // better-auth would print refused requests in its own format; ours are JSON, without input.
    onAPIError: {
      onError(error) {
        const refused = error instanceof APIError;
        const status = refused ? error.status : 'INTERNAL_SERVER_ERROR';
        log[status === 'INTERNAL_SERVER_ERROR' ? 'error' : 'info'](
          { event: 'auth.refused', status, code: refused ? error.body?.code : undefined },
          'authentication request refused',
        );
      },
    },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.people,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
        twoFactor: schema.twoFactors,
        rateLimit: schema.rateLimits,
      },
    }),
    advanced: {
      database: { generateId: () => crypto.randomUUID() },
      cookiePrefix: 'coproduce',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'strict' },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => ({
            data: { ...session, activeMembershipId: await defaultMembershipId(db, session.userId) },
          }),
        },
      },
    },
    session: {
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 60,
      additionalFields: {
        activeMembershipId: { type: 'string', required: false, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      // Accounts are created by invitation only (invitation.accept).
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      async sendResetPassword({ user, url }) {
        await mailer.send({
          kind: 'password-reset',
          to: user.email,
          subject: 'Reset your Coproduce password',
          text: [
            `Hello ${user.name},`,
            '',
            'Someone asked to reset the password for your Coproduce account.',
            `To choose a new password, open this link within one hour:`,
            '',
            url,
            '',
            'If it was not you, ignore this email: your password has not changed.',
          ].join('\n'),
        });
      },
    },
    rateLimit: {
      // On in every mode, not only production: a coarse flood limit per client address.
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: 60 },
        '/two-factor/verify-totp': { window: 10, max: 3 },
        '/request-password-reset': { window: 60, max: 5 },
      },
    },
    plugins: [twoFactor({ issuer: 'Coproduce' })],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const client = clientKey(ctx.headers);
        const failures = await getSignInFailures(db, client);
        const sinceLast = failures
          ? (Date.now() - failures.lastFailureAt.getTime()) / 1000
          : Infinity;
        if (
          failures &&
          failures.failures >= SIGN_IN_THROTTLE.maxFailures &&
          sinceLast < SIGN_IN_THROTTLE.windowSeconds
        ) {
          log.warn(
            { event: 'auth.sign-in-throttled' },
            'sign-in refused: too many wrong passwords',
          );
          const minutes = Math.ceil((SIGN_IN_THROTTLE.windowSeconds - sinceLast) / 60);
          throw new APIError(
            'TOO_MANY_REQUESTS',
            {
              code: 'TOO_MANY_FAILED_SIGN_INS',
              message: `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
            },
            { 'Retry-After': String(Math.ceil(SIGN_IN_THROTTLE.windowSeconds - sinceLast)) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const failed = ctx.context.returned instanceof APIError;
        if (ctx.path === '/sign-in/email') {
          const client = clientKey(ctx.headers);
          const wrongPassword = failed && (ctx.context.returned as APIError).statusCode === 401;
          if (wrongPassword) {
            await recordSignInFailure(db, {
              clientKey: client,
              windowSeconds: SIGN_IN_THROTTLE.windowSeconds,
            });
            log.info({ event: 'auth.sign-in-failed' }, 'sign-in failed');
          } else if (!failed) {
            await clearSignInFailures(db, client);
          }
          return;
        }
        if (ctx.path === '/two-factor/verify-totp' && !failed) {
          const created = ctx.context.newSession;
          const personId = created?.user.id;
          const code = String((ctx.body as { code?: unknown } | undefined)?.code ?? '');
          if (!personId) return;
          const fresh = await claimTotpCode(db, {
            personId,
            code,
            windowSeconds: TOTP_REPLAY_WINDOW_SECONDS,
          });
          if (!fresh) {
            if (created) await deleteSession(db, { id: created.session.id, personId });
            log.warn({ event: 'auth.totp-replay', personId }, 'a TOTP code was presented twice');
            throw new APIError('UNAUTHORIZED', {
              code: 'TOTP_CODE_ALREADY_USED',
              message: 'This code has already been used. Wait for your app to show a new code.',
            });
          }
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

function clientKey(headers: Headers | undefined): string {
  return headers?.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
}
