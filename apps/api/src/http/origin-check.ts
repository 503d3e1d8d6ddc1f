import type { FastifyReply, FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The request's own origin as the browser saw it: scheme and host. Directly, the socket's scheme
 * and the Host header; behind a trusted proxy (TRUST_PROXY), X-Forwarded-Proto and
 * X-Forwarded-Host as the proxy set them (Fastify reads those only from trusted addresses).
 */
export function requestOrigin(req: FastifyRequest): string {
  return `${req.protocol}://${req.host ?? ''}`;
}

/**
 * Refuses a state-changing request whose Origin is neither our public URL nor the host it was
 * sent to: another site cannot make a signed-in browser act here (CSRF), whatever cookies do.
 */
export function originCheck(publicUrl: string) {
  const trusted = new URL(publicUrl).origin;
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (SAFE_METHODS.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin && (origin === trusted || origin === requestOrigin(req))) return;
    req.log.warn(
      { event: 'origin.refused', method: req.method, path: req.routeOptions.url },
      'cross-origin request refused',
    );
    await reply.code(403).send({
      error: 'cross-origin-refused',
      message: 'This request did not come from a Coproduce page, so it was refused.',
    });
  };
}
