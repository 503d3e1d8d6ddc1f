import { AppLayout, type Membership } from '@coproduce/ui';
import { useCallback } from 'react';
import { useT } from '../i18n.ts';
import { hubNavigation } from './navigation.ts';

export function HubLayout() {
  const t = useT();
  const navigationFor = useCallback((membership: Membership) => hubNavigation(t, membership), [t]);
  return (
    <AppLayout
      appName={t('appName')}
      navigationFor={navigationFor}
      footerLinks={[{ href: '/site/', text: t('footer.siteApp') }]}
    />
  );
}
