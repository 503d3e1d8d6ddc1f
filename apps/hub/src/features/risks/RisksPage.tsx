import {
  EmptyState,
  ErrorState,
  type KeyPersonRisk,
  LoadingState,
  Page,
  readError,
  useTRPC,
} from '@coproduce/ui';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../i18n.ts';

const SCOPES: readonly KeyPersonRisk['scope'][] = ['network', 'site', 'programme'];

/**
 * Where the network depends on one person (BRIEF, problem 6): a site or programme where one
 * person holds every right needed to act, or a decision with a single approver. Grouped by what
 * is at risk, each naming the people it rests on.
 */
export function RisksPage() {
  const t = useT();
  const trpc = useTRPC();
  const risks = useQuery(trpc.work.keyPersonRisks.queryOptions());

  return (
    <Page title={t('risks.title')}>
      <p className="govuk-body">{t('risks.intro')}</p>
      {risks.isPending ? (
        <LoadingState label={t('risks.loading')} />
      ) : risks.isError ? (
        <ErrorState
          message={readError(risks.error, t('state.unreachable')).message}
          onRetry={() => void risks.refetch()}
        />
      ) : risks.data.risks.length === 0 ? (
        <EmptyState>{t('risks.empty')}</EmptyState>
      ) : (
        <>
          <p className="govuk-body govuk-!-font-weight-bold">
            {t.plural('risks.count', risks.data.risks.length)}
          </p>
          {SCOPES.map((scope) => (
            <RiskGroup
              key={scope}
              scope={scope}
              risks={risks.data.risks.filter((risk) => risk.scope === scope)}
            />
          ))}
        </>
      )}
    </Page>
  );
}

function RiskGroup({
  scope,
  risks,
}: {
  scope: KeyPersonRisk['scope'];
  risks: readonly KeyPersonRisk[];
}) {
  const t = useT();
  if (risks.length === 0) return null;
  const names = [...new Set(risks.map((risk) => risk.name))];
  return (
    <section aria-labelledby={`risks-${scope}`}>
      <h2 className="govuk-heading-l" id={`risks-${scope}`}>
        {t(`risks.scope.${scope}`)}
      </h2>
      {names.map((name) => (
        <div key={name} className="app-card govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-m">{name}</h3>
          <ul className="govuk-list app-risk-list">
            {risks
              .filter((risk) => risk.name === name)
              .map((risk) => (
                <li key={risk.risk} className="app-risk">
                  <p className="govuk-body govuk-!-margin-bottom-1">{risk.risk}</p>
                  <p className="govuk-body-s govuk-!-margin-bottom-0">
                    <strong>{t('risks.people')}</strong>{' '}
                    {risk.people.length === 0 ? t('risks.nobody') : risk.people.join(', ')}
                  </p>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
