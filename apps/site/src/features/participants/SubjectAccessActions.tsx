import { Button, ButtonGroup, ErrorState, readError, todayIso, useTRPC } from '@coproduce/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { Term } from '../glossary/Term.tsx';
import { withTerm } from '../questionnaires/with-term.tsx';
import { saveJson } from './download.ts';
import { useParticipantsT } from './t.ts';
import { type ParticipantRecord, participantPath } from './use-participant.tsx';

/** For the site lead: everything held about the person (file or print), and erasure. */
export function SubjectAccessActions({ record }: { record: ParticipantRecord }) {
  const t = useParticipantsT();
  const trpc = useTRPC();
  const exportAll = useMutation(trpc.participant.exportSubjectAccess.mutationOptions());
  const [downloaded, setDownloaded] = useState(false);
  const base = participantPath(record.participantId);
  return (
    <section aria-labelledby="data-heading" className="app-no-print">
      <h2 className="govuk-heading-m" id="data-heading">
        {t('participant.data.heading')}
      </h2>
      <SubjectAccessIntro />
      {exportAll.isError && (
        <ErrorState message={readError(exportAll.error, t('state.unreachable')).message} />
      )}
      <ButtonGroup>
        <Button
          type="button"
          variant="secondary"
          pending={exportAll.isPending}
          onClick={() =>
            exportAll.mutate(
              { participantId: record.participantId },
              {
                onSuccess: (document) => {
                  saveJson(`subject-access-${record.code}-${todayIso()}.json`, document);
                  setDownloaded(true);
                },
              },
            )
          }
        >
          {exportAll.isPending ? t('participant.data.downloading') : t('participant.data.download')}
        </Button>
        <Link className="govuk-link" to={`${base}/subject-access`}>
          {t('participant.data.print')}
        </Link>
      </ButtonGroup>
      <p className="govuk-body" role="status">
        {downloaded ? t('participant.data.downloaded', { code: record.code }) : ''}
      </p>
      {record.erasedAt === null && (
        <p className="govuk-body">
          <Link
            className="govuk-button govuk-button--warning"
            role="button"
            draggable={false}
            to={`${base}/erase`}
          >
            {t('participant.data.erase')}
          </Link>
        </p>
      )}
    </section>
  );
}

function SubjectAccessIntro() {
  const t = useParticipantsT();
  return (
    <p className="govuk-body">
      {withTerm(
        t('participant.data.intro', { term: '{term}' }),
        <Term id="subject-access-request">{t('participant.data.sarTerm')}</Term>,
      )}
    </p>
  );
}
