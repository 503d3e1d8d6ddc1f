import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { activeMembershipOf, useMeQuery } from '../auth/session.tsx';
import { useSignOut } from '../auth/use-sign-out.ts';
import { Footer, type FooterLink } from '../components/Footer.tsx';
import { Header, type HeaderAccount, type NavigationItem } from '../components/Header.tsx';
import { SkipLink } from '../components/SkipLink.tsx';
import { LoadingState } from '../components/States.tsx';
import { useUiT } from '../i18n/ui-translate.ts';
import type { Membership } from '../trpc/types.ts';

/**
 * The frame of every screen: skip link, header with role-aware navigation and the signed-in
 * person, the page (loaded on demand), footer.
 */
export function AppLayout({
  appName,
  navigationFor,
  footerLinks,
}: {
  appName: string;
  /** The links the active membership's role may use. */
  navigationFor: (membership: Membership) => readonly NavigationItem[];
  footerLinks: readonly FooterLink[];
}) {
  const t = useUiT();
  const me = useMeQuery();
  const signOut = useSignOut();
  useRecheckSessionWhenRestored();

  const active = me.data === undefined ? null : activeMembershipOf(me.data);
  const account: HeaderAccount | null =
    me.data === undefined
      ? null
      : {
          personName: me.data.person.name,
          acting:
            active === null
              ? null
              : { roleName: t(`role.${active.role}`), organisationName: active.organisation.name },
          canSwitchOrganisation: me.data.memberships.length > 1,
          onSignOut: () => void signOut(),
        };
  const navigation =
    active !== null && me.data?.twoFactorRequired === false ? navigationFor(active) : [];

  return (
    <>
      <SkipLink />
      <Header appName={appName} navigation={navigation} account={account} />
      <div className="govuk-width-container">
        <Suspense
          fallback={
            <main className="govuk-main-wrapper" id="main-content">
              <LoadingState />
            </main>
          }
        >
          <Outlet />
        </Suspense>
      </div>
      <Footer links={footerLinks} />
      <ScrollRestoration />
    </>
  );
}

/**
 * A page restored from the browser's back-forward cache shows what it showed before; ask the
 * server again so a signed-out person sees sign-in, not the old page.
 */
function useRecheckSessionWhenRestored() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void queryClient.invalidateQueries();
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, [queryClient]);
}
