import { formatShare } from '@coproduce/domain';
import { type ProgrammeSummary, useWorkflowWords } from '@coproduce/ui';
import { Link } from 'react-router';
import { useT } from '../../i18n.ts';
import { boardColumns } from './list-view.ts';
import { ProgrammeStatus, showsSubState } from './ProgrammeStatus.tsx';

/**
 * The pipeline: one section per lifecycle stage, each with its heading and its programmes as a
 * list. Laid out as columns on a wide screen; read in order (and by heading) with a screen reader.
 */
export function ProgrammeBoard({ programmes }: { programmes: readonly ProgrammeSummary[] }) {
  const t = useT();
  const words = useWorkflowWords();
  return (
    <div className="app-board">
      {boardColumns(programmes).map((stage) => {
        const inStage = programmes.filter((programme) => programme.stage === stage);
        const headingId = `stage-${stage}`;
        return (
          <section key={stage} className="app-board__column" aria-labelledby={headingId}>
            <h2 className="app-board__heading govuk-heading-s" id={headingId}>
              {words.stage(stage)}{' '}
              <span className="app-board__count">
                {t.plural('programmes.board.count', inStage.length)}
              </span>
            </h2>
            {inStage.length === 0 ? (
              <p className="govuk-body-s app-board__empty">{t('programmes.board.empty')}</p>
            ) : (
              <ul className="app-board__cards">
                {inStage.map((programme) => (
                  <li key={programme.id} className="app-board__card">
                    <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
                      <Link className="govuk-link" to={`/programmes/${programme.id}`}>
                        {programme.name}
                      </Link>
                    </h3>
                    {(showsSubState(programme) || programme.overdueReturn) && (
                      <p className="govuk-body-s govuk-!-margin-bottom-2">
                        <ProgrammeStatus programme={programme} showStage={false} />
                      </p>
                    )}
                    {programme.sites.length > 0 && (
                      <p className="govuk-body-s govuk-!-margin-bottom-1">
                        {t('programmes.board.sites', {
                          sites: programme.sites.map((site) => site.name).join(', '),
                        })}
                      </p>
                    )}
                    {programme.funders.length > 0 && (
                      <p className="govuk-body-s govuk-!-margin-bottom-0">
                        {t('programmes.board.funders', {
                          funders: programme.funders
                            .map(
                              (funder) => `${funder.name} ${formatShare(funder.shareBasisPoints)}`,
                            )
                            .join(', '),
                        })}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
