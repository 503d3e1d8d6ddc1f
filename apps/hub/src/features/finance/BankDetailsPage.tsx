import {
  Button,
  ButtonGroup,
  EmptyState,
  ErrorState,
  formatDateTime,
  Loaded,
  NotificationBanner,
  Page,
  readError,
  SummaryList,
  useNotice,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFinanceT } from './i18n.ts';
import { accountWords } from './RunTables.tsx';
import type { PendingBankDetails } from './types.ts';

/**
 * Bank-detail changes waiting for a second person: who they are for, the account now and the
 * account asked for (last three digits only), who asked and when; confirm or reject each.
 */
export function BankDetailsPage() {
  const t = useFinanceT();
  const trpc = useTRPC();
  const pending = useQuery(trpc.bankDetails.pending.queryOptions());
  const [notice, setNotice] = useNotice();
  return (
    <Page
      title={t('bankDetails.title')}
      caption={t('finance.title')}
      width="two-thirds"
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <p className="govuk-body">{t('bankDetails.intro')}</p>
      <Loaded query={pending} loading={t('bankDetails.loading')}>
        {(data) =>
          data.changes.length === 0 ? (
            <EmptyState>{t('bankDetails.empty')}</EmptyState>
          ) : (
            data.changes.map((change) => (
              <BankDetailsChange key={change.bankDetailsId} change={change} onDone={setNotice} />
            ))
          )
        }
      </Loaded>
    </Page>
  );
}

function BankDetailsChange({
  change,
  onDone,
}: {
  change: PendingBankDetails;
  onDone: (notice: string) => void;
}) {
  const t = useFinanceT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const decide = useMutation(trpc.bankDetails.decide.mutationOptions());
  const headingId = `bank-details-${change.bankDetailsId}`;

  const take = (decision: 'confirm' | 'reject') => {
    decide.mutate(
      { bankDetailsId: change.bankDetailsId, decision },
      {
        onSuccess: async () => {
          onDone(
            t(decision === 'confirm' ? 'bankDetails.confirmed' : 'bankDetails.rejected', {
              payee: change.payeeName,
            }),
          );
          await queryClient.invalidateQueries({ queryKey: trpc.bankDetails.pathKey() });
        },
      },
    );
  };

  const hidden = (
    <span className="govuk-visually-hidden">
      {' '}
      {t('bankDetails.for', { payee: change.payeeName })}
    </span>
  );
  return (
    <section aria-labelledby={headingId} className="app-actions-panel">
      <h2 className="govuk-heading-m" id={headingId}>
        {change.payeeName}
      </h2>
      <SummaryList
        rows={[
          { key: t('bankDetails.from'), value: accountWords(t, change.currentAccountEnding) },
          { key: t('bankDetails.to'), value: accountWords(t, change.accountEnding) },
          { key: t('bankDetails.requestedBy'), value: change.requestedByName },
          {
            key: t('bankDetails.requestedAt'),
            value: formatDateTime(change.requestedAt, t.locale),
          },
        ]}
      />
      {decide.isError && (
        <ErrorState message={readError(decide.error, t('state.unreachable')).message} />
      )}
      <ButtonGroup>
        <Button type="button" pending={decide.isPending} onClick={() => take('confirm')}>
          {t('bankDetails.confirm')}
          {hidden}
        </Button>
        <Button
          type="button"
          variant="warning"
          pending={decide.isPending}
          onClick={() => take('reject')}
        >
          {t('bankDetails.reject')}
          {hidden}
        </Button>
      </ButtonGroup>
    </section>
  );
}
