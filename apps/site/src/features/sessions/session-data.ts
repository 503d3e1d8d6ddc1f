import { useActiveMembership, useSession, useTRPC } from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { mayUse } from '../../app/navigation.ts';
import { SITE_PROGRAMMES_PAGE } from '../../app/site-programmes.ts';

/** Programmes take session records from their baseline stage until monitoring ends. */
const RECORDING_STAGES = new Set(['baseline', 'delivery', 'monitoring']);

export interface ProgrammeChoice {
  readonly id: string;
  readonly name: string;
}

/** The site's programmes, and which of them take session records now. */
export function useSiteProgrammes() {
  const trpc = useTRPC();
  return useQuery(
    trpc.programme.list.queryOptions(
      { limit: SITE_PROGRAMMES_PAGE },
      {
        select: (data) =>
          data.programmes.map((programme) => ({
            id: programme.id,
            name: programme.name,
            open: RECORDING_STAGES.has(programme.stage),
          })),
      },
    ),
  );
}

/** The site's programmes that take session records now. */
export function useOpenProgrammes() {
  const trpc = useTRPC();
  return useQuery(
    trpc.programme.list.queryOptions(
      { limit: SITE_PROGRAMMES_PAGE },
      {
        select: (data): ProgrammeChoice[] =>
          data.programmes
            .filter((programme) => RECORDING_STAGES.has(programme.stage))
            .map((programme) => ({ id: programme.id, name: programme.name })),
      },
    ),
  );
}

export interface Deliverer {
  readonly personId: string;
  readonly name: string;
}

/**
 * Who may have delivered a session: the site's practitioners and site leads. A site lead sees
 * the site's people; a practitioner (who may not list them) records their own sessions.
 */
export function useDeliverers() {
  const trpc = useTRPC();
  const me = useSession();
  const membership = useActiveMembership();
  const canList = mayUse(membership.role, 'people.listMembers');
  const members = useQuery(
    trpc.people.listMembers.queryOptions(
      { organisationId: membership.organisation.id },
      {
        enabled: canList,
        select: (data): Deliverer[] => {
          const seen = new Set<string>();
          return data.members
            .filter((member) => member.role === 'practitioner' || member.role === 'site_lead')
            .filter((member) => !seen.has(member.personId) && seen.add(member.personId))
            .map((member) => ({ personId: member.personId, name: member.name }))
            .sort((a, b) => a.name.localeCompare(b.name));
        },
      },
    ),
  );
  if (canList) return members;
  return {
    isPending: false as const,
    isError: false as const,
    error: null,
    data: [{ personId: me.person.id, name: me.person.name }] as Deliverer[],
  };
}
