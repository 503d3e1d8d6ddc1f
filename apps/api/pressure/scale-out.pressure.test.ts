import { createTestDatabase, type TestDatabase } from '@coproduce/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed/demo-network.ts';
import { type ApiProcess, startApiProcess } from '../src/test-support/api-process.ts';
import { freePort } from '../src/test-support/free-port.ts';
import { TestBrowser } from '../src/test-support/http-client.ts';
import { canStartNginx, type LocalNginx, startNginx } from '../src/test-support/nginx.ts';
import { programmeDraft } from '../src/test-support/programme-terms.ts';

/**
 * Scale-out, short: two API instances on one PostgreSQL database behind nginx
 * (infra/nginx/coproduce.conf). One session cookie is served by both; one instance is stopped
 * while requests keep coming, and not one of them fails. The full version with a streaming
 * replica and figures is apps/api/bench/scale-out.bench.ts.
 */
const skipReason = !process.env.DATABASE_URL
  ? 'skipped: needs DATABASE_URL (PostgreSQL shared by two API processes)'
  : !canStartNginx()
    ? 'skipped: needs nginx (/usr/sbin/nginx; apt-get install -y nginx)'
    : '';

describe('scale-out behind nginx', () => {
  let database: TestDatabase | undefined;
  const apis: ApiProcess[] = [];
  let nginx: LocalNginx | undefined;

  afterAll(async () => {
    await nginx?.stop();
    for (const api of apis) await api.dispose();
    await database?.dispose();
  });

  it.skipIf(skipReason !== '')(
    `shares sessions across instances and survives one stopping ${skipReason}`.trim(),
    async () => {
      database = await createTestDatabase();
      const url = database.url ?? '';
      const port = await freePort();
      for (const name of ['api-1', 'api-2']) {
        apis.push(
          await startApiProcess({
            databaseUrl: url,
            env: {
              TRUST_PROXY: '127.0.0.1',
              INSTANCE_NAME: name,
              PUBLIC_URL: `http://127.0.0.1:${port}`,
            },
          }),
        );
      }
      const [api1, api2] = apis as [ApiProcess, ApiProcess];
      nginx = await startNginx({
        upstreams: [`127.0.0.1:${api1.port}`, `127.0.0.1:${api2.port}`],
        port,
      });

      // Signed in through nginx (better-auth checks the Origin against PUBLIC_URL = nginx).
      const browser = new TestBrowser(nginx.url);
      expect((await browser.signIn('grace.mensah@hub.example.org', DEMO_PASSWORD)).status).toBe(
        200,
      );
      const servedBy = new Set<string>();
      for (let i = 0; i < 10; i += 1) {
        const me = await browser.query('session.me');
        expect(me.status).toBe(200);
        servedBy.add(me.headers.get('x-served-by') ?? '');
      }
      expect([...servedBy].sort()).toEqual(['api-1', 'api-2']);

      // Reads and writes keep coming from four clients while api-2 stops. Writes matter most:
      // nginx resends a failed GET to the other instance, but not a POST it has already sent.
      // The draining instance must serve what still reaches it (see docs/scaling.md).
      const statuses: Record<number, number> = {};
      const afterStop = new Set<string>();
      let stopped = false;
      let finished = false;
      const worker = async (index: number) => {
        const client = new TestBrowser(nginx?.url ?? '');
        for (const [name, cookie] of browser.cookies) client.cookies.set(name, cookie);
        for (let n = 1; !finished; n += 1) {
          // Sent after api-2 had exited: only then must api-1 answer (an answer api-2 sent
          // while stopping can reach us after its exit was seen).
          const sentAfterStop = stopped;
          const response =
            index % 2 === 0
              ? await client.mutate('programme.create', programmeDraft(`Failover write ${n}`))
              : await client.query('programme.list', { limit: 20 });
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (sentAfterStop) afterStop.add(response.headers.get('x-served-by') ?? '');
        }
      };
      const workers = [0, 1, 2, 3].map(worker);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await api2.stop();
      stopped = true;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      finished = true;
      await Promise.all(workers);

      expect(Object.keys(statuses)).toEqual(['200']);
      expect(statuses[200]).toBeGreaterThan(10);
      expect([...afterStop]).toEqual(['api-1']);
      expect(api1.stderr()).toBe('');
      expect(nginx.errorLog()).not.toMatch(/\[(crit|alert|emerg)\]/);
    },
  );
});
