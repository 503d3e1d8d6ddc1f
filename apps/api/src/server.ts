import { join } from 'node:path';
import type { DatabaseHandle } from '@coproduce/db';
import helmet from '@fastify/helmet';
import {
  type FastifyTRPCPluginOptions,
  fastifyRequestHandler,
  fastifyTRPCPlugin,
} from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { createAuth } from './auth/auth.ts';
import type { Config } from './env.ts';
import { registerAuthRoutes } from './http/auth-route.ts';
import {
  isDatabaseUnavailable,
  logDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
  unavailableBody,
} from './http/database-unavailable.ts';
import { registerGracefulDrain } from './http/graceful-drain.ts';
import { originCheck } from './http/origin-check.ts';
import { registerLandingPage, registerStaticApps } from './http/static-apps.ts';
import { createMailer } from './mail/mailer.ts';
import { type AppRouter, appRouter } from './root.ts';
import { UPLOAD_BODY_LIMIT } from './routers/evidence-import/schemas.ts';
import { configureMoney } from './services/money-settings.ts';
import { type AppDeps, createContext } from './trpc/context.ts';
import { isUnavailable } from './trpc/errors.ts';

export interface ServerOptions {
  readonly config: Config;
  readonly database: DatabaseHandle;
  /** A read replica of `database` for reports (DATABASE_READ_URL); `database` when omitted. */
  readonly readDatabase?: DatabaseHandle;
  /** Where JSON log lines go; standard output when omitted. */
  readonly logStream?: { write(line: string): void };
}

/**
 * Request logs carry method, path (never the query string: it can hold tokens or personal
 * data), status and timing; bodies and cookies are never logged.
 */
const logSerializers = {
  req: (req: { method: string; url: string; id: string }) => ({
    id: req.id,
    method: req.method,
    path: req.url.split('?')[0],
  }),
};

export async function buildServer({
  config,
  database,
  readDatabase,
  logStream,
}: ServerOptions): Promise<{
  app: FastifyInstance;
  deps: AppDeps;
  /** Before `app.close()` on SIGTERM: see src/http/graceful-drain.ts. */
  drain: (maxMs: number) => Promise<void>;
}> {
  configureMoney(config.money);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: logSerializers,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      ...(logStream ? { stream: logStream } : {}),
    },
    // Behind nginx (TRUST_PROXY): request.ip, protocol and host come from its X-Forwarded-*.
    trustProxy: config.trustProxy.length > 0 ? [...config.trustProxy] : false,
    bodyLimit: 1_048_576,
    // A request reaching a closing instance on a kept-alive connection is served (with
    // Connection: close), not refused with a bare 503 nginx cannot resend for a POST.
    return503OnClosing: false,
  });

  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: join(config.dataDir, 'outbox'),
    log: app.log,
  });
  const auth = createAuth({
    db: database.db,
    secret: config.authSecret,
    publicUrl: config.publicUrl,
    mailer,
    log: app.log,
  });
  const deps: AppDeps = {
    db: database.db,
    readDb: readDatabase?.db ?? database.db,
    auth,
    mailer,
    log: app.log,
    publicUrl: config.publicUrl,
  };

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https:') ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: config.publicUrl.startsWith('https:'),
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', originCheck(config.publicUrl));
  // Set before any route: Fastify gives a route the error handler in force when it is added
  // (after an awaited register), and its default one echoes the error's message.
  app.setErrorHandler((error: Error & { statusCode?: number }, req, reply) => {
    if (isDatabaseUnavailable(error)) {
      logDatabaseUnavailable(req.log, error, req.routeOptions.url);
      return reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).send(unavailableBody);
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status >= 500)
      req.log.error(
        { event: 'http.error', err: { message: error.message, stack: error.stack } },
        'request failed',
      );
    return reply.code(status).send({
      error: status >= 500 ? 'server-error' : 'bad-request',
      message:
        status >= 500 ? 'Something went wrong on our side. Please try again.' : error.message,
    });
  });
  // API and auth answers carry personal data and session state: no browser or proxy keeps them.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/trpc/') || req.url.startsWith('/api/auth/'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
  const drain = registerGracefulDrain(app);
  if (config.instanceName) {
    const servedBy = config.instanceName;
    app.addHook('onRequest', async (_req, reply) => {
      reply.header('x-served-by', servedBy);
    });
  }

  app.get('/health', async (_req, reply) => {
    const databaseUp = await database.ping();
    return reply
      .code(databaseUp ? 200 : 503)
      .header('retry-after', databaseUp ? undefined : String(RETRY_AFTER_SECONDS))
      .send({
        status: databaseUp ? 'ok' : 'unavailable',
        database: databaseUp ? 'ok' : 'unreachable',
      });
  });

  registerAuthRoutes(app, auth, config.publicUrl, database.ping);

  const trpcOptions = {
    router: appRouter,
    createContext: ({ req }) => createContext(deps, req),
    onError({ error, path, req }) {
      if (isUnavailable(error)) {
        logDatabaseUnavailable(req.log, error, path);
        return;
      }
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        req.log.error(
          {
            event: 'trpc.error',
            procedure: path,
            err: { message: error.cause?.message ?? error.message, stack: error.cause?.stack },
          },
          'procedure failed',
        );
      }
    },
    // A database outage answers 503 (errorFormatter) and says when to try again.
    responseMeta: ({ errors }) =>
      errors.some(isUnavailable)
        ? { headers: new Headers({ 'retry-after': String(RETRY_AFTER_SECONDS) }) }
        : {},
  } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];
  await app.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions });
  // Evidence files (up to 15 MB, sent as base64 in JSON) are the one call allowed a body over
  // 1 MiB: its own route, matched before `/trpc/:path`, with its own limit.
  await app.register(async (uploads) => {
    uploads.removeContentTypeParser('application/json');
    uploads.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: UPLOAD_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    uploads.post('/trpc/evidenceImport.upload', { bodyLimit: UPLOAD_BODY_LIMIT }, (req, reply) =>
      fastifyRequestHandler({ ...trpcOptions, req, res: reply, path: 'evidenceImport.upload' }),
    );
  });

  await registerStaticApps(app, config.appsDir);
  registerLandingPage(app);

  app.setNotFoundHandler((_req, reply) =>
    reply.code(404).send({ error: 'not-found', message: 'There is nothing at this address.' }),
  );

  return { app, deps, drain };
}
