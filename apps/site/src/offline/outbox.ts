/**
 * The outbox: what was completed without a connection waits on the device and is sent once the
 * connection returns — never twice, because every entry carries the idempotency key its form
 * made when it started, and the server keeps one record per key.
 *
 * This file is the queue itself, with no browser or React in it: the store (localStorage in the
 * app) and the transport (the tRPC client) are passed in, so tests drive it with fakes.
 *
 * Rules it keeps:
 * - an entry is removed only after the server has answered it;
 * - a refusal (4xx) stays, with the server's message, until a person removes it or retries it;
 * - a lost connection or a server fault keeps the entry for the next flush;
 * - one flush at a time (and one send per entry): a second `flush()` while one runs joins it;
 * - entries are sent only through the membership that saved them (`owner`).
 */

/** Each kind of call the outbox can hold: its input (with an idempotency key) and its result. */
export type OutboxKinds = Record<
  string,
  { readonly input: { readonly idempotencyKey: string }; readonly result: unknown }
>;

/** An entry as the store keeps it. */
export interface StoredEntry {
  /** The input's idempotency key: one entry per key. */
  readonly id: string;
  readonly kind: string;
  readonly input: { readonly idempotencyKey: string };
  /** What it is, in words and without names (a participant code at most). */
  readonly summary: string;
  /** The membership that saved it; only that membership sends it. */
  readonly owner: string;
  readonly savedAt: string;
  /** The server's message when it refused the entry; null while it is waiting. */
  readonly refusal: string | null;
  readonly attempts: number;
}

export interface OutboxEntry<Kinds extends OutboxKinds = OutboxKinds> extends StoredEntry {
  readonly kind: keyof Kinds & string;
  readonly input: Kinds[keyof Kinds]['input'];
}

export interface SentEntry<Kinds extends OutboxKinds = OutboxKinds> {
  readonly id: string;
  readonly kind: keyof Kinds & string;
  readonly summary: string;
  readonly result: Kinds[keyof Kinds]['result'];
  readonly sentAt: string;
}

/** Where entries live between visits (localStorage in the app). */
export interface OutboxStore {
  read(): StoredEntry[];
  write(entries: readonly StoredEntry[]): void;
}

/** How a failed send is treated. */
export type SendFailure =
  | { readonly kind: 'offline' }
  | { readonly kind: 'later' }
  | { readonly kind: 'refused'; readonly message: string };

export interface OutboxTransport<Kinds extends OutboxKinds> {
  /** The membership sending now. */
  readonly owner: string;
  send<K extends keyof Kinds & string>(
    kind: K,
    input: Kinds[K]['input'],
  ): Promise<Kinds[K]['result']>;
  classify(error: unknown): SendFailure;
}

export interface OutboxSnapshot<Kinds extends OutboxKinds = OutboxKinds> {
  readonly entries: readonly OutboxEntry<Kinds>[];
  /** Ids being sent right now. */
  readonly sending: readonly string[];
  /** Waiting entries sent since the page loaded, newest first (not kept across visits). */
  readonly sent: readonly SentEntry<Kinds>[];
  /** The membership connected now, or null when nobody is signed in. */
  readonly owner: string | null;
}

export type SendOutcome<Result> =
  | { readonly status: 'sent'; readonly result: Result }
  | { readonly status: 'waiting'; readonly entry: StoredEntry };

export interface FlushReport {
  readonly sent: number;
  readonly refused: number;
  readonly kept: number;
}

/** Runs `task` while holding a lock shared with other tabs, or skips it (undefined) if held. */
export type LockRunner = <T>(task: () => Promise<T>) => Promise<T | undefined>;

const runUnlocked: LockRunner = (task) => task();

/** A refusal that the caller of `send` shows in its form (the entry is not kept). */
export class OutboxRefusal extends Error {
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'OutboxRefusal';
  }
}

export function createOutbox<Kinds extends OutboxKinds>(options: {
  store: OutboxStore;
  isOnline?: () => boolean;
  now?: () => Date;
  withLock?: LockRunner;
}) {
  const { store } = options;
  const isOnline = options.isOnline ?? (() => true);
  const now = options.now ?? (() => new Date());
  const withLock = options.withLock ?? runUnlocked;

  type Entry = OutboxEntry<Kinds>;
  type Kind = keyof Kinds & string;

  let transport: OutboxTransport<Kinds> | null = null;
  const sending = new Set<string>();
  let sent: SentEntry<Kinds>[] = [];
  let running: Promise<FlushReport> | null = null;
  const listeners = new Set<() => void>();
  let snapshot: OutboxSnapshot<Kinds> = build();

  function read(): Entry[] {
    return store.read() as unknown as Entry[];
  }

  function build(): OutboxSnapshot<Kinds> {
    return { entries: read(), sending: [...sending], sent, owner: transport?.owner ?? null };
  }

  function changed() {
    snapshot = build();
    for (const listener of listeners) listener();
  }

  function update(id: string, change: (entry: Entry) => Entry | null) {
    const next: Entry[] = [];
    for (const entry of read()) {
      if (entry.id !== id) next.push(entry);
      else {
        const replaced = change(entry);
        if (replaced !== null) next.push(replaced);
      }
    }
    store.write(next);
  }

  function ownerOf(owner: string | undefined): string {
    const who = owner ?? transport?.owner;
    if (who === undefined) throw new Error('The outbox has no owner: connect it first');
    return who;
  }

  function enqueue<K extends Kind>(
    kind: K,
    input: Kinds[K]['input'],
    meta: { summary: string; owner?: string },
  ): Entry {
    const id = input.idempotencyKey;
    const existing = read().find((entry) => entry.id === id);
    if (existing !== undefined) return existing;
    const entry: Entry = {
      id,
      kind,
      input,
      summary: meta.summary,
      owner: ownerOf(meta.owner),
      savedAt: now().toISOString(),
      refusal: null,
      attempts: 0,
    };
    store.write([...read(), entry]);
    changed();
    return entry;
  }

  function recordSent<K extends Kind>(id: string, kind: K, summary: string, result: unknown) {
    sent = [
      { id, kind, summary, result: result as Kinds[K]['result'], sentAt: now().toISOString() },
      ...sent.filter((s) => s.id !== id),
    ];
  }

  /**
   * Sends now when online; keeps the entry when offline or the connection fails. A refusal is
   * thrown as an `OutboxRefusal` (nothing kept): the form that sent it shows the message.
   */
  async function send<K extends Kind>(
    kind: K,
    input: Kinds[K]['input'],
    meta: { summary: string },
  ): Promise<SendOutcome<Kinds[K]['result']>> {
    const id = input.idempotencyKey;
    const through = transport;
    const alreadyWaiting = read().some((entry) => entry.id === id);
    if (through === null || !isOnline() || alreadyWaiting || sending.has(id)) {
      return { status: 'waiting', entry: enqueue(kind, input, meta) };
    }
    sending.add(id);
    changed();
    try {
      // Not listed under `sent`: the form that sent it shows the answer itself.
      const result = await through.send(kind, input);
      return { status: 'sent', result };
    } catch (error) {
      const failure = through.classify(error);
      if (failure.kind === 'refused') throw new OutboxRefusal(failure.message, error);
      return { status: 'waiting', entry: enqueue(kind, input, meta) };
    } finally {
      sending.delete(id);
      changed();
    }
  }

  async function sendWaiting(through: OutboxTransport<Kinds>): Promise<FlushReport> {
    const report = { sent: 0, refused: 0, kept: 0 };
    const tried = new Set<string>();
    for (;;) {
      // Read again each time: another tab may have sent or removed entries meanwhile.
      const next = read().find(
        (entry) =>
          entry.owner === through.owner &&
          entry.refusal === null &&
          !tried.has(entry.id) &&
          !sending.has(entry.id),
      );
      if (next === undefined) break;
      tried.add(next.id);
      sending.add(next.id);
      changed();
      try {
        const result = await through.send(next.kind, next.input);
        update(next.id, () => null);
        recordSent(next.id, next.kind, next.summary, result);
        report.sent += 1;
      } catch (error) {
        const failure = through.classify(error);
        if (failure.kind === 'refused') {
          update(next.id, (entry) => ({
            ...entry,
            refusal: failure.message,
            attempts: entry.attempts + 1,
          }));
          report.refused += 1;
        } else {
          update(next.id, (entry) => ({ ...entry, attempts: entry.attempts + 1 }));
          report.kept += 1;
          // No connection: the rest would fail the same way; wait for the next `online`.
          if (failure.kind === 'offline') break;
        }
      } finally {
        sending.delete(next.id);
        changed();
      }
    }
    return report;
  }

  /** Sends every waiting entry of the connected owner, one at a time. */
  function flush(): Promise<FlushReport> {
    if (running !== null) return running;
    const through = transport;
    if (through === null || !isOnline()) return Promise.resolve({ sent: 0, refused: 0, kept: 0 });
    const task = withLock(() => sendWaiting(through)).then(
      (report) => report ?? { sent: 0, refused: 0, kept: 0 },
    );
    running = task.finally(() => {
      running = null;
    });
    return running;
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** The transport of the signed-in membership, or null when nobody is signed in. */
    connect(next: OutboxTransport<Kinds> | null) {
      transport = next;
      changed();
    },
    get owner(): string | null {
      return transport?.owner ?? null;
    },
    enqueue,
    send,
    flush,
    /** Drops an entry for good (a person decided to, after a refusal). */
    remove(id: string) {
      update(id, () => null);
      changed();
    },
    /** Clears a refusal so the entry is sent again on the next flush. */
    retry(id: string) {
      update(id, (entry) => ({ ...entry, refusal: null }));
      changed();
    },
    /** Forgets what was sent (the person has read it). */
    dismissSent(id: string) {
      sent = sent.filter((s) => s.id !== id);
      changed();
    },
    /** Re-reads the store (another tab changed it). */
    refresh: changed,
  };
}

export type Outbox<Kinds extends OutboxKinds> = ReturnType<typeof createOutbox<Kinds>>;

/** A store in memory: for tests, and when the browser keeps nothing (private mode, full disk). */
export function memoryStore(initial: readonly StoredEntry[] = []): OutboxStore {
  let entries = [...initial];
  return {
    read: () => [...entries],
    write: (next) => {
      entries = [...next];
    },
  };
}
