import {
  type AppRouter,
  BackLink,
  Button,
  ErrorState,
  formatDate,
  formatDateTime,
  LoadingState,
  Page,
  readError,
  SummaryList,
  Table,
  useTRPC,
} from '@coproduce/ui';
import { useMutation } from '@tanstack/react-query';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { useEffect, useRef } from 'react';
import { useParams } from 'react-router';
import { instrumentShortName } from '../questionnaires/score-words.ts';
import './participants.css';
import { useParticipantsT } from './t.ts';
import { participantPath } from './use-participant.tsx';

type SubjectAccess = inferOutput<TRPCOptionsProxy<AppRouter>['participant']['exportSubjectAccess']>;

/**
 * Everything held about one participant, laid out to print (the app's header, footer and
 * buttons are left off the paper). Opening it is an export, and is recorded like one.
 */
export function SubjectAccessPage() {
  const t = useParticipantsT();
  const trpc = useTRPC();
  const { participantId = '' } = useParams();
  const exportAll = useMutation(trpc.participant.exportSubjectAccess.mutationOptions());
  const asked = useRef(false);
  const { mutate } = exportAll;

  useEffect(() => {
    // Once per visit, also under React's development double effects.
    if (asked.current) return;
    asked.current = true;
    mutate({ participantId });
  }, [mutate, participantId]);

  const backLink = (
    <BackLink to={participantPath(participantId)}>{t('subjectAccess.back')}</BackLink>
  );
  if (!exportAll.isSuccess) {
    return (
      <Page title={t('participant.data.heading')} backLink={backLink}>
        {exportAll.isError ? (
          <ErrorState message={readError(exportAll.error, t('state.unreachable')).message} />
        ) : (
          <LoadingState label={t('subjectAccess.loading')} />
        )}
      </Page>
    );
  }
  return <SubjectAccessCopy copy={exportAll.data} backLink={backLink} />;
}

function SubjectAccessCopy({ copy, backLink }: { copy: SubjectAccess; backLink: React.ReactNode }) {
  const t = useParticipantsT();
  const none = <p className="govuk-body">{t('subjectAccess.none')}</p>;
  const date = (iso: string | null) => (iso === null ? '' : formatDate(iso, t.locale));
  const { participant } = copy;
  const identity = participant.identity;
  return (
    <Page title={t('subjectAccess.title', { code: participant.code })} backLink={backLink}>
      <p className="govuk-body">
        {t('subjectAccess.intro', {
          site: copy.controller.site ?? '',
          date: formatDateTime(copy.exportedAt, t.locale),
        })}
      </p>
      <Button
        type="button"
        variant="secondary"
        className="app-no-print"
        onClick={() => window.print()}
      >
        {t('subjectAccess.print')}
      </Button>
      <section className="app-print-section">
        <h2 className="govuk-heading-m">{t('subjectAccess.identity')}</h2>
        <SummaryList
          rows={[
            { key: t('participant.code'), value: participant.code },
            { key: t('subjectAccess.heldBy'), value: copy.controller.site ?? '' },
            { key: t('subjectAccess.programme'), value: copy.controller.programme },
            { key: t('participant.enrolledOn'), value: date(participant.enrolledOn) },
            ...(identity === null
              ? [{ key: t('enrol.check.name'), value: t('subjectAccess.identityErased') }]
              : [
                  {
                    key: t('enrol.check.name'),
                    value: `${identity.givenName} ${identity.familyName}`,
                  },
                  { key: t('participant.dateOfBirth'), value: date(identity.dateOfBirth) },
                  {
                    key: t('participant.email'),
                    value: identity.email ?? t('participant.notGiven'),
                  },
                  {
                    key: t('participant.phone'),
                    value: identity.phone ?? t('participant.notGiven'),
                  },
                  {
                    key: t('participant.postcode'),
                    value: identity.postcode ?? t('participant.notGiven'),
                  },
                  {
                    key: t('participant.nhsNumber'),
                    value: identity.nhsNumber ?? t('participant.notGiven'),
                  },
                ]),
          ]}
        />
      </section>
      <section className="app-print-section">
        <h2 className="govuk-heading-m">{t('subjectAccess.equality')}</h2>
        <SummaryList
          rows={Object.entries(participant.equalityMonitoring).map(([key, value]) => ({
            key: t.optional(`participant.equality.${key}`) ?? key,
            value: value ?? t('participant.equality.notAnswered'),
          }))}
        />
      </section>
      <section className="app-print-section">
        {copy.consents.length === 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('subjectAccess.consents')}</h2>
            {none}
          </>
        ) : (
          <Table
            caption={t('subjectAccess.consents')}
            columns={[
              { header: t('subjectAccess.col.date') },
              { header: t('subjectAccess.col.version') },
              { header: t('subjectAccess.col.scope') },
              { header: t('subjectAccess.col.withdrawn') },
            ]}
            rows={copy.consents.map((c) => ({
              key: c.consentId,
              cells: [
                date(c.givenOn),
                c.noticeVersion,
                [
                  c.serviceDelivery && t('participant.consent.serviceDelivery'),
                  c.evaluation && t('participant.consent.evaluation'),
                  c.sharingWithCommissioners && t('participant.consent.sharing'),
                ]
                  .filter(Boolean)
                  .join('; '),
                date(c.withdrawnOn),
              ],
            }))}
          />
        )}
      </section>
      <section className="app-print-section">
        {copy.sessions.length === 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('subjectAccess.sessions')}</h2>
            {none}
          </>
        ) : (
          <Table
            caption={t('subjectAccess.sessions')}
            columns={[
              { header: t('subjectAccess.col.date') },
              { header: t('subjectAccess.col.kind') },
              { header: t('subjectAccess.col.title') },
              { header: t('subjectAccess.col.practitioner') },
              { header: t('subjectAccess.col.attendance') },
            ]}
            rows={copy.sessions.map((s, index) => ({
              key: `${s.heldOn}-${index}`,
              cells: [
                date(s.heldOn),
                t.optional(`sessionKind.${s.kind}`) ?? s.kind,
                s.title,
                s.practitioner,
                t.optional(`attendance.${s.attendance}`) ?? s.attendance,
              ],
            }))}
          />
        )}
      </section>
      <section className="app-print-section">
        {copy.questionnaires.length === 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('subjectAccess.questionnaires')}</h2>
            {none}
          </>
        ) : (
          <Table
            caption={t('subjectAccess.questionnaires')}
            columns={[
              { header: t('subjectAccess.col.date') },
              { header: t('subjectAccess.col.instrument') },
              { header: t('subjectAccess.col.timepoint') },
              { header: t('subjectAccess.col.collectedBy') },
              { header: t('subjectAccess.col.answers') },
              { header: t('subjectAccess.col.score'), numeric: true },
            ]}
            rows={copy.questionnaires.map((q, index) => ({
              key: `${q.recordedOn}-${index}`,
              cells: [
                date(q.recordedOn),
                instrumentShortName(q.instrument),
                q.timepoint,
                q.collectedBy,
                (q.answers ?? [])
                  .map((a: number | null) => (a === null ? t('subjectAccess.notAnswered') : a))
                  .join(', '),
                [q.metric ?? q.total, q.band]
                  .filter((v) => v !== null && v !== undefined)
                  .join(' '),
              ],
            }))}
          />
        )}
      </section>
      <section className="app-print-section">
        <Table
          caption={t('subjectAccess.processing')}
          columns={[
            { header: t('subjectAccess.col.date') },
            { header: t('subjectAccess.col.action') },
          ]}
          rows={copy.recordOfProcessing.map((entry, index) => ({
            key: `${entry.at}-${index}`,
            cells: [
              formatDateTime(entry.at, t.locale),
              t.optional(`processing.${entry.action}`) ?? entry.action,
            ],
          }))}
        />
      </section>
    </Page>
  );
}
