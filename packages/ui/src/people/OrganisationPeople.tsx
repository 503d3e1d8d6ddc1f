import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '../components/Page.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useUiT } from '../i18n/ui-translate.ts';
import { readError } from '../trpc/errors.ts';
import { useTRPC } from '../trpc/trpc.ts';
import { GrantRoleView, RevokeInvitationView, RevokeMembershipView } from './ChangeViews.tsx';
import { InviteView } from './InviteView.tsx';
import { PeopleOverview } from './PeopleOverview.tsx';
import { readPeopleView } from './view-link.ts';

/**
 * Members and invitations of one organisation, and (for those allowed) inviting, granting and
 * revoking. Used by the hub (any organisation of the network) and the site app (the site lead's
 * own organisation). The server decides what the caller may do: `assignableRoles` is empty when
 * the caller may only read.
 */
export function OrganisationPeople({
  organisationId,
  backLink,
}: {
  organisationId: string;
  backLink?: ReactNode;
}) {
  const t = useUiT();
  const trpc = useTRPC();
  const [searchParams] = useSearchParams();
  const view = readPeopleView(searchParams);
  const members = useQuery(trpc.people.listMembers.queryOptions({ organisationId }));

  if (members.isPending) {
    return (
      <Page title={t('people.title')} backLink={backLink}>
        <LoadingState label={t('people.loading')} />
      </Page>
    );
  }
  if (members.isError) {
    return (
      <Page title={t('people.title')} backLink={backLink}>
        <ErrorState
          message={readError(members.error, t('state.unreachable')).message}
          onRetry={() => void members.refetch()}
        />
      </Page>
    );
  }

  const list = members.data;
  const canManage = list.assignableRoles.length > 0;
  if (!canManage || view.kind === 'overview') {
    return <PeopleOverview list={list} backLink={backLink} />;
  }
  switch (view.kind) {
    case 'invite':
      return <InviteView list={list} />;
    case 'grant':
      return <GrantRoleView list={list} personId={view.personId} />;
    case 'revoke-membership':
      return <RevokeMembershipView list={list} membershipId={view.membershipId} />;
    case 'revoke-invitation':
      return <RevokeInvitationView list={list} invitationId={view.invitationId} />;
  }
}
