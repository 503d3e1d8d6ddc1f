import { useLocation } from 'react-router';

/** A confirmation carried to the overview in router state after a change succeeds. */
export interface PeopleNotice {
  readonly peopleNotice: string;
}

export function usePeopleNotice(): string | null {
  const state = useLocation().state as Partial<PeopleNotice> | null;
  return typeof state?.peopleNotice === 'string' ? state.peopleNotice : null;
}
