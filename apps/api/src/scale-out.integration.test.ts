import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@coproduce/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, ConfigError, loadConfig } from './env.ts';
import { buildServer } from './server.ts';
import { startApiProcess } from './test-support/api-process.ts';
import { freePort } from './test-support/free-port.ts';

/**
 * Scale-out configuration: DATABASE_READ_URL (reports on a replica) and TRUST_PROXY (behind
 * nginx, the client's address, scheme and host come from X-Forwarded-*, only from trusted proxies).
 */
describe('DATABASE_READ_URL, TRUST_PROXY and INSTANCE_NAME configuration', () => {
  const base = { NODE_ENV: 'test', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/coproduce' };

  it('reads a replica URL, a proxy list and an instance name', () => {
    const config = loadConfig({
      ...base,
      DATABASE_READ_URL: 'postgres://u:p@127.0.0.1:5433/coproduce',
      TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,loopback',
      INSTANCE_NAME: 'api-1',
    });
    expect(config.databaseReadUrl).toBe('postgres://u:p@127.0.0.1:5433/coproduce');
    expect(config.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'loopback']);
    expect(config.instanceName).toBe('api-1');
  });

  it('defaults to no replica, no trusted proxy and no instance name', () => {
    const config = loadConfig({ ...base, TRUST_PROXY: '' });
    expect(config.databaseReadUrl).toBeUndefined();
    expect(config.trustProxy).toEqual([]);
    expect(config.instanceName).toBeUndefined();
  });

  it('refuses a read URL without DATABASE_URL, in one line naming the variable', () => {
    const error = (() => {
      try {
        loadConfig({ NODE_ENV: 'test', DATABASE_READ_URL: 'postgres://u:secret@127.0.0.1/x' });
      } catch (thrown) {
        return thrown as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toMatch(
      /^Configuration error: DATABASE_READ_URL needs DATABASE_URL too \(the read replica is of that primary database\) \(got "postgres:\/\/u:[^@]*@127\.0\.0\.1\/x"\)$/,
    );
    expect(error?.message).not.toContain('secret');
  });

  it('refuses a read URL that is not a PostgreSQL URL, hiding its password', () => {
    expect(() => loadConfig({ ...base, DATABASE_READ_URL: 'mysql://u:secret@h/x' })).toThrow(
      /^Configuration error: DATABASE_READ_URL must be a postgres:\/\/ or postgresql:\/\/ URL \(got "mysql:\/\/u:[^@s]*@h\/x"\)$/,
    );
  });

  it.each(['yes', '127.0.0.1/33', '300.1.1.1', '10.0.0.0/8/1', '127.0.0.1,,'])(
    'refuses TRUST_PROXY=%s',
    (value) => {
      expect(() => loadConfig({ ...base, TRUST_PROXY: value })).toThrow(
        /^Configuration error: TRUST_PROXY must be a comma list of proxy IP addresses or CIDR ranges/,
      );
    },
  );

  it('refuses an INSTANCE_NAME with spaces', () => {
    expect(() => loadConfig({ ...base, INSTANCE_NAME: 'api 1' })).toThrow(
      /^Configuration error: INSTANCE_NAME must be/,
    );
  });
});

describe('behind a proxy', () => {
  const PUBLIC_URL = 'https://coproduce.example.org';
  let database: TestDatabase;
  const started: { app: FastifyInstance; config: Config }[] = [];

  async function server(env: Record<string, string>) {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PUBLIC_URL,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'coproduce-proxy-')),
      ...env,
    });
    const { app, deps } = await buildServer({ config, database });
    expect(deps.readDb).toBe(deps.db);
    // What the server believes about the client: the address rate limits key on, and the origin.
    app.get('/test/client', async (req) => ({
      ip: req.ip,
      protocol: req.protocol,
      host: req.host,
    }));
    await app.ready();
    started.push({ app, config });
    return app;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const { app, config } of started) {
      await app.close();
      rmSync(config.dataDir, { recursive: true, force: true });
    }
    await database.dispose();
  });

  const forwarded = {
    'x-forwarded-for': '203.0.113.7',
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'hub.partner.example',
  };

  it('believes X-Forwarded-* from a trusted proxy: the client address, scheme and host', async () => {
    const app = await server({ TRUST_PROXY: '127.0.0.1', INSTANCE_NAME: 'api-7' });
    const res = await app.inject({
      url: '/test/client',
      remoteAddress: '127.0.0.1',
      headers: { host: '127.0.0.1:3001', ...forwarded },
    });
    expect(res.json()).toEqual({
      ip: '203.0.113.7',
      protocol: 'https',
      host: 'hub.partner.example',
    });
    expect(res.headers['x-served-by']).toBe('api-7');
  });

  it('ignores X-Forwarded-* from any other address, so a client cannot choose its rate-limit key', async () => {
    const app = await server({ TRUST_PROXY: '127.0.0.1' });
    const res = await app.inject({
      url: '/test/client',
      remoteAddress: '198.51.100.9',
      headers: { host: '127.0.0.1:3001', ...forwarded },
    });
    expect(res.json()).toEqual({ ip: '198.51.100.9', protocol: 'http', host: '127.0.0.1:3001' });
    expect(res.headers['x-served-by']).toBeUndefined();
  });

  it('ignores X-Forwarded-* entirely without TRUST_PROXY (the default)', async () => {
    const app = await server({});
    const res = await app.inject({
      url: '/test/client',
      remoteAddress: '127.0.0.1',
      headers: { host: '127.0.0.1:3001', ...forwarded },
    });
    expect(res.json()).toEqual({ ip: '127.0.0.1', protocol: 'http', host: '127.0.0.1:3001' });
  });

  it('the origin check accepts the origin the proxy forwarded, and still refuses another site', async () => {
    const app = await server({ TRUST_PROXY: '127.0.0.1' });
    const post = (origin: string, remoteAddress = '127.0.0.1') =>
      app.inject({
        method: 'POST',
        url: '/trpc/session.selectMembership',
        remoteAddress,
        headers: {
          host: '127.0.0.1:3001',
          'content-type': 'application/json',
          origin,
          ...forwarded,
        },
        payload: JSON.stringify({ membershipId: '00000000-0000-4000-8000-000000000000' }),
      });
    // The browser's origin as nginx forwarded it (not PUBLIC_URL): passes the check, then fails
    // for want of a session (401), not as cross-origin (403).
    const ours = await post('https://hub.partner.example');
    expect(ours.statusCode).toBe(401);
    const evil = await post('https://evil.example');
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toMatchObject({ error: 'cross-origin-refused' });
    // The same forwarded headers from an untrusted address do not make that origin ours.
    const spoofed = await post('https://hub.partner.example', '198.51.100.9');
    expect(spoofed.statusCode).toBe(403);
  });
});

describe('start-up with DATABASE_READ_URL', () => {
  it.skipIf(!process.env.DATABASE_URL)(
    'refuses to start, in one line naming DATABASE_READ_URL, when the replica does not answer (needs DATABASE_URL)',
    async () => {
      const database = await createTestDatabase();
      const unused = await freePort();
      try {
        const error = await startApiProcess({
          databaseUrl: database.url ?? '',
          env: { DATABASE_READ_URL: `postgres://coproduce:secret@127.0.0.1:${unused}/coproduce` },
        }).then(
          async (api) => {
            await api.dispose();
            return null;
          },
          (thrown: Error) => thrown,
        );
        expect(error?.message).toContain(
          `Start-up failed: cannot use DATABASE_READ_URL (127.0.0.1:${unused}/coproduce): it does not answer`,
        );
        expect(error?.message).not.toContain('secret');
      } finally {
        await database.dispose();
      }
    },
  );
});
