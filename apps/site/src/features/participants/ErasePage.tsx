import {
  BackLink,
  Button,
  ButtonGroup,
  ErrorSummary,
  type ErrorSummaryItem,
  Page,
  Radios,
  readError,
  useTRPC,
  WarningText,
} from '@coproduce/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Term } from '../glossary/Term.tsx';
import { withTerm } from '../questionnaires/with-term.tsx';
import { useParticipantsT } from './t.ts';
import {
  displayName,
  type ParticipantRecord,
  participantPath,
  WithParticipant,
} from './use-participant.tsx';

const REASONS = ['participant-request', 'recorded-in-error', 'retention-ended'] as const;
type Reason = (typeof REASONS)[number];

/** Erasure: a reason, a warning that it cannot be undone, then one action. Site leads only. */
export function ErasePage() {
  const t = useParticipantsT();
  return (
    <WithParticipant title={t('erase.title')}>
      {(record) => <EraseForm record={record} />}
    </WithParticipant>
  );
}

function EraseForm({ record }: { record: ParticipantRecord }) {
  const t = useParticipantsT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const erase = useMutation(trpc.participant.erase.mutationOptions());
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const back = participantPath(record.participantId);

  if (record.erasedAt !== null) {
    return (
      <Page title={t('erase.title')} backLink={<BackLink to={back}>{t('common.back')}</BackLink>}>
        <p className="govuk-body">{t('erase.already')}</p>
      </Page>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = new FormData(event.currentTarget).get('reason');
    if (!REASONS.includes(reason as Reason)) {
      setErrors([{ fieldId: 'reason', text: t('erase.reasonError') }]);
      setAttempt((n) => n + 1);
      return;
    }
    erase.mutate(
      { participantId: record.participantId, reason: reason as Reason },
      {
        onSuccess: async () => {
          await queryClient.invalidateQueries(trpc.participant.pathFilter());
          navigate(back, { state: { notice: t('erase.done') } });
        },
        onError: (error) => {
          setErrors([{ text: readError(error, t('state.unreachable')).message }]);
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  return (
    <Page
      title={t('erase.title')}
      caption={`${displayName(record)} (${record.code})`}
      width="two-thirds"
      hasErrors={errors.length > 0}
      backLink={<BackLink to={back}>{t('common.back')}</BackLink>}
      beforeHeading={<ErrorSummary errors={errors} attempt={attempt} />}
    >
      <WarningText>{t('erase.warning')}</WarningText>
      <p className="govuk-body">{t('erase.what')}</p>
      <p className="govuk-body">
        {withTerm(
          t('erase.termLine', { term: '{term}' }),
          <Term id="erasure">{t('erase.term')}</Term>,
        )}
      </p>
      <form noValidate onSubmit={submit}>
        <Radios
          name="reason"
          legend={t('erase.reason')}
          error={errors.find((e) => e.fieldId === 'reason')?.text}
          items={REASONS.map((reason) => ({ value: reason, text: t(`erase.reason.${reason}`) }))}
        />
        <ButtonGroup>
          <Button variant="warning" pending={erase.isPending}>
            {t('erase.submit')}
          </Button>
          <Link className="govuk-link" to={back}>
            {t('erase.cancel')}
          </Link>
        </ButtonGroup>
      </form>
    </Page>
  );
}
