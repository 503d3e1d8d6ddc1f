import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTRPC } from '../trpc/trpc.ts';
import type { PeopleNotice } from './notice.ts';
import { usePeopleViewLink } from './view-link.ts';

/** After a change: refresh the lists and go back to the overview with a confirmation. */
export function usePeopleChangeDone() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const link = usePeopleViewLink();
  return async (notice: string) => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.people.listMembers.pathFilter()),
      queryClient.invalidateQueries(trpc.invitation.list.pathFilter()),
    ]);
    const state: PeopleNotice = { peopleNotice: notice };
    await navigate({ search: link({ kind: 'overview' }) }, { state });
  };
}
