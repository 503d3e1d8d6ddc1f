import {
  type AppRouter,
  BackLink,
  ErrorState,
  errorCode,
  LoadingState,
  NotFoundPage,
  Page,
  readError,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useParticipantsT } from './t.ts';

export type ParticipantRecord = inferOutput<TRPCOptionsProxy<AppRouter>['participant']['get']>;

export function participantPath(participantId: string): string {
  return `/participants/${participantId}`;
}

/** Their name where the site holds it, otherwise their code. */
export function displayName(record: ParticipantRecord): string {
  return record.identity === null
    ? record.code
    : `${record.identity.givenName} ${record.identity.familyName}`;
}

/**
 * Loads the participant in the URL and renders `children` with it. Someone the user may not
 * see (another site's, another network's) reads as "not found", like one that does not exist.
 */
export function WithParticipant({
  title,
  children,
}: {
  title: string;
  children: (record: ParticipantRecord) => ReactNode;
}) {
  const t = useParticipantsT();
  const trpc = useTRPC();
  const { participantId = '' } = useParams();
  const participant = useQuery(trpc.participant.get.queryOptions({ participantId }));
  if (participant.isError) {
    const code = errorCode(participant.error);
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') return <NotFoundPage />;
  }
  if (participant.isPending || participant.isError) {
    return (
      <Page
        title={title}
        backLink={<BackLink to="/participants">{t('participant.back')}</BackLink>}
      >
        {participant.isError ? (
          <ErrorState
            message={readError(participant.error, t('state.unreachable')).message}
            onRetry={() => void participant.refetch()}
          />
        ) : (
          <LoadingState label={t('participant.loading')} />
        )}
      </Page>
    );
  }
  return <>{children(participant.data)}</>;
}
