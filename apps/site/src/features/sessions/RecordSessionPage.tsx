import {
  BackLink,
  Button,
  ErrorState,
  ErrorSummary,
  fieldValue,
  formatDate,
  LoadingState,
  Page,
  Radios,
  readError,
  SummaryList,
  TextInput,
  todayIso,
  useActiveMembership,
  useFormErrors,
} from '@coproduce/ui';
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Term } from '../glossary/Term.tsx';
import { SESSION_KINDS, type SessionKind, type SessionsT, useSessionsT } from './i18n.ts';
import { Register, type RegisterMarks, registerFieldId } from './Register.tsx';
import { useSendSession } from './send-session.ts';
import { useDeliverers, useOpenProgrammes } from './session-data.ts';
import { readMinutes } from './session-form.ts';

type Step = 'details' | 'register' | 'check';

interface Draft {
  readonly programmeId: string;
  readonly heldOn: string;
  readonly kind: SessionKind | '';
  readonly title: string;
  readonly duration: string;
  readonly practitionerId: string;
  readonly marks: RegisterMarks;
  /** Made when the form starts: however often it is sent, the session is stored once. */
  readonly idempotencyKey: string;
}

const DETAIL_FIELDS = ['programmeId', 'heldOn', 'kind', 'durationMinutes', 'practitionerId'];

function readStep(value: string | null): Step {
  return value === 'register' || value === 'check' ? value : 'details';
}

function isKind(value: string): value is SessionKind {
  return (SESSION_KINDS as readonly string[]).includes(value);
}

function detailsComplete(draft: Draft): boolean {
  return (
    draft.programmeId !== '' &&
    draft.kind !== '' &&
    draft.heldOn !== '' &&
    readMinutes(draft.duration) !== null &&
    draft.practitionerId !== ''
  );
}

/**
 * Record a session in three short steps, one thing at a time on a phone: about the session,
 * who came (the register), then check and save. Each step has its own address, so the back
 * button goes back a step.
 */
export function RecordSessionPage() {
  const t = useSessionsT();
  const [params, setParams] = useSearchParams();
  const step = readStep(params.get('step'));
  const [draft, setDraft] = useState<Draft>(() => ({
    programmeId: params.get('programmeId') ?? '',
    heldOn: todayIso(),
    kind: '',
    title: '',
    duration: '',
    practitionerId: '',
    marks: {},
    idempotencyKey: crypto.randomUUID(),
  }));

  const goTo = (next: Step, replace = false) =>
    setParams(
      (previous) => {
        const search = new URLSearchParams(previous);
        search.set('step', next);
        return search;
      },
      { replace },
    );

  // Opened on a later step with nothing filled in (a reload): start from the first step.
  const complete = detailsComplete(draft);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the step or details change
  useEffect(() => {
    if (step !== 'details' && !complete) goTo('details', true);
  }, [step, complete]);

  const stepNumber = step === 'details' ? 1 : step === 'register' ? 2 : 3;
  const caption = t('record.caption', { step: stepNumber });
  const backLink =
    step === 'details' ? (
      <BackLink to="/sessions">{t('record.cancel')}</BackLink>
    ) : (
      <BackLink to={{ search: `?step=${step === 'check' ? 'register' : 'details'}` }}>
        {t('record.back')}
      </BackLink>
    );

  if (step === 'details' || !complete) {
    return (
      <DetailsStep
        t={t}
        caption={caption}
        backLink={backLink}
        draft={draft}
        onDone={(details) => {
          setDraft((previous) => ({
            ...previous,
            ...details,
            // A register belongs to one programme's participants.
            marks: details.programmeId === previous.programmeId ? previous.marks : {},
          }));
          goTo('register');
        }}
      />
    );
  }
  if (step === 'register') {
    return (
      <RegisterStep
        t={t}
        caption={caption}
        backLink={backLink}
        draft={draft}
        onChange={(marks) => setDraft((previous) => ({ ...previous, marks }))}
        onDone={() => goTo('check')}
      />
    );
  }
  return <CheckStep t={t} caption={caption} backLink={backLink} draft={draft} />;
}

function DetailsStep({
  t,
  caption,
  backLink,
  draft,
  onDone,
}: {
  t: SessionsT;
  caption: string;
  backLink: ReactNode;
  draft: Draft;
  onDone: (details: Omit<Draft, 'marks' | 'idempotencyKey'>) => void;
}) {
  const programmes = useOpenProgrammes();
  const deliverers = useDeliverers();
  const errors = useFormErrors(DETAIL_FIELDS);

  const title = t('record.detailsTitle');
  if (programmes.isPending || deliverers.isPending || programmes.isError || deliverers.isError) {
    const failed = programmes.error ?? deliverers.error;
    return (
      <Page title={title} caption={caption} backLink={backLink}>
        {failed ? (
          <ErrorState message={readError(failed, t('state.unreachable')).message} />
        ) : (
          <LoadingState label={t('record.loadingPeople')} />
        )}
      </Page>
    );
  }
  if (programmes.data.length === 0) {
    return (
      <Page title={title} caption={caption} backLink={backLink}>
        <p className="govuk-body">{t('record.noProgrammes')}</p>
      </Page>
    );
  }

  const onlyProgramme = programmes.data.length === 1 ? programmes.data[0] : undefined;
  const onlyDeliverer = deliverers.data.length === 1 ? deliverers.data[0] : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const details = {
      programmeId: onlyProgramme?.id ?? fieldValue(form, 'programmeId'),
      heldOn: fieldValue(form, 'heldOn'),
      kind: fieldValue(form, 'kind'),
      title: fieldValue(form, 'title'),
      duration: fieldValue(form, 'durationMinutes'),
      practitionerId: onlyDeliverer?.personId ?? fieldValue(form, 'practitionerId'),
    };
    const problems: Record<string, string> = {};
    if (details.programmeId === '') problems.programmeId = t('record.error.programme');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(details.heldOn)) problems.heldOn = t('record.error.heldOn');
    else if (details.heldOn > todayIso()) problems.heldOn = t('record.error.heldOnFuture');
    if (!isKind(details.kind)) problems.kind = t('record.error.kind');
    if (readMinutes(details.duration) === null) {
      problems.durationMinutes = t('record.error.duration');
    }
    if (details.practitionerId === '') problems.practitionerId = t('record.error.practitioner');
    if (Object.keys(problems).length > 0 || !isKind(details.kind)) {
      errors.fail(problems);
      return;
    }
    errors.clear();
    onDone({ ...details, kind: details.kind });
  };

  return (
    <Page
      title={title}
      caption={caption}
      backLink={backLink}
      width="two-thirds"
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <form noValidate onSubmit={submit}>
        {onlyProgramme === undefined ? (
          <Radios
            name="programmeId"
            legend={t('record.programme')}
            legendSize="s"
            defaultValue={draft.programmeId}
            error={errors.fieldErrors.programmeId}
            items={programmes.data.map((programme) => ({
              value: programme.id,
              text: programme.name,
            }))}
          />
        ) : (
          <p className="govuk-body">
            <strong>{t('record.programme')}:</strong> {onlyProgramme.name}
          </p>
        )}
        <TextInput
          name="heldOn"
          type="date"
          label={t('record.heldOn')}
          defaultValue={draft.heldOn}
          max={todayIso()}
          error={errors.fieldErrors.heldOn}
        />
        <Radios
          name="kind"
          legend={t('record.kind')}
          legendSize="s"
          defaultValue={draft.kind}
          error={errors.fieldErrors.kind}
          items={SESSION_KINDS.map((kind) => ({
            value: kind,
            text: t(`sessionKind.${kind}`),
            hint: t(`sessionKindHint.${kind}`),
          }))}
        />
        <TextInput
          name="title"
          label={t('record.sessionTitle')}
          hint={t('record.sessionTitleHint')}
          defaultValue={draft.title}
          maxLength={120}
          autoComplete="off"
        />
        <TextInput
          name="durationMinutes"
          label={t('record.duration')}
          hint={t('record.durationHint')}
          inputMode="numeric"
          width="4"
          suffix={t('record.durationSuffix')}
          spellCheck={false}
          autoComplete="off"
          defaultValue={draft.duration}
          error={errors.fieldErrors.durationMinutes}
        />
        {onlyDeliverer === undefined ? (
          <Radios
            name="practitionerId"
            legend={t('record.practitioner')}
            legendSize="s"
            hint={t('record.practitionerHint')}
            defaultValue={draft.practitionerId}
            error={errors.fieldErrors.practitionerId}
            items={deliverers.data.map((person) => ({
              value: person.personId,
              text: person.name,
            }))}
          />
        ) : (
          <p className="govuk-body">
            <strong>{t('record.practitioner')}</strong> {onlyDeliverer.name}
          </p>
        )}
        <Button>{t('record.continue')}</Button>
      </form>
    </Page>
  );
}

function RegisterStep({
  t,
  caption,
  backLink,
  draft,
  onChange,
  onDone,
}: {
  t: SessionsT;
  caption: string;
  backLink: ReactNode;
  draft: Draft;
  onChange: (marks: RegisterMarks) => void;
  onDone: () => void;
}) {
  const membership = useActiveMembership();
  const errors = useFormErrors([registerFieldId()]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (Object.keys(draft.marks).length === 0) {
      errors.fail({ [registerFieldId()]: t('register.error.empty') });
      return;
    }
    errors.clear();
    onDone();
  };
  return (
    <Page
      title={t('register.title')}
      caption={caption}
      backLink={backLink}
      width="two-thirds"
      hasErrors={errors.hasErrors}
      beforeHeading={
        errors.hasErrors && <ErrorSummary errors={errors.summaryItems} attempt={errors.attempt} />
      }
    >
      <p className="govuk-body">{t('register.intro')}</p>
      <form noValidate onSubmit={submit}>
        <Register
          siteId={membership.organisation.id}
          programmeId={draft.programmeId}
          marks={draft.marks}
          onChange={(marks) => {
            onChange(marks);
            if (errors.hasErrors) errors.clear();
          }}
          errors={{ '': errors.fieldErrors[registerFieldId()] ?? '' }}
        />
        <Button>{t('record.continue')}</Button>
      </form>
    </Page>
  );
}

function CheckStep({
  t,
  caption,
  backLink,
  draft,
}: {
  t: SessionsT;
  caption: string;
  backLink: ReactNode;
  draft: Draft;
}) {
  const membership = useActiveMembership();
  const navigate = useNavigate();
  const programmes = useOpenProgrammes();
  const deliverers = useDeliverers();
  const sender = useSendSession(t);
  const [failure, setFailure] = useState<{ messages: string[]; attempt: number }>({
    messages: [],
    attempt: 0,
  });
  const marked = useMemo(
    () =>
      Object.entries(draft.marks)
        .map(([participantId, mark]) => ({ participantId, ...mark }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [draft.marks],
  );
  const programmeName =
    programmes.data?.find((programme) => programme.id === draft.programmeId)?.name ?? '';
  const delivererName =
    deliverers.data?.find((person) => person.personId === draft.practitionerId)?.name ?? '';
  const minutes = readMinutes(draft.duration) ?? 0;
  const kind = draft.kind === '' ? 'group' : draft.kind;

  const change = (what: string, step: Step) => (
    <Link className="govuk-link" to={{ search: `?step=${step}` }}>
      {t('check.change')}
      <span className="govuk-visually-hidden"> {what.toLowerCase()}</span>
    </Link>
  );

  const save = async () => {
    try {
      const result = await sender.send({
        programmeId: draft.programmeId,
        siteId: membership.organisation.id,
        heldOn: draft.heldOn,
        kind,
        title: draft.title,
        durationMinutes: minutes,
        practitionerId: draft.practitionerId,
        register: marked.map((mark) => ({
          participantId: mark.participantId,
          status: mark.status,
        })),
        idempotencyKey: draft.idempotencyKey,
      });
      if (result.kind === 'queued') {
        navigate('/sessions', { state: { notice: t('check.queued') } });
      } else {
        navigate(`/sessions/${result.sessionId}`, {
          state: { notice: t(result.alreadyRecorded ? 'check.alreadySaved' : 'check.saved') },
        });
      }
    } catch (error) {
      const read = readError(error, t('state.unreachable'));
      const fields = Object.values(read.fieldErrors).flatMap((messages) => messages.slice(0, 1));
      setFailure((previous) => ({
        messages: fields.length > 0 ? fields : [read.message],
        attempt: previous.attempt + 1,
      }));
    }
  };

  return (
    <Page
      title={t('check.title')}
      caption={caption}
      backLink={backLink}
      width="two-thirds"
      hasErrors={failure.messages.length > 0}
      beforeHeading={
        failure.messages.length > 0 && (
          <ErrorSummary
            errors={failure.messages.map((text) => ({ text }))}
            attempt={failure.attempt}
          />
        )
      }
    >
      <h2 className="govuk-heading-m">{t('check.details')}</h2>
      <SummaryList
        rows={[
          {
            key: t('check.programme'),
            value: programmeName,
            action: change(t('check.programme'), 'details'),
          },
          {
            key: t('check.heldOn'),
            value: formatDate(draft.heldOn, t.locale),
            action: change(t('check.heldOn'), 'details'),
          },
          {
            key: t('check.kind'),
            value: t(`sessionKind.${kind}`),
            action: change(t('check.kind'), 'details'),
          },
          {
            key: t('check.sessionTitle'),
            value: draft.title || t('check.noTitle'),
            action: change(t('check.sessionTitle'), 'details'),
          },
          {
            key: t('check.duration'),
            value: t('check.minutes', { minutes }),
            action: change(t('check.duration'), 'details'),
          },
          {
            key: t('check.deliveredBy'),
            value: delivererName,
            action: change(t('check.deliveredBy'), 'details'),
          },
        ]}
      />
      <h2 className="govuk-heading-m">{t('check.register')}</h2>
      {kind === 'treatment' && (
        <p className="govuk-body">
          {t('check.treatmentNote')}{' '}
          <Term id="finished-treatment">{t('check.treatmentNoteTerm')}</Term>.
        </p>
      )}
      <SummaryList
        rows={marked.map((mark) => ({
          // The code tells apart two people with the same name.
          key: mark.label === mark.code ? mark.code : `${mark.label} (${mark.code})`,
          value: t(`attendance.${mark.status}`),
          action: change(mark.label, 'register'),
        }))}
      />
      <Button pending={sender.pending} type="button" onClick={() => void save()}>
        {t('check.save')}
      </Button>
    </Page>
  );
}
