import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../testing.ts';
import { SIGN_IN_THROTTLE } from './auth.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** Signs in through the real HTTP stack as a client at `address`. */
function signInFrom(address: string, password: string) {
  return server.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    remoteAddress: address,
    headers: { origin: server.url, 'content-type': 'application/json' },
    payload: { email: 'grace.mensah@hub.example.org', password },
  });
}

describe('sign-in throttling', () => {
  it('throttles a client after ten wrong passwords in a row, and only that client', async () => {
    expect(SIGN_IN_THROTTLE.maxFailures).toBe(10);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await signInFrom('203.0.113.7', `wrong password ${attempt}`)).statusCode).toBe(401);
    }
    const throttled = await signInFrom('203.0.113.7', server.demo.password);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().message).toMatch(/Too many wrong passwords/);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);

    // Another client is unaffected.
    expect((await signInFrom('203.0.113.8', server.demo.password)).statusCode).toBe(200);
  });

  it('starts counting again after a successful sign-in', async () => {
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      expect((await signInFrom('198.51.100.1', 'not the password')).statusCode).toBe(401);
    }
    expect((await signInFrom('198.51.100.1', server.demo.password)).statusCode).toBe(200);
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      expect((await signInFrom('198.51.100.1', 'not the password')).statusCode).toBe(401);
    }
    expect((await signInFrom('198.51.100.1', server.demo.password)).statusCode).toBe(200);
  });
});
