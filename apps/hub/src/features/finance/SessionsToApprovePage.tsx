import { formatPounds } from '@coproduce/domain';
import {
  Button,
  ButtonGroup,
  EmptyState,
  ErrorState,
  formatDate,
  Loaded,
  NotificationBanner,
  Page,
  readError,
  SummaryList,
  Textarea,
  useIdempotencyKeys,
  useNotice,
  useTRPC,
  WarningText,
} from '@coproduce/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useFinanceT } from './i18n.ts';
import type { WorkLogToApprove } from './types.ts';

/**
 * Practitioners' sessions their site lead confirmed, for the hub to approve (which makes each
 * payable) or reject with a reason. A refusal names the check that failed.
 */
export function SessionsToApprovePage() {
  const t = useFinanceT();
  const trpc = useTRPC();
  const sessions = useQuery(trpc.workLog.toApprove.queryOptions());
  const [notice, setNotice] = useNotice();
  return (
    <Page
      title={t('sessions.title')}
      caption={t('finance.title')}
      width="two-thirds"
      beforeHeading={
        notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />
      }
    >
      <p className="govuk-body">{t('sessions.intro')}</p>
      <Loaded query={sessions} loading={t('sessions.loading')}>
        {(data) =>
          data.workLogs.length === 0 ? (
            <EmptyState>{t('sessions.empty')}</EmptyState>
          ) : (
            data.workLogs.map((log) => (
              <SessionToApprove key={log.id} log={log} onDone={setNotice} />
            ))
          )
        }
      </Loaded>
    </Page>
  );
}

function SessionToApprove({
  log,
  onDone,
}: {
  log: WorkLogToApprove;
  onDone: (notice: string) => void;
}) {
  const t = useFinanceT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const decide = useMutation(trpc.workLog.approve.mutationOptions());
  const keys = useIdempotencyKeys();
  const date = formatDate(log.workedOn, t.locale);
  const names = { name: log.personName, date };
  const headingId = `session-${log.id}`;

  const take = (request: { decision: 'approve' } | { decision: 'reject'; reason: string }) => {
    const input = { workLogId: log.id, ...request };
    decide.mutate(
      { ...input, idempotencyKey: keys.keyFor(input) },
      {
        onSuccess: () => {
          keys.done();
          void finished(
            t(request.decision === 'approve' ? 'sessions.approved' : 'sessions.rejected', names),
          );
        },
      },
    );
  };

  const finished = async (notice: string) => {
    onDone(notice);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.workLog.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.payable.pathKey() }),
    ]);
  };

  const submitReject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (reason === '') {
      setReasonError(t('sessions.error.reason'));
      return;
    }
    setReasonError(undefined);
    take({ decision: 'reject', reason });
  };

  const hidden = <span className="govuk-visually-hidden"> {t('sessions.for', names)}</span>;
  return (
    <section aria-labelledby={headingId} className="app-actions-panel">
      <h2 className="govuk-heading-m" id={headingId}>
        {log.personName}
      </h2>
      <SummaryList
        rows={[
          { key: t('sessions.role'), value: `${log.roleTitle}, ${log.siteName}` },
          { key: t('sessions.programme'), value: log.programmeName },
          { key: t('sessions.date'), value: date },
          {
            key: t('sessions.amount'),
            value: log.amountPence === null ? t('sessions.noRate') : formatPounds(log.amountPence),
          },
          { key: t('sessions.confirmedBy'), value: log.confirmedByName ?? '' },
        ]}
      />
      {log.notPayableBecause !== null && (
        <WarningText>{t('sessions.notPayable', { reason: log.notPayableBecause })}</WarningText>
      )}
      {decide.isError && (
        <ErrorState message={readError(decide.error, t('state.unreachable')).message} />
      )}
      {rejecting ? (
        <form noValidate onSubmit={submitReject}>
          <Textarea
            name="reason"
            id={`reason-${log.id}`}
            label={t('sessions.reason')}
            rows={2}
            error={reasonError}
          />
          <ButtonGroup>
            <Button variant="warning" pending={decide.isPending}>
              {t('sessions.rejectSubmit')}
              {hidden}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <ButtonGroup>
          <Button
            type="button"
            pending={decide.isPending}
            onClick={() => take({ decision: 'approve' })}
          >
            {t('sessions.approve')}
            {hidden}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setRejecting(true)}>
            {t('sessions.reject')}
            {hidden}
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}
