import { useSearchParams } from 'react-router';

/** The people admin's sub-views live in the query string, so every screen has its own URL. */
export type PeopleView =
  | { readonly kind: 'overview' }
  | { readonly kind: 'invite' }
  | { readonly kind: 'grant'; readonly personId: string }
  | { readonly kind: 'revoke-membership'; readonly membershipId: string }
  | { readonly kind: 'revoke-invitation'; readonly invitationId: string };

const VIEW_PARAMS = ['action', 'person', 'membership', 'invitation'] as const;

export function readPeopleView(params: URLSearchParams): PeopleView {
  const action = params.get('action');
  const person = params.get('person');
  const membership = params.get('membership');
  const invitation = params.get('invitation');
  if (action === 'invite') return { kind: 'invite' };
  if (action === 'grant' && person) return { kind: 'grant', personId: person };
  if (action === 'revoke-membership' && membership)
    return { kind: 'revoke-membership', membershipId: membership };
  if (action === 'revoke-invitation' && invitation)
    return { kind: 'revoke-invitation', invitationId: invitation };
  return { kind: 'overview' };
}

/** A `?…` string for `view`, keeping the page's other parameters (such as `organisation`). */
export function usePeopleViewLink(): (view: PeopleView) => string {
  const [searchParams] = useSearchParams();
  return (view) => {
    const next = new URLSearchParams(searchParams);
    for (const name of VIEW_PARAMS) next.delete(name);
    if (view.kind !== 'overview') next.set('action', view.kind);
    if (view.kind === 'grant') next.set('person', view.personId);
    if (view.kind === 'revoke-membership') next.set('membership', view.membershipId);
    if (view.kind === 'revoke-invitation') next.set('invitation', view.invitationId);
    const search = next.toString();
    return search === '' ? '?' : `?${search}`;
  };
}
