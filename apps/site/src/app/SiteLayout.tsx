import { AppLayout, type Membership } from '@coproduce/ui';
import { useCallback } from 'react';
import { useT } from '../i18n.ts';
import { siteNavigation } from './navigation.ts';

export function SiteLayout() {
  const t = useT();
  const navigationFor = useCallback((membership: Membership) => siteNavigation(t, membership), [t]);
  return (
    <AppLayout
      appName={t('appName')}
      navigationFor={navigationFor}
      footerLinks={[{ href: '/hub/', text: t('footer.hubApp') }]}
    />
  );
}
