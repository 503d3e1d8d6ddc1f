import { describe, expect, it } from 'vitest';
import {
  createOutbox,
  memoryStore,
  OutboxRefusal,
  type OutboxStore,
  type OutboxTransport,
  type SendFailure,
} from './outbox.ts';

type Kinds = {
  'questionnaire.record': {
    input: { idempotencyKey: string; participantId: string };
    result: { responseId: string };
  };
  'deliverySession.record': {
    input: { idempotencyKey: string; title: string };
    result: { sessionId: string };
  };
};

const OWNER = 'membership-a';

class NetworkDown extends Error {}
class Refused extends Error {}
class ServerFault extends Error {}

/** A server that answers each call when the test says so, and counts what it was sent. */
function fakeServer(owner = OWNER) {
  const calls: string[] = [];
  const pending: { key: string; resolve: (value: unknown) => void; reject: (e: Error) => void }[] =
    [];
  let answer: 'auto' | 'hold' | Error = 'auto';
  const transport: OutboxTransport<Kinds> = {
    owner,
    send(_kind, input) {
      calls.push(input.idempotencyKey);
      if (answer === 'hold') {
        return new Promise((resolve, reject) =>
          pending.push({ key: input.idempotencyKey, resolve: resolve as never, reject }),
        );
      }
      if (answer instanceof Error) return Promise.reject(answer);
      return Promise.resolve({ responseId: `r-${input.idempotencyKey}` } as never);
    },
    classify(error): SendFailure {
      if (error instanceof Refused) return { kind: 'refused', message: error.message };
      if (error instanceof ServerFault) return { kind: 'later' };
      return { kind: 'offline' };
    },
  };
  return {
    transport,
    calls,
    pending,
    answerWith(next: 'auto' | 'hold' | Error) {
      answer = next;
    },
  };
}

function buildOutbox(store: OutboxStore = memoryStore(), online = { value: true }) {
  let tick = 0;
  const outbox = createOutbox<Kinds>({
    store,
    isOnline: () => online.value,
    now: () => new Date(Date.UTC(2026, 4, 1, 9, 0, tick++)),
  });
  return { outbox, store, online };
}

const questionnaire = (key: string) => ({ idempotencyKey: key, participantId: 'p-1' });

describe('outbox', () => {
  it('keeps one entry per idempotency key, however often it is saved', () => {
    const { outbox } = buildOutbox();
    outbox.connect(fakeServer().transport);
    outbox.enqueue('questionnaire.record', questionnaire('key-1'), { summary: 'PHQ-9' });
    outbox.enqueue('questionnaire.record', questionnaire('key-1'), { summary: 'PHQ-9' });
    const entries = outbox.getSnapshot().entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: 'key-1',
      kind: 'questionnaire.record',
      owner: OWNER,
      refusal: null,
      attempts: 0,
    });
  });

  it('removes an entry only after the server has answered it', async () => {
    const { outbox } = buildOutbox();
    const server = fakeServer();
    outbox.connect(server.transport);
    outbox.enqueue('questionnaire.record', questionnaire('key-1'), { summary: 'PHQ-9' });
    server.answerWith('hold');
    const flushing = outbox.flush();
    await Promise.resolve();
    expect(outbox.getSnapshot().entries).toHaveLength(1);
    expect(outbox.getSnapshot().sending).toEqual(['key-1']);
    server.pending[0]?.resolve({ responseId: 'r-1' });
    expect(await flushing).toEqual({ sent: 1, refused: 0, kept: 0 });
    expect(outbox.getSnapshot().entries).toEqual([]);
    expect(outbox.getSnapshot().sent).toMatchObject([
      { id: 'key-1', result: { responseId: 'r-1' } },
    ]);
  });

  it('sends each entry once when flushes overlap (online fired twice, a button pressed)', async () => {
    const { outbox } = buildOutbox();
    const server = fakeServer();
    outbox.connect(server.transport);
    outbox.enqueue('questionnaire.record', questionnaire('key-1'), { summary: 'PHQ-9' });
    outbox.enqueue(
      'deliverySession.record',
      { idempotencyKey: 'key-2', title: 'Group' },
      {
        summary: 'Register',
      },
    );
    server.answerWith('hold');
    const first = outbox.flush();
    const second = outbox.flush();
    expect(second).toBe(first);
    await Promise.resolve();
    server.pending[0]?.resolve({});
    await new Promise((resolve) => setTimeout(resolve, 0));
    void outbox.flush();
    server.pending[1]?.resolve({});
    await first;
    await outbox.flush();
    expect(server.calls).toEqual(['key-1', 'key-2']);
    expect(outbox.getSnapshot().entries).toEqual([]);
  });

  it('keeps the entry and stops when the connection fails mid-flush', async () => {
    const { outbox } = buildOutbox();
    const server = fakeServer();
    outbox.connect(server.transport);
    outbox.enqueue('questionnaire.record', questionnaire('key-1'), { summary: 'one' });
    outbox.enqueue('questionnaire.record', questionnaire('key-2'), { summary: 'two' });
    server.answerWith(new NetworkDown('Failed to fetch'));
    expect(await outbox.flush()).toEqual({ sent: 0, refused: 0, kept: 1 });
    expect(server.calls).toEqual(['key-1']);
    expect(outbox.getSnapshot().entries.map((e) => [e.id, e.attempts])).toEqual([
      ['key-1', 1],
      ['key-2', 0],
    ]);

    server.answerWith('auto');
    expect(await outbox.flush()).toEqual({ sent: 2, refused: 0, kept: 0 });
    expect(server.calls).toEqual(['key-1', 'key-1', 'key-2']);
  });

  it('keeps an entry the server failed on (5xx) and goes on with the next', async () => {
    const { outbox } = buildOutbox();
    const server = fakeServer();
    outbox.connect(server.transport);
    outbox.enqueue('questionnaire.record', questionnaire('key-1'), { summary: 'one' });
    outbox.enqueue('questionnaire.record', questionnaire('key-2'), { summary: 'two' });
    let calls = 0;
    const flaky: OutboxTransport<Kinds> = {
      ...server.transport,
      send: (kind, input) => {
        calls += 1;
        return calls === 1
          ? Promise.reject(new ServerFault('500'))
          : server.transport.send(kind, input);
      },
    };
    outbox.connect(flaky);
    expect(await outbox.flush()).toEqual({ sent: 1, refused: 0, kept: 1 });
    expect(outbox.getSnapshot().entries.map((e) => e.id)).toEqual(['key-1']);
  });

  it('shows a refusal with the server’s message and never resends it on its own', async () => {
    const { outbox } = buildOutbox();
    const server = fakeServer();
    outbox.connect(server.transport);
    outbox.enqueue('questionnaire.record', questionnaire('key-1'), { summary: 'PHQ-9' });
    server.answerWith(new Refused('STB-4K2M9Q has no consent in force on 2026-05-01'));
    expect(await outbox.flush()).toEqual({ sent: 0, refused: 1, kept: 0 });
    const [entry] = outbox.getSnapshot().entries;
    expect(entry?.refusal).toBe('STB-4K2M9Q has no consent in force on 2026-05-01');

    server.answerWith('auto');
    await outbox.flush();
    expect(server.calls).toHaveLength(1);
    expect(outbox.getSnapshot().entries).toHaveLength(1);

    outbox.retry('key-1');
    await outbox.flush();
    expect(server.calls).toHaveLength(2);
    expect(outbox.getSnapshot().entries).toEqual([]);
  });

  it('lets a person remove a refused entry', async () => {
    const { outbox } = buildOutbox();
    const server = fakeServer();
    outbox.connect(server.transport);
    outbox.enqueue('questionnaire.record', questionnaire('key-1'), { summary: 'PHQ-9' });
    server.answerWith(new Refused('no'));
    await outbox.flush();
    outbox.remove('key-1');
    expect(outbox.getSnapshot().entries).toEqual([]);
  });

  it('sends only through the membership that saved an entry', async () => {
    const { outbox } = buildOutbox();
    outbox.connect(fakeServer('membership-a').transport);
    outbox.enqueue('questionnaire.record', questionnaire('key-a'), { summary: 'A' });
    const other = fakeServer('membership-b');
    outbox.connect(other.transport);
    outbox.enqueue('questionnaire.record', questionnaire('key-b'), { summary: 'B' });
    await outbox.flush();
    expect(other.calls).toEqual(['key-b']);
    expect(outbox.getSnapshot().entries.map((e) => e.id)).toEqual(['key-a']);
  });

  it('does nothing while offline, and sends what was kept on the next start', async () => {
    const store = memoryStore();
    const first = buildOutbox(store, { value: false });
    const server = fakeServer();
    first.outbox.connect(server.transport);
    const outcome = await first.outbox.send('questionnaire.record', questionnaire('key-1'), {
      summary: 'PHQ-9',
    });
    expect(outcome.status).toBe('waiting');
    await first.outbox.flush();
    expect(server.calls).toEqual([]);

    // The page is closed and opened again, now online: the entry is still there and goes once.
    const restarted = buildOutbox(store, { value: true });
    restarted.outbox.connect(server.transport);
    expect(restarted.outbox.getSnapshot().entries).toHaveLength(1);
    await Promise.all([restarted.outbox.flush(), restarted.outbox.flush()]);
    expect(server.calls).toEqual(['key-1']);
    expect(store.read()).toEqual([]);
  });

  describe('send (from a form)', () => {
    it('returns the server’s answer and keeps nothing when it goes through', async () => {
      const { outbox } = buildOutbox();
      outbox.connect(fakeServer().transport);
      const outcome = await outbox.send('questionnaire.record', questionnaire('key-1'), {
        summary: 'PHQ-9',
      });
      expect(outcome).toEqual({ status: 'sent', result: { responseId: 'r-key-1' } });
      expect(outbox.getSnapshot().entries).toEqual([]);
    });

    it('keeps the entry when the connection fails', async () => {
      const { outbox } = buildOutbox();
      const server = fakeServer();
      outbox.connect(server.transport);
      server.answerWith(new NetworkDown('Failed to fetch'));
      const outcome = await outbox.send('questionnaire.record', questionnaire('key-1'), {
        summary: 'PHQ-9',
      });
      expect(outcome.status).toBe('waiting');
      expect(outbox.getSnapshot().entries.map((e) => e.id)).toEqual(['key-1']);
    });

    it('throws a refusal for the form to show, keeping nothing', async () => {
      const { outbox } = buildOutbox();
      const server = fakeServer();
      outbox.connect(server.transport);
      server.answerWith(new Refused('Choose one of the programme’s timepoints.'));
      await expect(
        outbox.send('questionnaire.record', questionnaire('key-1'), { summary: 'PHQ-9' }),
      ).rejects.toBeInstanceOf(OutboxRefusal);
      expect(outbox.getSnapshot().entries).toEqual([]);
    });

    it('does not send an entry that is already waiting: it waits with the others', async () => {
      const { outbox } = buildOutbox();
      const server = fakeServer();
      outbox.connect(server.transport);
      outbox.enqueue('questionnaire.record', questionnaire('key-1'), { summary: 'PHQ-9' });
      const outcome = await outbox.send('questionnaire.record', questionnaire('key-1'), {
        summary: 'PHQ-9',
      });
      expect(outcome.status).toBe('waiting');
      expect(server.calls).toEqual([]);
    });
  });

  it('tells subscribers about every change, with a stable snapshot in between', () => {
    const { outbox } = buildOutbox();
    outbox.connect(fakeServer().transport);
    let seen = 0;
    outbox.subscribe(() => {
      seen += 1;
    });
    const before = outbox.getSnapshot();
    expect(outbox.getSnapshot()).toBe(before);
    outbox.enqueue('questionnaire.record', questionnaire('key-1'), { summary: 'PHQ-9' });
    expect(seen).toBe(1);
    expect(outbox.getSnapshot()).not.toBe(before);
  });
});
