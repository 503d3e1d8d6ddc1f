import {
  BackLink,
  Button,
  ErrorSummary,
  type ErrorSummaryItem,
  LoadingState,
  NotFoundPage,
  Page,
  todayIso,
  useActiveMembership,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import '../participants.css';
import { SITE_PROGRAMMES_PAGE } from '../../../app/site-programmes.ts';
import { rememberedNoticeVersion } from '../ConsentFields.tsx';
import { problemText, useParticipantsT } from '../t.ts';
import { CheckAnswers } from './CheckAnswers.tsx';
import { Enrolled } from './Enrolled.tsx';
import {
  allowedStep,
  type EnrolDraft,
  emptyDraft,
  isStepId,
  nextStep,
  type Problems,
  previousStep,
  type StepId,
  validateStep,
} from './enrol-steps.ts';
import { StepFields } from './StepFields.tsx';

export const ENROL_PATH = '/participants/enrol';

/** The stages in which a programme takes new participants (the server checks it too). */
const ENROLLING = new Set(['baseline', 'delivery', 'monitoring']);

/** Field order on each page, so the error summary lists problems as the page shows them. */
const FIELD_ORDER = [
  'programmeId',
  'givenName',
  'familyName',
  'dateOfBirth',
  'email',
  'phone',
  'postcode',
  'nhsNumber',
  'scope',
  'noticeVersion',
  'givenOn',
  'wantsEquality',
  'enrolledOn',
];

/** Where the error summary's link goes for a field. */
export function fieldAnchor(field: string): string {
  return field === 'dateOfBirth' ? 'dateOfBirth-day' : field;
}

export interface Created {
  readonly participantId: string;
  readonly code: string;
  readonly programmeId: string;
}

/** Enrols one participant, one question per page (see enrol-steps.ts for the order). */
export function EnrolPage() {
  const t = useParticipantsT();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const membership = useActiveMembership();
  const siteId = membership.organisation.id;
  const { step: segment } = useParams();
  const [search] = useSearchParams();
  const today = todayIso();
  const [draft, setDraft] = useState<EnrolDraft>(() =>
    emptyDraft(today, rememberedNoticeVersion()),
  );
  const [created, setCreated] = useState<Created | null>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);

  const programmes = useQuery(
    trpc.programme.list.queryOptions({ siteId, limit: SITE_PROGRAMMES_PAGE }),
  );
  const enrolling = (programmes.data?.programmes ?? []).filter((p) => ENROLLING.has(p.stage));

  const step: StepId | null =
    segment === undefined ? 'programme' : isStepId(segment) ? segment : null;
  if (step === null) return <NotFoundPage />;
  if (created !== null && step !== 'done') {
    return <Navigate to={`${ENROL_PATH}/done`} replace />;
  }
  if (step === 'done' && created === null) return <Navigate to={ENROL_PATH} replace />;
  const allowed = allowedStep(draft, step, today);
  if (allowed !== step || segment === undefined) {
    return <Navigate to={`${ENROL_PATH}/${allowed}`} replace />;
  }

  const changing = search.get('change') === '1';
  const go = (to: StepId) => {
    setProblems({});
    navigate(`${ENROL_PATH}/${to}`);
  };
  const previous = previousStep(draft, step);
  const backLink = (
    <BackLink
      to={
        changing || previous === null
          ? changing
            ? `${ENROL_PATH}/check`
            : '/participants'
          : `${ENROL_PATH}/${previous}`
      }
    >
      {t('enrol.back')}
    </BackLink>
  );

  if (step === 'done' && created !== null) {
    return (
      <Enrolled
        created={created}
        onAnother={() => {
          setDraft(emptyDraft(todayIso(), rememberedNoticeVersion()));
          setCreated(null);
          navigate(ENROL_PATH);
        }}
      />
    );
  }
  if (step === 'check') {
    return (
      <CheckAnswers
        draft={draft}
        programmes={enrolling}
        siteId={siteId}
        backLink={backLink}
        onCreated={(result) => {
          setCreated(result);
          navigate(`${ENROL_PATH}/done`, { replace: true });
        }}
      />
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Radios are held by the browser: read them from the form.
    const form = new FormData(event.currentTarget);
    const read = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' && value !== '' ? value : null;
    };
    let next = draft;
    if (step === 'programme') next = { ...draft, programmeId: read('programmeId') };
    if (step === 'equality') {
      const answer = read('wantsEquality');
      next = { ...draft, wantsEquality: answer === 'yes' || answer === 'no' ? answer : null };
    }
    if (step === 'sex') next = { ...draft, sex: read('sex') };
    if (step === 'ethnic-group') {
      const heading = read('ethnicHeading');
      next = {
        ...draft,
        ethnicHeading: heading,
        ethnicGroup: heading === draft.ethnicHeading ? draft.ethnicGroup : null,
      };
    }
    if (step === 'ethnic-background') next = { ...draft, ethnicGroup: read('ethnicGroup') };
    if (step === 'religion') next = { ...draft, religion: read('religion') };
    if (step === 'language') next = { ...draft, mainLanguage: read('mainLanguage') };
    if (step === 'disability') next = { ...draft, disability: read('disability') };
    setDraft(next);
    const found = validateStep(next, step, todayIso());
    if (Object.keys(found).length > 0) {
      setProblems(found);
      setAttempt((n) => n + 1);
      return;
    }
    // A change that opens new questions (yes to equality, an ethnic group) goes on to them.
    const opensMore =
      (step === 'equality' && next.wantsEquality === 'yes' && draft.wantsEquality !== 'yes') ||
      (step === 'ethnic-group' && next.ethnicHeading !== draft.ethnicHeading);
    go(changing && !opensMore ? 'check' : nextStep(next, step));
  };

  const errors: ErrorSummaryItem[] = FIELD_ORDER.flatMap((field) => {
    const problem = problems[field];
    return problem === undefined
      ? []
      : [{ fieldId: fieldAnchor(field), text: problemText(t, problem) }];
  });
  const fieldErrors = Object.fromEntries(
    Object.entries(problems).map(([field, problem]) => [field, problemText(t, problem)]),
  );

  return (
    <StepPage
      title={stepTitle(t, step)}
      backLink={backLink}
      errors={errors}
      attempt={attempt}
      onSubmit={submit}
    >
      {step === 'programme' && programmes.isPending ? (
        <LoadingState label={t('enrol.programme.loading')} />
      ) : (
        <StepFields
          key={step}
          step={step}
          draft={draft}
          onChange={(change) => {
            setDraft((current) => change(current));
          }}
          errors={fieldErrors}
          programmes={enrolling}
        />
      )}
    </StepPage>
  );
}

function StepPage({
  title,
  backLink,
  errors,
  attempt,
  onSubmit,
  children,
}: {
  title: string;
  backLink: ReactNode;
  errors: readonly ErrorSummaryItem[];
  attempt: number;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const t = useParticipantsT();
  return (
    <Page
      title={title}
      caption={t('enrol.caption')}
      width="two-thirds"
      hasErrors={errors.length > 0}
      backLink={backLink}
      beforeHeading={<ErrorSummary errors={errors} attempt={attempt} />}
    >
      <form noValidate onSubmit={onSubmit}>
        {children}
        <Button>{t('enrol.continue')}</Button>
      </form>
    </Page>
  );
}

export function stepTitle(t: ReturnType<typeof useParticipantsT>, step: StepId): string {
  switch (step) {
    case 'programme':
      return t('enrol.programme.title');
    case 'name':
      return t('enrol.name.title');
    case 'date-of-birth':
      return t('enrol.dob.title');
    case 'contact':
      return t('enrol.contact.title');
    case 'nhs-number':
      return t('enrol.nhs.title');
    case 'consent':
      return t('consent.form.title');
    case 'equality':
      return t('enrol.equality.title');
    case 'sex':
      return t('enrol.sex.title');
    case 'ethnic-group':
      return t('enrol.ethnicGroup.title');
    case 'ethnic-background':
      return t('enrol.ethnicBackground.title');
    case 'religion':
      return t('enrol.religion.title');
    case 'language':
      return t('enrol.language.title');
    case 'disability':
      return t('enrol.disability.title');
    case 'enrolled-on':
      return t('enrol.enrolledOn.title');
    case 'check':
      return t('enrol.check.title');
    case 'done':
      return t('enrol.done.title');
  }
}
