import {
  EmptyState,
  formatDate,
  InsetText,
  QueryStatus,
  SummaryList,
  useActiveMembership,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { CONFIRM_WORK_ROLES } from '../../app/navigation.ts';
import { usePayT } from './t.ts';

/**
 * The account the hub pays into, masked to its last three digits, and a change that is waiting
 * for a second person (payments are held until then). A practitioner sees their own; a site lead
 * their site's.
 */
export function BankDetailsSummary() {
  const t = usePayT();
  const trpc = useTRPC();
  const forSite = CONFIRM_WORK_ROLES.includes(useActiveMembership().role);
  const bank = useQuery(trpc.bankDetails.mine.queryOptions({}));

  if (!bank.isSuccess) return <QueryStatus query={bank} loading={t('bank.loading')} />;
  const { confirmed, pending } = bank.data;
  return (
    <>
      {confirmed === null ? (
        <EmptyState>{t(forSite ? 'bank.noneSite' : 'bank.none')}</EmptyState>
      ) : (
        <SummaryList
          rows={[
            {
              key: t('bank.account'),
              value: t('bank.ending', { last3: confirmed.accountEnding }),
            },
          ]}
        />
      )}
      {pending !== null && (
        <InsetText>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-2">{t('bank.pending.heading')}</h3>
          <p className="govuk-body">
            {t('bank.pending.body', {
              last3: pending.accountEnding,
              date: formatDate(pending.requestedAt, t.locale),
            })}
          </p>
        </InsetText>
      )}
    </>
  );
}
