import { useActiveMembership } from '@coproduce/ui';
import { CONFIRM_WORK_ROLES } from '../../app/navigation.ts';
import { SitePayPage } from './SitePayPage.tsx';
import { YourPayPage } from './YourPayPage.tsx';

/** "Pay": a site lead confirms others' sessions; a practitioner sees their own pay. */
export function PayPage() {
  const role = useActiveMembership().role;
  return CONFIRM_WORK_ROLES.includes(role) ? <SitePayPage /> : <YourPayPage />;
}
