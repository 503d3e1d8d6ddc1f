import type { FastifyRequest } from 'fastify';
import { CLIENT_ADDRESS_HEADER } from '../auth/auth.ts';

/**
 * The request's headers as a Fetch `Headers`, with the client's socket address in our own header
 * (overwriting anything the client sent in it), so rate limits key on the real client.
 */
export function fromRequestHeaders(req: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  headers.set(CLIENT_ADDRESS_HEADER, req.ip);
  return headers;
}
