import type { FastifyInstance } from 'fastify';
import type { Auth } from '../auth/auth.ts';
import { fromRequestHeaders } from './headers.ts';

/** Hands /api/auth/* to better-auth as a Fetch request and relays its response. */
export function registerAuthRoutes(app: FastifyInstance, auth: Auth, publicUrl: string) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    async handler(req, reply) {
      const url = new URL(req.url, publicUrl);
      const body =
        req.method === 'POST' && req.body !== undefined ? JSON.stringify(req.body) : undefined;
      const response = await auth.handler(
        new Request(url, { method: req.method, headers: fromRequestHeaders(req), body }),
      );
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
