import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../test-support/http-client.ts';
import { type RunningServer, startServer } from '../testing.ts';

let server: RunningServer;
const lines: string[] = [];

beforeAll(async () => {
  server = await startServer({
    logLevel: 'info',
    logStream: { write: (line) => void lines.push(line) },
  });
});
afterAll(async () => {
  await server?.close();
});

describe('denial log', () => {
  it('records who was refused what and when, without personal data', async () => {
    const siteLead = new TestBrowser(server.url);
    await siteLead.signIn('samuel.adeyemi@stbrigids.example.org', server.demo.password);
    expect((await siteLead.query('audit.list')).status).toBe(403);

    const denial = lines
      .map((line) => JSON.parse(line))
      .find((entry) => entry.event === 'access.denied');
    expect(denial).toMatchObject({
      procedure: 'audit.list',
      role: 'site_lead',
      decision: 'forbidden',
      personId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      time: expect.any(Number),
    });
    const everything = lines.join('\n');
    expect(everything).not.toContain('samuel.adeyemi');
    expect(everything).not.toContain('Samuel Adeyemi');
    expect(everything).not.toContain(server.demo.password);
  });
});
