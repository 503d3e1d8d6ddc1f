import { AppLayout, type Membership } from '@coproduce/ui';
import { useCallback } from 'react';
import { useT } from '../i18n.ts';
import { useOutboxSync } from '../offline/use-outbox.ts';
import { siteNavigation } from './navigation.ts';

export function SiteLayout() {
  const t = useT();
  const navigationFor = useCallback((membership: Membership) => siteNavigation(t, membership), [t]);
  // Sends what was saved on this device while offline: at start and whenever the network returns.
  useOutboxSync();
  return (
    <AppLayout
      appName={t('appName')}
      navigationFor={navigationFor}
      footerLinks={[
        { href: `${import.meta.env.BASE_URL}glossary`, text: t('footer.glossary') },
        { href: '/hub/', text: t('footer.hubApp') },
      ]}
    />
  );
}
