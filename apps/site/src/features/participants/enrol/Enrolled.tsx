import { Button, Page } from '@coproduce/ui';
import { Link } from 'react-router';
import { Term } from '../../glossary/Term.tsx';
import { withTerm } from '../../questionnaires/with-term.tsx';
import { useParticipantsT } from '../t.ts';
import type { Created } from './EnrolPage.tsx';

/** The confirmation: their participant code, big enough to copy onto paper, and what next. */
export function Enrolled({ created, onAnother }: { created: Created; onAnother: () => void }) {
  const t = useParticipantsT();
  const record = `/participants/${created.participantId}`;
  return (
    <Page title={t('enrol.done.title')} width="two-thirds">
      <div className="govuk-panel govuk-panel--confirmation">
        <div className="govuk-panel__body">
          {t('enrol.done.code')}
          <br />
          <strong className="app-participant-code" data-testid="participant-code">
            {created.code}
          </strong>
        </div>
      </div>
      <p className="govuk-body">
        {withTerm(
          t('enrol.done.codeHint', { term: '{term}' }),
          <Term id="participant-code">{t('participants.introTerm')}</Term>,
        )}
      </p>
      <h2 className="govuk-heading-m">{t('enrol.done.next')}</h2>
      <p className="govuk-body">{t('enrol.done.baselineHint')}</p>
      <p className="govuk-body">
        <Link
          className="govuk-button"
          role="button"
          draggable={false}
          to={`${record}/questionnaire/instrument?timepoint=baseline`}
        >
          {t('enrol.done.baseline')}
        </Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={record}>
          {t('enrol.done.record')}
        </Link>
      </p>
      <Button type="button" variant="secondary" onClick={onAnother}>
        {t('enrol.done.another')}
      </Button>
    </Page>
  );
}
