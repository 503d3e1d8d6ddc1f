import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isClientError, isUnauthorized } from './errors.ts';

/** The tRPC query key prefix of `session.me`; every guard reads it. */
export const SESSION_QUERY_KEY = [['session', 'me']] as const;

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
        staleTime: 15_000,
      },
      mutations: { retry: false },
    },
    // A session can end under an open page (signed out in another tab, expired). The first
    // call that is refused sends the session check again, and the route guards take over.
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error) && !isSessionQuery(query.queryKey)) {
          void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isUnauthorized(error))
          void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
      },
    }),
  });
  return queryClient;
}

function isSessionQuery(queryKey: readonly unknown[]): boolean {
  const path = queryKey[0];
  return Array.isArray(path) && path[0] === 'session' && path[1] === 'me';
}
