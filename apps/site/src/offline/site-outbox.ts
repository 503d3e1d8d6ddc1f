import type { AppRouter } from '@coproduce/ui';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import {
  createOutbox,
  type LockRunner,
  memoryStore,
  type OutboxStore,
  type SendFailure,
  type StoredEntry,
} from './outbox.ts';

type Api = TRPCOptionsProxy<AppRouter>;

/** The calls a phone may have to keep until it is back online. */
export type SiteOutboxKinds = {
  'questionnaire.record': {
    input: inferInput<Api['questionnaire']['record']>;
    result: inferOutput<Api['questionnaire']['record']>;
  };
  'deliverySession.record': {
    input: inferInput<Api['deliverySession']['record']>;
    result: inferOutput<Api['deliverySession']['record']>;
  };
};

export type OutboxKind = keyof SiteOutboxKinds;

const STORAGE_KEY = 'coproduce.site.outbox.v1';

function looksLikeEntry(value: unknown): value is StoredEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.id === 'string' &&
    (entry.kind === 'questionnaire.record' || entry.kind === 'deliverySession.record') &&
    typeof entry.input === 'object' &&
    entry.input !== null &&
    typeof entry.owner === 'string' &&
    typeof entry.summary === 'string'
  );
}

/**
 * localStorage survives closing the browser, which is the point. If the browser keeps nothing
 * (storage switched off, or full), entries live in memory for as long as the page is open.
 */
export function localStorageStore(key = STORAGE_KEY): OutboxStore {
  let storage: Storage | null;
  try {
    storage = window.localStorage;
    storage.getItem(key);
  } catch {
    storage = null;
  }
  if (storage === null) return memoryStore();
  const fallback = memoryStore();
  const local = storage;
  return {
    read() {
      try {
        const parsed: unknown = JSON.parse(local.getItem(key) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter(looksLikeEntry) : [];
      } catch {
        return fallback.read();
      }
    },
    write(entries) {
      fallback.write(entries);
      try {
        if (entries.length === 0) local.removeItem(key);
        else local.setItem(key, JSON.stringify(entries));
      } catch {
        // Full or refused: the memory copy still holds them while the page is open.
      }
    },
  };
}

/** One flush across every open tab of the app (Web Locks); a tab that finds it held skips. */
const webLock: LockRunner = async (task) => {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks === undefined) return task();
  return locks.request('coproduce-site-outbox', { ifAvailable: true }, (lock) =>
    lock === null ? undefined : task(),
  );
};

interface ErrorData {
  readonly code?: unknown;
  readonly httpStatus?: unknown;
}

/**
 * A call that never reached our server (no `data` from tRPC) is a lost connection; 4xx is a
 * refusal people must see, except a lapsed session, a timeout or rate limiting, which pass.
 */
export function classifySendError(error: unknown): SendFailure {
  const data =
    typeof error === 'object' && error !== null && 'data' in error
      ? ((error as { data: unknown }).data as ErrorData | null | undefined)
      : undefined;
  if (data === undefined || data === null || typeof data.code !== 'string') {
    return { kind: 'offline' };
  }
  const status = typeof data.httpStatus === 'number' ? data.httpStatus : 500;
  if (status === 401 || status === 408 || status === 429 || status >= 500) return { kind: 'later' };
  const message = error instanceof Error && error.message.trim() !== '' ? error.message : '';
  return { kind: 'refused', message };
}

/** The app's one outbox. Screens use it through `useOutbox()` (use-outbox.ts). */
export const outbox = createOutbox<SiteOutboxKinds>({
  store: typeof window === 'undefined' ? memoryStore() : localStorageStore(),
  isOnline: () => typeof navigator === 'undefined' || navigator.onLine,
  withLock: webLock,
});
