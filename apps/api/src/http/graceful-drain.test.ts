import { connect, type Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerGracefulDrain } from './graceful-drain.ts';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function serve() {
  app = Fastify({ return503OnClosing: false });
  const drain = registerGracefulDrain(app);
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { drain, port: address.port };
}

/** A kept-alive connection, as a proxy holds one, and what arrives on it. */
async function openConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk.toString('latin1');
  });
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    ended,
    /** Sends one request and resolves with the head of its answer. */
    async get(): Promise<string> {
      received = '';
      socket.write('GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
      for (let waited = 0; !received.includes('world'); waited += 10) {
        if (waited > 5_000) throw new Error(`no answer: ${received}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received.split('\r\n\r\n')[0]?.toLowerCase() ?? '';
    },
    destroy: () => socket.destroy(),
  };
}

const refusesConnections = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });

describe('graceful drain (SIGTERM behind a load balancer)', () => {
  it('stops accepting, still serves a kept-alive connection once with Connection: close, and ends when it has', async () => {
    const { drain, port } = await serve();
    const kept = await openConnection(port);
    expect(await kept.get()).toContain('connection: keep-alive');

    let drained = false;
    const draining = drain(5_000).then(() => {
      drained = true;
    });
    expect(await refusesConnections(port)).toBe('ECONNREFUSED');
    // Not dropped while idle: a request the proxy sends on it now is answered, and closes it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(drained).toBe(false);
    const head = await kept.get();
    expect(head).toMatch(/^http\/1\.1 200/);
    expect(head).toContain('connection: close');
    await kept.ended;
    await draining;
    expect(drained).toBe(true);
  });

  it('gives up waiting for an idle connection after the longest wait', async () => {
    const { drain, port } = await serve();
    const idle = await openConnection(port);
    await idle.get();
    const started = performance.now();
    await drain(300);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    idle.destroy();
  });
});
