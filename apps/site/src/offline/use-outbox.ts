/**
 * The outbox for screens. Anything a person may complete without a connection (a questionnaire,
 * a session register) goes through it:
 *
 *   const outbox = useOutbox();
 *   // Make the key when the form starts, so sending again reuses it:
 *   const [idempotencyKey] = useState(() => crypto.randomUUID());
 *   const outcome = await outbox.send('deliverySession.record', { ...input, idempotencyKey },
 *     'Group session on 3 May');          // what it is, in words, never a person's name
 *   if (outcome.status === 'sent') … outcome.result is the server's answer
 *   else …                                // 'waiting': kept on this device, sent when back online
 *   // A refusal (4xx) throws OutboxRefusal with the server's message: show it in the form.
 *
 * `outbox.enqueue(kind, input, summary)` keeps an entry without trying to send it now.
 * `<OutboxStatus />` (OutboxStatus.tsx) shows what is waiting; put it above a screen's heading.
 */
import { activeMembershipOf, type Me, SESSION_QUERY_KEY, useTRPCClient } from '@coproduce/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { OutboxRefusal } from './outbox.ts';
import { classifySendError, type OutboxKind, outbox, type SiteOutboxKinds } from './site-outbox.ts';

export type { OutboxKind, SiteOutboxKinds };
export { OutboxRefusal };

/**
 * Connects the outbox to the signed-in membership and sends what is waiting: once when the app
 * starts (or someone signs in) and again whenever the browser comes back online. Used once, in
 * the app's layout.
 */
export function useOutboxSync(): void {
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const owner = useActiveMembershipId();

  useEffect(() => {
    if (owner === null) {
      outbox.connect(null);
      return;
    }
    outbox.connect({
      owner,
      send: (kind, input) =>
        kind === 'questionnaire.record'
          ? client.questionnaire.record.mutate(
              input as SiteOutboxKinds['questionnaire.record']['input'],
            )
          : client.deliverySession.record.mutate(
              input as SiteOutboxKinds['deliverySession.record']['input'],
            ),
      classify: classifySendError,
    } as Parameters<typeof outbox.connect>[0]);

    const flush = () => void outbox.flush();
    // What was sent now shows in the participant's timeline and the session lists.
    let sentBefore = outbox.getSnapshot().sent.length;
    const unsubscribe = outbox.subscribe(() => {
      const sentNow = outbox.getSnapshot().sent.length;
      if (sentNow > sentBefore) void queryClient.invalidateQueries();
      sentBefore = sentNow;
    });
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key.startsWith('coproduce.site.outbox')) outbox.refresh();
    };
    flush();
    window.addEventListener('online', flush);
    window.addEventListener('storage', onStorage);
    return () => {
      unsubscribe();
      window.removeEventListener('online', flush);
      window.removeEventListener('storage', onStorage);
    };
  }, [owner, client, queryClient]);
}

/**
 * The membership acting now, read from the query cache's `session.me` whenever the cache
 * changes. (An observer in the app's layout would miss a new session: signing in replaces the
 * query, and the layout does not re-render to pick up the new one.)
 */
function useActiveMembershipId(): string | null {
  const queryClient = useQueryClient();
  return useSyncExternalStore(
    (onChange) => queryClient.getQueryCache().subscribe(onChange),
    () => {
      for (const [, me] of queryClient.getQueriesData<Me>({ queryKey: SESSION_QUERY_KEY })) {
        if (me !== undefined) return activeMembershipOf(me)?.id ?? null;
      }
      return null;
    },
    () => null,
  );
}

/** What is waiting on this device for the signed-in membership, and how to add to it. */
export function useOutbox() {
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  return useMemo(
    () => ({
      online,
      entries: snapshot.entries.filter((entry) => entry.owner === snapshot.owner),
      sending: snapshot.sending,
      sent: snapshot.sent,
      send: <K extends OutboxKind>(kind: K, input: SiteOutboxKinds[K]['input'], summary: string) =>
        outbox.send(kind, input, { summary }),
      enqueue: <K extends OutboxKind>(
        kind: K,
        input: SiteOutboxKinds[K]['input'],
        summary: string,
      ) => outbox.enqueue(kind, input, { summary }),
      flush: () => outbox.flush(),
      remove: (id: string) => outbox.remove(id),
      retry: (id: string) => {
        outbox.retry(id);
        void outbox.flush();
      },
      dismissSent: (id: string) => outbox.dismissSent(id),
    }),
    [snapshot, online],
  );
}

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

const isOnline = () => navigator.onLine;
