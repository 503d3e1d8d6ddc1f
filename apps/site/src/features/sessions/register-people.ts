import { useTRPC } from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

export type ConsentStatus = 'in-force' | 'withdrawn' | 'none';

/** Someone who can be put on a session's register. */
export interface RegisterPerson {
  readonly participantId: string;
  readonly code: string;
  /** Known once the site has read it (every read is audited); null until then. */
  readonly name: string | null;
  readonly sortName: string | null;
  readonly consent: ConsentStatus;
}

/** People whose name or code contains every word typed, ignoring case. */
export function matchesQuery(person: RegisterPerson, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${person.name ?? ''} ${person.code}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Named people first, by family name; then the rest by code. */
export function byRegisterOrder(a: RegisterPerson, b: RegisterPerson): number {
  if (a.sortName !== null && b.sortName !== null) return a.sortName.localeCompare(b.sortName);
  if (a.sortName !== null) return -1;
  if (b.sortName !== null) return 1;
  return a.code.localeCompare(b.code);
}

/**
 * The programme's participants at the site, for a register, by name (the server audits the read).
 * Erased participants cannot attend and are not offered.
 */
export function useRegisterPeople(siteId: string, programmeId: string, query: string) {
  const trpc = useTRPC();
  const candidates = useQuery(
    trpc.participant.registerCandidates.queryOptions(
      { siteId, programmeId },
      { enabled: programmeId !== '', staleTime: 5 * 60_000 },
    ),
  );
  const people = useMemo<RegisterPerson[]>(
    () =>
      (candidates.data ?? [])
        .map((c) => {
          const named = c.givenName !== null && c.familyName !== null;
          return {
            participantId: c.participantId,
            code: c.code,
            name: named ? `${c.givenName} ${c.familyName}` : null,
            sortName: named ? `${c.familyName} ${c.givenName}` : null,
            consent: c.consent,
          };
        })
        .sort(byRegisterOrder),
    [candidates.data],
  );
  const shown = query.trim() ? people.filter((person) => matchesQuery(person, query)) : people;

  return {
    people,
    shown,
    isPending: candidates.isPending,
    isError: candidates.isError,
    error: candidates.error,
    refetch: () => void candidates.refetch(),
  };
}
