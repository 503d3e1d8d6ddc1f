import {
  BackLink,
  Button,
  ButtonGroup,
  ErrorSummary,
  type ErrorSummaryItem,
  Page,
  readError,
  TextInput,
  todayIso,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useParticipantsT } from './t.ts';
import {
  displayName,
  type ParticipantRecord,
  participantPath,
  WithParticipant,
} from './use-participant.tsx';

export function WithdrawConsentPage() {
  const t = useParticipantsT();
  return (
    <WithParticipant title={t('withdraw.title')}>
      {(record) => <WithdrawForm record={record} />}
    </WithParticipant>
  );
}

function WithdrawForm({ record }: { record: ParticipantRecord }) {
  const t = useParticipantsT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const withdraw = useMutation(trpc.participant.withdrawConsent.mutationOptions());
  const [withdrawnOn, setWithdrawnOn] = useState(todayIso());
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const back = participantPath(record.participantId);

  const fail = (text: string, fieldId?: string) => {
    setErrors([fieldId === undefined ? { text } : { text, fieldId }]);
    setAttempt((n) => n + 1);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(withdrawnOn))
      return fail(t('withdraw.dateError'), 'withdrawnOn');
    if (withdrawnOn > todayIso()) return fail(t('withdraw.future'), 'withdrawnOn');
    withdraw.mutate(
      { participantId: record.participantId, withdrawnOn },
      {
        onSuccess: async () => {
          await queryClient.invalidateQueries(trpc.participant.pathFilter());
          navigate(back, { state: { notice: t('withdraw.done') } });
        },
        onError: (error) => {
          const read = readError(error, t('state.unreachable'));
          const field = read.fieldErrors.withdrawnOn?.[0];
          fail(field ?? read.message, field === undefined ? undefined : 'withdrawnOn');
        },
      },
    );
  };

  return (
    <Page
      title={t('withdraw.title')}
      caption={`${displayName(record)} (${record.code})`}
      width="two-thirds"
      hasErrors={errors.length > 0}
      backLink={<BackLink to={back}>{t('common.back')}</BackLink>}
      beforeHeading={<ErrorSummary errors={errors} attempt={attempt} />}
    >
      <p className="govuk-body">{t('withdraw.body', { who: displayName(record) })}</p>
      <form noValidate onSubmit={submit}>
        <TextInput
          name="withdrawnOn"
          type="date"
          label={t('withdraw.date')}
          error={errors.find((e) => e.fieldId === 'withdrawnOn')?.text}
          max={todayIso()}
          value={withdrawnOn}
          onChange={(event) => setWithdrawnOn(event.currentTarget.value)}
        />
        <ButtonGroup>
          <Button variant="warning" pending={withdraw.isPending}>
            {t('withdraw.submit')}
          </Button>
          <Link className="govuk-link" to={back}>
            {t('erase.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </Page>
  );
}
