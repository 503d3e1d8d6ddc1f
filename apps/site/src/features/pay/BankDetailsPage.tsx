import {
  BackLink,
  ButtonLink,
  NotificationBanner,
  Page,
  useActiveMembership,
  useNotice,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { CONFIRM_WORK_ROLES } from '../../app/navigation.ts';
import { BankDetailsSummary } from './BankDetailsSummary.tsx';
import { usePayT } from './t.ts';

/** The account the hub pays into (a practitioner's own, or a site lead's site's), masked. */
export function BankDetailsPage() {
  const t = usePayT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const forSite = CONFIRM_WORK_ROLES.includes(membership.role);
  const [notice] = useNotice();
  const bank = useQuery(trpc.bankDetails.mine.queryOptions({}));
  const canChange = bank.data !== undefined && bank.data.pending === null;

  return (
    <Page
      title={t(forSite ? 'bank.titleSite' : 'bank.title')}
      caption={membership.organisation.name}
      width="two-thirds"
      backLink={<BackLink to="/pay">{t(forSite ? 'bank.backSite' : 'bank.back')}</BackLink>}
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <p className="govuk-body">{t(forSite ? 'bank.introSite' : 'bank.intro')}</p>
      <BankDetailsSummary />
      {canChange && (
        <ButtonLink to="/pay/bank-details/change" variant="secondary">
          {t(bank.data?.confirmed === null ? 'bank.add' : 'bank.change')}
        </ButtonLink>
      )}
    </Page>
  );
}
