import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { newIdempotencyKey } from '../forms/idempotency-key.ts';
import { useTRPC, useTRPCClient } from '../trpc/trpc.ts';
import type { AllowedActions, WorkflowHistory, WorkflowKind } from './types.ts';

export interface TransitionInput {
  readonly kind: WorkflowKind;
  readonly id: string;
  readonly expectedVersion: number;
  readonly event: string;
  readonly reason?: string | undefined;
  /** For PROPOSE_CANDIDATE: the person proposed. */
  readonly personId?: string | undefined;
}

/**
 * Everything a workflow step can change: the subject, its neighbours (a programme's page lists
 * its milestones), and what is waiting for whom. Refreshed after every step.
 */
export function useRefreshWorkflows() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.programme.pathFilter()),
        queryClient.invalidateQueries(trpc.milestone.pathFilter()),
        queryClient.invalidateQueries(trpc.paidRole.pathFilter()),
        queryClient.invalidateQueries(trpc.claim.pathFilter()),
        queryClient.invalidateQueries(trpc.work.pathFilter()),
      ]),
    [queryClient, trpc],
  );
}

/** Takes one step of any workflow, with the version the person saw. */
export function useWorkflowTransition() {
  const client = useTRPCClient();
  const refresh = useRefreshWorkflows();
  return useMutation({
    mutationFn: ({ kind, id, expectedVersion, event, reason, personId }: TransitionInput) => {
      const step = { expectedVersion, event, reason };
      switch (kind) {
        case 'programme':
          return client.programme.transition.mutate({ programmeId: id, ...step });
        case 'milestone':
          return client.milestone.transition.mutate({ milestoneId: id, ...step });
        case 'paidRole':
          return client.paidRole.transition.mutate({ paidRoleId: id, ...step, personId });
        case 'claim':
          // Deciding a claim moves money: exactly once, by its own idempotent procedures.
          if (event === 'APPROVE' || event === 'COUNTERSIGN') {
            const decide = event === 'APPROVE' ? client.claim.approve : client.claim.countersign;
            return decide.mutate({
              claimId: id,
              expectedVersion,
              idempotencyKey: newIdempotencyKey(),
            });
          }
          return client.claim.transition.mutate({ claimId: id, ...step });
      }
    },
    // Refreshed whether it worked or not: a conflict means the page is out of date.
    onSettled: () => {
      // Not awaited: the caller's own onSuccess must run while its screen is still mounted,
      // before the refetch removes the item it acted on.
      void refresh();
    },
  });
}

/** The steps this person may take on a subject now (with what blocks them, and its version). */
export function useAllowedActions(kind: WorkflowKind, id: string) {
  const trpc = useTRPC();
  const programme = useQuery(
    trpc.programme.allowedActions.queryOptions(
      kind === 'programme' ? { programmeId: id } : skipToken,
    ),
  );
  const milestone = useQuery(
    trpc.milestone.allowedActions.queryOptions(
      kind === 'milestone' ? { milestoneId: id } : skipToken,
    ),
  );
  const paidRole = useQuery(
    trpc.paidRole.allowedActions.queryOptions(kind === 'paidRole' ? { paidRoleId: id } : skipToken),
  );
  const claim = useQuery(
    trpc.claim.allowedActions.queryOptions(kind === 'claim' ? { claimId: id } : skipToken),
  );
  const chosen = { programme, milestone, paidRole, claim }[kind];
  return chosen as typeof chosen & { data: AllowedActions | undefined };
}

/** Every step a subject has taken. */
export function useWorkflowHistory(kind: WorkflowKind, id: string) {
  const trpc = useTRPC();
  const programme = useQuery(
    trpc.programme.history.queryOptions(kind === 'programme' ? { programmeId: id } : skipToken),
  );
  const milestone = useQuery(
    trpc.milestone.history.queryOptions(kind === 'milestone' ? { milestoneId: id } : skipToken),
  );
  const paidRole = useQuery(
    trpc.paidRole.history.queryOptions(kind === 'paidRole' ? { paidRoleId: id } : skipToken),
  );
  const claim = useQuery(
    trpc.claim.history.queryOptions(kind === 'claim' ? { claimId: id } : skipToken),
  );
  const chosen = { programme, milestone, paidRole, claim }[kind];
  return chosen as typeof chosen & { data: WorkflowHistory | undefined };
}
