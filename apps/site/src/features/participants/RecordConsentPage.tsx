import {
  BackLink,
  Button,
  ErrorSummary,
  type ErrorSummaryItem,
  Page,
  readError,
  todayIso,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  ConsentFields,
  type ConsentValues,
  rememberedNoticeVersion,
  rememberNoticeVersion,
} from './ConsentFields.tsx';
import { validateConsent } from './enrol/enrol-steps.ts';
import { problemText, useParticipantsT } from './t.ts';
import {
  displayName,
  type ParticipantRecord,
  participantPath,
  WithParticipant,
} from './use-participant.tsx';

const FIELD_ORDER = ['scope', 'noticeVersion', 'givenOn'];

/** Consent given again: after a withdrawal, a new privacy notice, or a wider scope. */
export function RecordConsentPage() {
  const t = useParticipantsT();
  return (
    <WithParticipant title={t('consent.form.recordTitle')}>
      {(record) => <RecordConsentForm record={record} />}
    </WithParticipant>
  );
}

function RecordConsentForm({ record }: { record: ParticipantRecord }) {
  const t = useParticipantsT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const recordConsent = useMutation(trpc.participant.recordConsent.mutationOptions());
  const [value, setValue] = useState<ConsentValues>(() => ({
    serviceDelivery: false,
    evaluation: false,
    sharingWithCommissioners: false,
    noticeVersion: rememberedNoticeVersion(),
    consentGivenOn: todayIso(),
  }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const back = participantPath(record.participantId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateConsent(value, todayIso());
    const found = Object.fromEntries(
      Object.entries(problems).map(([field, problem]) => [field, problemText(t, problem)]),
    );
    setFormError(null);
    setFieldErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    recordConsent.mutate(
      {
        participantId: record.participantId,
        consent: {
          noticeVersion: value.noticeVersion.trim(),
          serviceDelivery: value.serviceDelivery,
          evaluation: value.evaluation,
          sharingWithCommissioners: value.sharingWithCommissioners,
          givenOn: value.consentGivenOn,
        },
      },
      {
        onSuccess: async () => {
          rememberNoticeVersion(value.noticeVersion);
          await queryClient.invalidateQueries(trpc.participant.pathFilter());
          navigate(back, { state: { notice: t('consent.form.done') } });
        },
        onError: (error) => {
          setFormError(readError(error, t('state.unreachable')).message);
          setAttempt((n) => n + 1);
        },
      },
    );
  };

  const errors: ErrorSummaryItem[] = [
    ...(formError === null ? [] : [{ text: formError }]),
    ...FIELD_ORDER.flatMap((field) => {
      const text = fieldErrors[field];
      return text === undefined ? [] : [{ fieldId: field, text }];
    }),
  ];
  return (
    <Page
      title={t('consent.form.recordTitle')}
      caption={`${displayName(record)} (${record.code})`}
      width="two-thirds"
      hasErrors={errors.length > 0}
      backLink={<BackLink to={back}>{t('common.back')}</BackLink>}
      beforeHeading={<ErrorSummary errors={errors} attempt={attempt} />}
    >
      <form noValidate onSubmit={submit}>
        <ConsentFields value={value} onChange={setValue} errors={fieldErrors} />
        <Button pending={recordConsent.isPending}>{t('consent.form.submit')}</Button>
      </form>
    </Page>
  );
}
