import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './testing.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ seed: false });
});
afterAll(async () => {
  await server?.close();
});

describe('HTTP server', () => {
  it('answers /health from the database', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('sends security headers on every response', async () => {
    for (const path of ['/', '/health', '/trpc/session.me', '/no-such-page']) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
    }
  });

  it('points / to both apps', async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('href="/hub/"');
    expect(html).toContain('href="/site/"');
  });

  it('answers an unknown address with a 404 in words, not a stack trace', async () => {
    const response = await fetch(`${server.url}/no-such-page`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: 'not-found',
      message: 'There is nothing at this address.',
    });
  });

  it('answers malformed tRPC input with a field message, never a 500', async () => {
    const response = await fetch(
      `${server.url}/trpc/invitation.preview?input=${encodeURIComponent('{"token":5}')}`,
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { message: string; data: Record<string, unknown> };
    };
    expect(body.error.message).toMatch(/^token: /);
    expect(body.error.data).not.toHaveProperty('stack');
    const garbage = await fetch(`${server.url}/trpc/invitation.preview?input=not-json`);
    expect(garbage.status).toBe(400);
  });
});
