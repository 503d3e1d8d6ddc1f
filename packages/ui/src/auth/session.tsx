import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Page } from '../components/Page.tsx';
import { ErrorState, LoadingState } from '../components/States.tsx';
import { useUiT } from '../i18n/ui-translate.ts';
import { isUnauthorized, readError } from '../trpc/errors.ts';
import { useTRPC } from '../trpc/trpc.ts';
import type { Me, Membership } from '../trpc/types.ts';
import { withReturnTo } from './return-to.ts';

/** Who is signed in (`session.me`); shared by the header and every guard through the cache. */
export function useMeQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.session.me.queryOptions(undefined, { staleTime: 30_000 }));
}

const SessionContext = createContext<Me | null>(null);
const MembershipContext = createContext<Membership | null>(null);

/** The signed-in person; only inside <RequireSession>. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (me === null) throw new Error('useSession is only available inside <RequireSession>');
  return me;
}

/** The membership the person is acting through; only inside <RequireMembership>. */
export function useActiveMembership(): Membership {
  const membership = useContext(MembershipContext);
  if (membership === null) {
    throw new Error('useActiveMembership is only available inside <RequireMembership>');
  }
  return membership;
}

export function activeMembershipOf(me: Me): Membership | null {
  return me.memberships.find((membership) => membership.id === me.activeMembershipId) ?? null;
}

function currentPath(location: { pathname: string; search: string }): string {
  return `${location.pathname}${location.search}`;
}

/**
 * Signed in, or off to sign in (coming back here afterwards). A person whose role needs TOTP
 * and who has none is sent to set it up before anything else.
 */
export function RequireSession() {
  const t = useUiT();
  const location = useLocation();
  const me = useMeQuery();

  if (me.isPending) return <GuardLoading />;
  if (me.isError) {
    if (isUnauthorized(me.error)) {
      return <Navigate to={withReturnTo('/sign-in', currentPath(location))} replace />;
    }
    return (
      <Page width="two-thirds" title={t('state.errorTitle')}>
        <ErrorState
          message={readError(me.error, t('state.unreachable')).message}
          onRetry={() => void me.refetch()}
        />
      </Page>
    );
  }
  if (me.data.twoFactorRequired && location.pathname !== '/two-factor/set-up') {
    return <Navigate to="/two-factor/set-up" replace />;
  }
  return (
    <SessionContext.Provider value={me.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}

/** Acting through a chosen membership, or off to choose one. */
export function RequireMembership() {
  const t = useUiT();
  const me = useSession();
  const location = useLocation();
  const active = activeMembershipOf(me);

  if (me.memberships.length === 0) {
    return (
      <Page width="two-thirds" title={t('session.noMembership.title')}>
        <p className="govuk-body">{t('session.noMembership.body')}</p>
      </Page>
    );
  }
  if (active === null) {
    return <Navigate to={withReturnTo('/choose-organisation', currentPath(location))} replace />;
  }
  return (
    <MembershipContext.Provider value={active}>
      <Outlet />
    </MembershipContext.Provider>
  );
}

/** A page some roles may not use: say so plainly rather than show a broken page. */
export function RequireRole({
  roles,
  children,
}: {
  roles: readonly string[];
  children?: ReactNode;
}) {
  const t = useUiT();
  const membership = useActiveMembership();
  if (!roles.includes(membership.role)) {
    return (
      <Page width="two-thirds" title={t('session.notAllowed.title')}>
        <p className="govuk-body">
          {t('session.notAllowed.body', { role: t(`role.${membership.role}`) })}
        </p>
      </Page>
    );
  }
  return children ?? <Outlet />;
}

function GuardLoading() {
  return (
    <main className="govuk-main-wrapper" id="main-content">
      <LoadingState />
    </main>
  );
}
