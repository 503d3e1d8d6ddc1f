import type { OutcomesReport } from '@coproduce/domain';
import {
  BackLink,
  Button,
  ErrorState,
  formatDate,
  formatDateTime,
  InsetText,
  LoadingState,
  Page,
  type ProgrammeView,
  readError,
  Select,
  saveFile,
  useTRPC,
} from '@coproduce/ui';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useT } from '../../i18n.ts';
import {
  type OutcomesFilters,
  outcomesSearch,
  readOutcomesFilters,
  validFilters,
} from './filters.ts';
import {
  DataQualitySection,
  EqualitySection,
  MeasuresSection,
  RoundsSection,
  SitesSection,
  TalkingTherapiesSection,
  TermsSection,
} from './OutcomesSections.tsx';
import { hasOutcomeData } from './view-model.ts';
import './outcomes.css';

/**
 * Outcomes and data quality of one programme, for the whole programme or one site and one
 * reporting period: change per measure, NHS Talking Therapies rates, baseline coverage and
 * collection rounds, sites and equality reach; and the quarterly monitoring report to download.
 */
export function OutcomesPage() {
  const t = useT();
  const trpc = useTRPC();
  const { programmeId = '' } = useParams();
  const programme = useQuery(trpc.programme.get.queryOptions({ programmeId }));
  const backLink = <BackLink to={`/programmes/${programmeId}`}>{t('outcomes.back')}</BackLink>;

  if (programme.isPending) {
    return (
      <Page title={t('outcomes.title')} backLink={backLink}>
        <LoadingState label={t('outcomes.loading')} />
      </Page>
    );
  }
  if (programme.isError) {
    return (
      <Page title={t('outcomes.title')} backLink={backLink}>
        <ErrorState
          message={readError(programme.error, t('state.unreachable')).message}
          onRetry={() => void programme.refetch()}
        />
      </Page>
    );
  }
  return (
    <Page title={t('outcomes.title')} caption={programme.data.name} backLink={backLink}>
      <OutcomesContent programme={programme.data} />
    </Page>
  );
}

function OutcomesContent({ programme }: { programme: ProgrammeView }) {
  const t = useT();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filters = validFilters(readOutcomesFilters(params), programme);
  const input = { programmeId: programme.id, ...filters };
  const report = useQuery(trpc.outcomes.report.queryOptions(input));

  return (
    <>
      <p className="govuk-body">{t('outcomes.intro')}</p>
      <OutcomesFilterForm
        programme={programme}
        filters={filters}
        onApply={(next) => setParams(outcomesSearch(next))}
      />
      {report.isPending ? (
        <LoadingState label={t('outcomes.loading')} />
      ) : report.isError ? (
        <ErrorState
          message={readError(report.error, t('state.unreachable')).message}
          onRetry={() => void report.refetch()}
        />
      ) : (
        <Report report={report.data} input={input} />
      )}
    </>
  );
}

function OutcomesFilterForm({
  programme,
  filters,
  onApply,
}: {
  programme: ProgrammeView;
  filters: OutcomesFilters;
  onApply: (filters: OutcomesFilters) => void;
}) {
  const t = useT();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const name of ['site', 'period'] as const) {
      const value = form.get(name);
      if (typeof value === 'string' && value !== '') params.set(name, value);
    }
    onApply(validFilters(readOutcomesFilters(params), programme));
  };
  return (
    <form className="app-filter" noValidate onSubmit={submit} aria-labelledby="outcomes-filters">
      <h2 className="govuk-heading-m" id="outcomes-filters">
        {t('outcomes.filters.heading')}
      </h2>
      <div className="app-filter__fields">
        <Select
          name="site"
          label={t('outcomes.filters.site')}
          defaultValue={filters.siteId ?? ''}
          options={[
            { value: '', text: t('outcomes.filters.allSites') },
            ...programme.sites.map((site) => ({ value: site.organisationId, text: site.name })),
          ]}
        />
        <Select
          name="period"
          label={t('outcomes.filters.period')}
          defaultValue={filters.periodNumber === undefined ? '' : String(filters.periodNumber)}
          options={[
            { value: '', text: t('outcomes.filters.allPeriods') },
            ...programme.periods.map((period) => ({
              value: String(period.number),
              text: t('outcomes.filters.periodOption', {
                number: period.number,
                from: formatDate(period.startsOn, t.locale),
                to: formatDate(period.endsOn, t.locale),
              }),
            })),
          ]}
        />
      </div>
      <div className="app-filter__actions">
        <Button>{t('outcomes.filters.apply')}</Button>
      </div>
    </form>
  );
}

function Report({
  report,
  input,
}: {
  report: OutcomesReport;
  input: { programmeId: string } & OutcomesFilters;
}) {
  const t = useT();
  const period = report.period;
  return (
    <>
      <p className="govuk-body" aria-live="polite">
        {t('outcomes.showing', {
          site: report.site?.name ?? t('outcomes.showingAllSites'),
          period:
            period === null
              ? t('outcomes.showingAllPeriods')
              : t('outcomes.showingPeriod', {
                  number: period.number,
                  from: formatDate(period.startsOn, t.locale),
                  to: formatDate(period.endsOn, t.locale),
                }),
          at: formatDateTime(report.generatedAt, t.locale),
        })}
      </p>
      {report.smallNumbersSuppressed && (
        <InsetText>
          <p className="govuk-body">{t('outcomes.suppressed')}</p>
        </InsetText>
      )}
      <DownloadReport input={input} />
      <MeasuresSection report={report} />
      {hasOutcomeData(report) && <TalkingTherapiesSection report={report} />}
      <DataQualitySection report={report} />
      <RoundsSection report={report} />
      <SitesSection report={report} />
      <EqualitySection report={report} />
      <TermsSection />
    </>
  );
}

function DownloadReport({ input }: { input: { programmeId: string } & OutcomesFilters }) {
  const t = useT();
  const trpc = useTRPC();
  const [saved, setSaved] = useState<string | null>(null);
  const download = useMutation(
    trpc.outcomes.monitoringReport.mutationOptions({
      onSuccess: (file) => {
        saveFile(file);
        setSaved(file.fileName);
      },
    }),
  );
  const start = (format: 'pdf' | 'xlsx') => {
    setSaved(null);
    download.mutate({ ...input, format });
  };
  return (
    <section aria-labelledby="outcomes-download" className="app-actions-panel">
      <h2 className="govuk-heading-m" id="outcomes-download">
        {t('outcomes.download.heading')}
      </h2>
      <p className="govuk-body">{t('outcomes.download.body')}</p>
      {download.isError && (
        <ErrorState message={readError(download.error, t('state.unreachable')).message} />
      )}
      <div className="govuk-button-group">
        <Button
          type="button"
          variant="secondary"
          pending={download.isPending}
          onClick={() => start('pdf')}
        >
          {t('outcomes.download.pdf')}
        </Button>
        <Button
          type="button"
          variant="secondary"
          pending={download.isPending}
          onClick={() => start('xlsx')}
        >
          {t('outcomes.download.xlsx')}
        </Button>
      </div>
      <p className="govuk-body govuk-!-margin-bottom-0" role="status">
        {download.isPending
          ? t('outcomes.download.pending')
          : saved !== null
            ? t('outcomes.download.done', { file: saved })
            : ''}
      </p>
    </section>
  );
}
