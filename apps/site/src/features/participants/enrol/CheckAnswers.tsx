import {
  DISABILITY_STATUSES,
  ETHNIC_GROUPS,
  MAIN_LANGUAGES,
  RELIGIONS,
  SEXES,
} from '@coproduce/domain';
import {
  Button,
  ErrorSummary,
  type ErrorSummaryItem,
  formatDate,
  Page,
  type ProgrammeSummary,
  readError,
  SummaryList,
  type SummaryListRow,
  todayIso,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { rememberNoticeVersion } from '../ConsentFields.tsx';
import { problemText, useParticipantsT } from '../t.ts';
import type { Created } from './EnrolPage.tsx';
import {
  type EnrolDraft,
  ethnicGroupOf,
  problemsBeforeCheck,
  readDateParts,
  type StepId,
  stepOfServerField,
  toEnrolment,
} from './enrol-steps.ts';

const ENROL_PATH = '/participants/enrol';

function labelIn(list: readonly { code: string; label: string }[], code: string | null) {
  return code === null ? null : (list.find((entry) => entry.code === code)?.label ?? code);
}

/** GOV.UK's check answers page: every answer with a Change link, then enrol. */
export function CheckAnswers({
  draft,
  programmes,
  siteId,
  backLink,
  onCreated,
}: {
  draft: EnrolDraft;
  programmes: readonly ProgrammeSummary[];
  siteId: string;
  backLink: ReactNode;
  onCreated: (created: Created) => void;
}) {
  const t = useParticipantsT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const enrol = useMutation(trpc.participant.enrol.mutationOptions());
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const notGiven = t('participant.notGiven');
  const notAnswered = t('participant.equality.notAnswered');

  const change = (step: StepId, what: string) => (
    <Link className="govuk-link" id={`change-${step}`} to={`${ENROL_PATH}/${step}?change=1`}>
      {t('enrol.check.change')}
      <span className="govuk-visually-hidden"> {what.toLowerCase()}</span>
    </Link>
  );
  const row = (key: string, value: ReactNode, step: StepId): SummaryListRow => ({
    key,
    value,
    action: change(step, key),
  });

  const dob = readDateParts(draft.dateOfBirth);
  const scope = [
    draft.serviceDelivery && t('consent.form.serviceDelivery'),
    draft.evaluation && t('consent.form.evaluation'),
    draft.sharingWithCommissioners && t('consent.form.sharing'),
  ].filter((line): line is string => typeof line === 'string');
  const answering = draft.wantsEquality === 'yes';

  const submit = () => {
    const problems = problemsBeforeCheck(draft, todayIso());
    if (Object.keys(problems).length > 0) {
      setErrors(Object.values(problems).map((problem) => ({ text: problemText(t, problem) })));
      setAttempt((n) => n + 1);
      return;
    }
    enrol.mutate(toEnrolment(draft, siteId), {
      onSuccess: (result) => {
        rememberNoticeVersion(draft.noticeVersion);
        void queryClient.invalidateQueries(trpc.participant.pathFilter());
        onCreated({ ...result, programmeId: draft.programmeId ?? '' });
      },
      onError: (error) => {
        const read = readError(error, t('state.unreachable'));
        const fields = Object.entries(read.fieldErrors).flatMap(([field, messages]) => {
          const step = stepOfServerField(field);
          return (messages ?? [])
            .slice(0, 1)
            .map((text) => (step === null ? { text } : { text, fieldId: `change-${step}` }));
        });
        setErrors(fields.length > 0 ? fields : [{ text: read.message }]);
        setAttempt((n) => n + 1);
      },
    });
  };

  return (
    <Page
      title={t('enrol.check.title')}
      caption={t('enrol.caption')}
      width="two-thirds"
      hasErrors={errors.length > 0}
      backLink={backLink}
      beforeHeading={<ErrorSummary errors={errors} attempt={attempt} />}
    >
      <h2 className="govuk-heading-m">{t('enrol.check.programme')}</h2>
      <SummaryList
        rows={[
          row(
            t('enrol.check.programme'),
            programmes.find((p) => p.id === draft.programmeId)?.name ?? '',
            'programme',
          ),
        ]}
      />
      <h2 className="govuk-heading-m">{t('enrol.check.about')}</h2>
      <SummaryList
        rows={[
          row(
            t('enrol.check.name'),
            `${draft.givenName.trim()} ${draft.familyName.trim()}`,
            'name',
          ),
          row(
            t('participant.dateOfBirth'),
            'iso' in dob ? formatDate(dob.iso, t.locale) : '',
            'date-of-birth',
          ),
          row(t('participant.email'), draft.email.trim() || notGiven, 'contact'),
          row(t('participant.phone'), draft.phone.trim() || notGiven, 'contact'),
          row(
            t('participant.postcode'),
            draft.postcode.trim().toUpperCase() || notGiven,
            'contact',
          ),
          row(t('participant.nhsNumber'), draft.nhsNumber.trim() || notGiven, 'nhs-number'),
        ]}
      />
      <h2 className="govuk-heading-m">{t('enrol.check.consent')}</h2>
      <SummaryList
        rows={[
          row(
            t('enrol.check.agreedTo'),
            <ul className="govuk-list">
              {scope.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>,
            'consent',
          ),
          row(t('participant.consent.notice'), draft.noticeVersion.trim(), 'consent'),
          row(t('consent.form.givenOn'), formatDate(draft.consentGivenOn, t.locale), 'consent'),
          row(t('enrol.enrolledOn.label'), formatDate(draft.enrolledOn, t.locale), 'enrolled-on'),
        ]}
      />
      <h2 className="govuk-heading-m">{t('enrol.check.equality')}</h2>
      <SummaryList
        rows={[
          row(
            t('enrol.check.answering'),
            answering ? t('enrol.equality.yes') : t('enrol.equality.no'),
            'equality',
          ),
          ...(answering
            ? [
                row(t('participant.equality.sex'), labelIn(SEXES, draft.sex) ?? notAnswered, 'sex'),
                row(
                  t('participant.equality.ethnicGroup'),
                  labelIn(ETHNIC_GROUPS, ethnicGroupOf(draft)) ?? notAnswered,
                  'ethnic-group',
                ),
                row(
                  t('participant.equality.religion'),
                  labelIn(RELIGIONS, draft.religion) ?? notAnswered,
                  'religion',
                ),
                row(
                  t('participant.equality.mainLanguage'),
                  labelIn(MAIN_LANGUAGES, draft.mainLanguage) ?? notAnswered,
                  'language',
                ),
                row(
                  t('participant.equality.disability'),
                  labelIn(DISABILITY_STATUSES, draft.disability) ?? notAnswered,
                  'disability',
                ),
              ]
            : []),
          { key: t('enrol.check.ageBand'), value: t('enrol.check.ageBandValue') },
        ]}
      />
      <Button type="button" pending={enrol.isPending} onClick={submit}>
        {enrol.isPending ? t('enrol.check.sending') : t('enrol.check.submit')}
      </Button>
    </Page>
  );
}
