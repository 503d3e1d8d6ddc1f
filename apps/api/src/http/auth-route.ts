import type { FastifyInstance } from 'fastify';
import type { Auth } from '../auth/auth.ts';
import {
  isDatabaseUnavailable,
  logDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
  unavailableBody,
} from './database-unavailable.ts';
import { fromRequestHeaders } from './headers.ts';

/**
 * Hands /api/auth/* to better-auth as a Fetch request and relays its response. When the database
 * is unreachable the answer is 503 with Retry-After: better-auth either throws the driver's error
 * (its rate limiter) or answers a bare 500 with the error kept inside, so a 5xx is checked against
 * `ping`.
 */
export function registerAuthRoutes(
  app: FastifyInstance,
  auth: Auth,
  publicUrl: string,
  ping: () => Promise<boolean>,
) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    async handler(req, reply) {
      const url = new URL(req.url, publicUrl);
      const body =
        req.method === 'POST' && req.body !== undefined ? JSON.stringify(req.body) : undefined;
      const unavailable = (error: unknown) => {
        logDatabaseUnavailable(req.log, error, url.pathname);
        return reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).send(unavailableBody);
      };
      let response: Response;
      try {
        response = await auth.handler(
          new Request(url, { method: req.method, headers: fromRequestHeaders(req), body }),
        );
      } catch (error) {
        // Its rate limiter reads the database before any endpoint runs, and throws.
        if (isDatabaseUnavailable(error)) return unavailable(error);
        throw error;
      }
      if (response.status >= 500 && !(await ping())) return unavailable(undefined);
      reply.status(response.status);
      for (const [name, value] of response.headers) {
        if (name.toLowerCase() !== 'set-cookie') reply.header(name, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      return reply.send(response.body ? Buffer.from(await response.arrayBuffer()) : null);
    },
  });
}
