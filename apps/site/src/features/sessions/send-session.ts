import { formatDate, useTRPC } from '@coproduce/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { OutboxRefusal, useOutbox } from '../../offline/use-outbox.ts';
import type { Attendance, SessionKind, SessionsT } from './i18n.ts';

/** What `deliverySession.record` takes: a session with its register, sent once by its key. */
export interface SessionRecord {
  readonly programmeId: string;
  readonly siteId: string;
  readonly heldOn: string;
  readonly kind: SessionKind;
  readonly title: string;
  readonly durationMinutes: number;
  readonly practitionerId: string;
  readonly register: ReadonlyArray<{ participantId: string; status: Attendance }>;
  /** Made when the form starts, so a retried send is stored once. */
  readonly idempotencyKey: string;
}

export type SendResult =
  | { readonly kind: 'saved'; readonly sessionId: string; readonly alreadyRecorded: boolean }
  | { readonly kind: 'queued' };

/**
 * Sends a recorded session through the device's outbox: straight to the server when it can be
 * reached, otherwise kept on the phone ("waiting to send") and sent once when the connection
 * returns. The idempotency key makes sure it is stored once however often it is sent. A refusal
 * by the server throws the server's error, with its field messages, for the form to show.
 */
export function useSendSession(t: SessionsT) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const outbox = useOutbox();
  const [pending, setPending] = useState(false);
  const send = async (input: SessionRecord): Promise<SendResult> => {
    setPending(true);
    try {
      const outcome = await outbox.send(
        'deliverySession.record',
        { ...input, register: [...input.register] },
        // What it is, in words, never a person's name: it is kept on the device.
        t('record.outboxSummary', {
          kind: t(`sessionKind.${input.kind}`),
          date: formatDate(input.heldOn, t.locale),
        }),
      );
      if (outcome.status === 'waiting') return { kind: 'queued' };
      await queryClient.invalidateQueries(trpc.deliverySession.list.pathFilter());
      return { kind: 'saved', ...outcome.result };
    } catch (error) {
      throw error instanceof OutboxRefusal ? error.cause : error;
    } finally {
      setPending(false);
    }
  };
  return { send, pending };
}
