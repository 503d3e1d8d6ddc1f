import {
  AGE_BANDS,
  DISABILITY_STATUSES,
  ETHNIC_GROUPS,
  MAIN_LANGUAGES,
  RELIGIONS,
  SEXES,
} from '@coproduce/domain';
import {
  BackLink,
  ButtonLink,
  Details,
  formatDate,
  NotificationBanner,
  Page,
  SummaryList,
  useActiveMembership,
  useNotice,
  WarningText,
} from '@coproduce/ui';
import { Link } from 'react-router';
import { mayUse } from '../../app/navigation.ts';
import { OutboxStatus } from '../../offline/OutboxStatus.tsx';
import { Term } from '../glossary/Term.tsx';
import { withTerm } from '../questionnaires/with-term.tsx';
import './participants.css';
import { ConsentTag } from './ConsentTag.tsx';
import { SubjectAccessActions } from './SubjectAccessActions.tsx';
import { Timeline } from './Timeline.tsx';
import { useParticipantsT } from './t.ts';
import {
  displayName,
  type ParticipantRecord,
  participantPath,
  WithParticipant,
} from './use-participant.tsx';

/** One participant at the site: who they are, their consent, and what has happened so far. */
export function ParticipantPage() {
  const t = useParticipantsT();
  return (
    <WithParticipant title={t('participant.title')}>
      {(record) => <ParticipantRecordPage record={record} />}
    </WithParticipant>
  );
}

function labelIn(list: readonly { code: string; label: string }[], code: string | null) {
  return code === null ? null : (list.find((entry) => entry.code === code)?.label ?? code);
}

function ParticipantRecordPage({ record }: { record: ParticipantRecord }) {
  const t = useParticipantsT();
  const role = useActiveMembership().role;
  const [notice] = useNotice();
  const notGiven = t('participant.notGiven');
  const erased = record.erasedAt !== null;
  const canRecord =
    !erased && record.consent === 'in-force' && mayUse(role, 'questionnaire.record');
  const openRisk = record.questionnaires.find((q) => q.riskFlag && !q.riskAcknowledged);
  const identity = record.identity;

  return (
    <Page
      title={displayName(record)}
      caption={record.identity === null ? record.programme.name : record.code}
      backLink={<BackLink to="/participants">{t('participant.back')}</BackLink>}
      beforeHeading={
        <>
          {notice !== null && <NotificationBanner key={notice} type="success" heading={notice} />}
          <OutboxStatus />
        </>
      }
    >
      {openRisk !== undefined && (
        <WarningText>
          {t('participant.risk', { date: formatDate(openRisk.recordedOn, t.locale) })}
        </WarningText>
      )}
      {erased && (
        <div className="govuk-inset-text">
          {t('participant.erased', { date: formatDate(record.erasedAt ?? '', t.locale) })}
        </div>
      )}
      {canRecord && (
        <ButtonLink to={`${participantPath(record.participantId)}/questionnaire`}>
          {t('participant.recordQuestionnaire')}
        </ButtonLink>
      )}

      <h2 className="govuk-heading-m">{t('participant.about')}</h2>
      <SummaryList
        rows={[
          {
            key: t('participant.code'),
            value: <span className="app-participant-code">{record.code}</span>,
          },
          { key: t('participant.programme'), value: record.programme.name },
          { key: t('participant.enrolledOn'), value: formatDate(record.enrolledOn, t.locale) },
          ...(identity === null
            ? []
            : [
                {
                  key: t('participant.dateOfBirth'),
                  value: formatDate(identity.dateOfBirth, t.locale),
                },
                { key: t('participant.email'), value: identity.email ?? notGiven },
                { key: t('participant.phone'), value: identity.phone ?? notGiven },
                { key: t('participant.postcode'), value: identity.postcode ?? notGiven },
                { key: t('participant.nhsNumber'), value: identity.nhsNumber ?? notGiven },
              ]),
        ]}
      />

      <ConsentSection record={record} />

      <h2 className="govuk-heading-m" id="timeline-heading">
        {t('participant.timeline.heading')}
      </h2>
      <Timeline record={record} />

      <Details summary={t('participant.equality.heading')}>
        <SummaryList
          rows={[
            ['participant.equality.sex', labelIn(SEXES, record.equality.sex)],
            ['participant.equality.ageBand', labelIn(AGE_BANDS, record.equality.ageBand)],
            [
              'participant.equality.ethnicGroup',
              labelIn(ETHNIC_GROUPS, record.equality.ethnicGroup),
            ],
            ['participant.equality.religion', labelIn(RELIGIONS, record.equality.religion)],
            [
              'participant.equality.mainLanguage',
              labelIn(MAIN_LANGUAGES, record.equality.mainLanguage),
            ],
            [
              'participant.equality.disability',
              labelIn(DISABILITY_STATUSES, record.equality.disability),
            ],
          ].map(([key, value]) => ({
            key: t(key as 'participant.equality.sex'),
            value: value ?? t('participant.equality.notAnswered'),
          }))}
        />
      </Details>

      {mayUse(role, 'participant.exportSubjectAccess') && <SubjectAccessActions record={record} />}
    </Page>
  );
}

function ConsentSection({ record }: { record: ParticipantRecord }) {
  const t = useParticipantsT();
  const role = useActiveMembership().role;
  const [current, ...earlier] = record.consents;
  const mayChange = record.erasedAt === null && mayUse(role, 'participant.withdrawConsent');
  const base = participantPath(record.participantId);
  const scope = (consent: NonNullable<typeof current>) =>
    [
      consent.serviceDelivery && t('participant.consent.serviceDelivery'),
      consent.evaluation && t('participant.consent.evaluation'),
      consent.sharingWithCommissioners && t('participant.consent.sharing'),
    ].filter((line): line is string => typeof line === 'string');

  return (
    <section aria-labelledby="consent-heading">
      <h2 className="govuk-heading-m" id="consent-heading">
        {t('participant.consent.heading')}
      </h2>
      <p className="govuk-body-s">
        {withTerm(
          t('participant.consent.scopeIntro', { term: '{term}' }),
          <Term id="consent-scope">{t('participant.consent.scopeTerm')}</Term>,
        )}
      </p>
      <p className="govuk-body">
        <ConsentTag status={record.consent} />
      </p>
      {current === undefined ? (
        <p className="govuk-body">{t('participant.consent.none')}</p>
      ) : (
        <SummaryList
          rows={[
            {
              key: t('participant.consent.scope'),
              value: (
                <ul className="govuk-list">
                  {scope(current).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ),
            },
            { key: t('participant.consent.notice'), value: current.noticeVersion },
            { key: t('participant.consent.givenOn'), value: formatDate(current.givenOn, t.locale) },
            ...(current.withdrawnOn === null
              ? []
              : [
                  {
                    key: t('participant.consent.withdrawnOn'),
                    value: formatDate(current.withdrawnOn, t.locale),
                  },
                ]),
          ]}
        />
      )}
      {earlier.length > 0 && (
        <Details summary={t('participant.consent.earlier')}>
          <ul className="govuk-list">
            {earlier.map((consent) => (
              <li key={consent.consentId}>
                {consent.noticeVersion}: {formatDate(consent.givenOn, t.locale)}
                {consent.withdrawnOn !== null && ` – ${formatDate(consent.withdrawnOn, t.locale)}`}
              </li>
            ))}
          </ul>
        </Details>
      )}
      {mayChange && (
        <ul className="govuk-list">
          {record.consent === 'in-force' && (
            <li>
              <Link className="govuk-link" to={`${base}/consent/withdraw`}>
                {t('participant.consent.withdraw')}
              </Link>
            </li>
          )}
          <li>
            <Link className="govuk-link" to={`${base}/consent/new`}>
              {t('participant.consent.record')}
            </Link>
          </li>
        </ul>
      )}
    </section>
  );
}
