import { Server as NetServer } from 'node:net';
import type { FastifyInstance } from 'fastify';

/**
 * Stopping without failing a request a load balancer has already sent (SIGTERM, one instance of
 * several behind nginx; docs/scaling.md). Node's own `close()` drops idle kept-alive connections
 * at once, but "idle" there means no request parsed yet: nginx may have written a request on that
 * connection this instant, and answers 502 for a POST it cannot resend. So the drain
 * 1. stops accepting connections (nginx sends new ones to another instance, POSTs included,
 *    since nothing was sent),
 * 2. answers every request still arriving on an open connection with `Connection: close`, so
 *    each connection ends after its next answer, and
 * 3. waits until every connection has ended, or `maxMs` has passed (idle ones nginx keeps past
 *    its upstream `keepalive_timeout`, which the template sets shorter), before Fastify closes.
 */
export function registerGracefulDrain(app: FastifyInstance) {
  let draining = false;
  app.addHook('onRequest', async (_req, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  return function drain(maxMs: number): Promise<void> {
    draining = true;
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, maxMs);
      // net.Server's close: stop listening and call back once the last connection has ended.
      NetServer.prototype.close.call(app.server, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  };
}
