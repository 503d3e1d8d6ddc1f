import { formatPounds } from '@coproduce/domain';
import {
  BackLink,
  Button,
  ErrorSummary,
  fieldValue,
  formatDate,
  Page,
  QueryStatus,
  Radios,
  readError,
  SummaryList,
  type SummaryListRow,
  Textarea,
  useActiveMembership,
  useFormErrors,
  useTRPC,
  WarningText,
} from '@coproduce/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type PayT, usePayT } from './t.ts';
import type { WorkLogToConfirm } from './types.ts';
import { workWhen } from './work-words.ts';

const FIELDS = ['decision', 'reason'] as const;

/** A site lead checks one logged session and confirms it, or says why not. */
export function ConfirmWorkPage() {
  const t = usePayT();
  const trpc = useTRPC();
  const membership = useActiveMembership();
  const { workLogId = '' } = useParams();
  const toConfirm = useQuery(trpc.workLog.toConfirm.queryOptions({}));
  const log = toConfirm.data?.workLogs.find((candidate) => candidate.id === workLogId);
  const title = t(log?.kind === 'month' ? 'confirm.titleMonth' : 'confirm.title');
  const page = {
    title,
    caption: membership.organisation.name,
    backLink: <BackLink to="/pay">{t('confirm.back')}</BackLink>,
  };

  if (!toConfirm.isSuccess) {
    return (
      <Page {...page}>
        <QueryStatus query={toConfirm} loading={t('confirm.loading')} />
      </Page>
    );
  }
  if (log === undefined) {
    return (
      <Page {...page}>
        <p className="govuk-body">{t('confirm.notFound')}</p>
      </Page>
    );
  }
  return <ConfirmForm t={t} page={page} log={log} />;
}

function ConfirmForm({
  t,
  page,
  log,
}: {
  t: PayT;
  page: { title: string; caption: string; backLink: React.ReactNode };
  log: WorkLogToConfirm;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errors = useFormErrors(FIELDS);
  const confirm = useMutation(
    trpc.workLog.confirm.mutationOptions({
      onSuccess: async (_result, input) => {
        await queryClient.invalidateQueries({ queryKey: trpc.workLog.toConfirm.queryKey() });
        void navigate('/pay', {
          state: {
            notice: t(
              input.decision === 'confirm' ? 'confirm.done.confirm' : 'confirm.done.reject',
            ),
          },
        });
      },
      onError: (error) => errors.failWith(readError(error, t('state.unreachable'))),
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirm.isPending) return;
    const form = new FormData(event.currentTarget);
    const decision = fieldValue(form, 'decision');
    const reason = fieldValue(form, 'reason');
    if (decision !== 'confirm' && decision !== 'reject') {
      errors.fail({ decision: t('confirm.decision.error') });
      return;
    }
    if (decision === 'reject' && reason === '') {
      errors.fail({ reason: t('confirm.reason.error') });
      return;
    }
    errors.clear();
    confirm.mutate(
      decision === 'confirm'
        ? { workLogId: log.id, decision: 'confirm' }
        : { workLogId: log.id, decision: 'reject', reason },
    );
  };

  const rows: SummaryListRow[] = [
    { key: t('confirm.practitioner'), value: log.personName },
    { key: t('confirm.role'), value: log.roleTitle },
    { key: t('confirm.programme'), value: log.programmeName },
    { key: t('confirm.when'), value: workWhen(t, log) },
  ];
  if (log.session?.title) rows.push({ key: t('confirm.session'), value: log.session.title });
  if (log.minutes !== null) {
    rows.push({ key: t('confirm.time'), value: t.plural('pay.sessions.minutes', log.minutes) });
  }
  if (log.amountPence !== null) {
    rows.push({ key: t('confirm.amount'), value: formatPounds(log.amountPence) });
  }
  rows.push({ key: t('confirm.logged'), value: formatDate(log.loggedAt, t.locale) });

  return (
    <Page
      {...page}
      width="two-thirds"
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <SummaryList rows={rows} />
      {log.isYours ? (
        <WarningText>{t('confirm.ownWork')}</WarningText>
      ) : (
        <form noValidate onSubmit={submit}>
          <Radios
            name="decision"
            legend={t('confirm.decision', { name: log.personName })}
            error={errors.fieldErrors.decision}
            items={[
              { value: 'confirm', text: t('confirm.decision.confirm') },
              { value: 'reject', text: t('confirm.decision.reject') },
            ]}
          />
          <Textarea
            name="reason"
            label={t('confirm.reason')}
            hint={t('confirm.reason.hint')}
            rows={3}
            maxLength={500}
            error={errors.fieldErrors.reason}
          />
          <Button pending={confirm.isPending}>{t('confirm.submit')}</Button>
        </form>
      )}
    </Page>
  );
}
