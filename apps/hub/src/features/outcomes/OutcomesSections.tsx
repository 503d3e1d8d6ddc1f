import type { DataQuality, MeasureSummary, OutcomesReport, ReportCount } from '@coproduce/domain';
import { EmptyState, SummaryList, Table } from '@coproduce/ui';
import { useT } from '../../i18n.ts';
import { BarChart } from './BarChart.tsx';
import {
  countChart,
  distributionRows,
  effectSizeWord,
  formatCount,
  formatInterval,
  formatNumber,
  formatRate,
  MISSING,
  rateChart,
  talkingTherapiesRates,
} from './view-model.ts';

/** A figure as text; a withheld one ("–") also says "not shown" to screen readers. */
function Figure({ text }: { text: string }) {
  const t = useT();
  if (text !== MISSING) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">{MISSING}</span>
      <span className="govuk-visually-hidden">{t('outcomes.notShown')}</span>
    </>
  );
}

const count = (value: ReportCount | null) => <Figure text={formatCount(value)} />;
const rate = (value: number | null) => <Figure text={formatRate(value)} />;

export function MeasuresSection({ report }: { report: OutcomesReport }) {
  const t = useT();
  return (
    <section aria-labelledby="outcomes-measures">
      <h2 className="govuk-heading-l" id="outcomes-measures">
        {t('outcomes.measures.heading')}
      </h2>
      {report.measures.length === 0 ? (
        <EmptyState>{t('outcomes.empty')}</EmptyState>
      ) : (
        <>
          <p className="govuk-body">{t('outcomes.measures.intro')}</p>
          {report.measures.map((measure) => (
            <Measure key={measure.measure} measure={measure} />
          ))}
        </>
      )}
    </section>
  );
}

function Measure({ measure }: { measure: MeasureSummary }) {
  const t = useT();
  const size = effectSizeWord(measure.effectSize);
  const rows = distributionRows(measure.distribution);
  const series = [t('outcomes.series.baseline'), t('outcomes.series.last')];
  return (
    <div className="govuk-!-margin-bottom-8">
      <h3 className="govuk-heading-m govuk-!-margin-bottom-1">{measure.label}</h3>
      <p className="govuk-hint">
        {measure.higherIsBetter ? t('outcomes.measure.higher') : t('outcomes.measure.lower')}
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <SummaryList
            rows={[
              { key: t('outcomes.measure.n'), value: count(measure.n) },
              {
                key: t('outcomes.measure.meanBaseline'),
                value: <Figure text={formatNumber(measure.meanBaseline)} />,
              },
              {
                key: t('outcomes.measure.meanLast'),
                value: <Figure text={formatNumber(measure.meanLast)} />,
              },
              {
                key: t('outcomes.measure.meanChange'),
                value:
                  measure.meanChange === null ? (
                    <Figure text={MISSING} />
                  ) : (
                    t('outcomes.measure.meanChangeValue', {
                      change: formatNumber(measure.meanChange),
                      interval: formatInterval(measure.ci95),
                    })
                  ),
              },
              {
                key: t('outcomes.measure.effectSize'),
                value:
                  measure.effectSize === null || size === null ? (
                    <Figure text={MISSING} />
                  ) : (
                    t('outcomes.measure.effectSizeValue', {
                      d: formatNumber(measure.effectSize, 2),
                      size: t(`outcomes.effect.${size}`),
                    })
                  ),
              },
              {
                key: t('outcomes.measure.reliablyImproved'),
                value:
                  measure.reliablyImproved === null
                    ? t('outcomes.measure.noThreshold')
                    : measure.reliablyImprovedShare === null
                      ? count(measure.reliablyImproved)
                      : t('outcomes.measure.reliablyImprovedValue', {
                          count: formatCount(measure.reliablyImproved),
                          share: formatRate(measure.reliablyImprovedShare),
                        }),
              },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <BarChart
            caption={t('outcomes.distribution.caption', { measure: measure.label })}
            chart={countChart(
              series,
              rows.map((row) => ({ key: row.key, label: row.label, counts: row.counts })),
            )}
            table={{
              columns: [
                { header: t('outcomes.distribution.score') },
                { header: series[0], numeric: true },
                { header: series[1], numeric: true },
              ],
              rows: rows.map((row) => ({
                key: row.key,
                cells: [row.label, count(row.counts[0]), count(row.counts[1])],
              })),
            }}
          />
        </div>
      </div>
    </div>
  );
}

export function TalkingTherapiesSection({ report }: { report: OutcomesReport }) {
  const t = useT();
  const tt = report.talkingTherapies;
  const rates = talkingTherapiesRates(tt, report.smallNumbersSuppressed);
  const rateLabel = (key: (typeof rates)[number]['key']) => t(`outcomes.tt.rate.${key}`);
  return (
    <section aria-labelledby="outcomes-tt">
      <h2 className="govuk-heading-l" id="outcomes-tt">
        {t('outcomes.tt.heading')}
      </h2>
      <p className="govuk-body">{t('outcomes.tt.intro')}</p>
      <Table
        caption={t('outcomes.tt.ratesCaption')}
        columns={[
          { header: t('outcomes.tt.rate') },
          { header: t('outcomes.tt.numerator'), numeric: true },
          { header: t('outcomes.tt.denominator'), numeric: true },
          { header: t('outcomes.tt.denominatorRule') },
          { header: t('outcomes.tt.rate'), numeric: true },
        ]}
        rows={rates.map((row) => ({
          key: row.key,
          cells: [
            rateLabel(row.key),
            count(row.numerator),
            count(row.denominator),
            t(`outcomes.tt.rule.${row.denominatorRule}`),
            rate(row.rate),
          ],
        }))}
      />
      <BarChart
        caption={t('outcomes.tt.chart')}
        chart={rateChart(
          [t('outcomes.tt.rate')],
          rates.map((row) => ({ key: row.key, label: rateLabel(row.key), rates: [row.rate] })),
        )}
        table={{
          columns: [
            { header: t('outcomes.tt.rate') },
            { header: t('outcomes.tt.rate'), numeric: true },
          ],
          rows: rates.map((row) => ({ key: row.key, cells: [rateLabel(row.key), rate(row.rate)] })),
        }}
      />
      <Table
        caption={t('outcomes.tt.countsCaption')}
        captionSize="s"
        columns={[
          { header: t('outcomes.tt.measure') },
          { header: t('outcomes.tt.count'), numeric: true },
        ]}
        rows={(
          [
            ['episodes', tt.episodes],
            ['finishedTreatment', tt.finishedTreatment],
            ['notAtCaseness', tt.notAtCasenessAtStart],
            ['recovered', tt.recovered],
            ['reliablyImproved', tt.reliablyImproved],
            ['reliablyDeteriorated', tt.reliablyDeteriorated],
            ['reliablyRecovered', tt.reliablyRecovered],
          ] as const
        ).map(([key, value]) => ({ key, cells: [t(`outcomes.tt.${key}`), count(value)] }))}
      />
    </section>
  );
}

/** The data-quality figures in reading order; rates are shares, the rest counts. */
const QUALITY_FIELDS = [
  'enrolled',
  'withBaseline',
  'baselineCoverage',
  'followUpsDue',
  'followUpsReceived',
  'followUpRate',
  'questionnaires',
  'withMissingItems',
  'outOfWindow',
] as const satisfies readonly (keyof DataQuality)[];

const QUALITY_RATES: ReadonlySet<keyof DataQuality> = new Set(['baselineCoverage', 'followUpRate']);

function qualityFigure(quality: DataQuality, field: keyof DataQuality) {
  const value = quality[field];
  if (!QUALITY_RATES.has(field)) return count(value);
  return rate(typeof value === 'number' ? value : null);
}

export function DataQualitySection({ report }: { report: OutcomesReport }) {
  const t = useT();
  const quality = report.dataQuality;
  const rates = [
    {
      key: 'baselineCoverage',
      label: t('outcomes.quality.baselineCoverage'),
      rates: [quality.baselineCoverage],
    },
    {
      key: 'followUpRate',
      label: t('outcomes.quality.followUpRate'),
      rates: [quality.followUpRate],
    },
  ];
  return (
    <section aria-labelledby="outcomes-quality">
      <h2 className="govuk-heading-l" id="outcomes-quality">
        {t('outcomes.quality.heading')}
      </h2>
      <p className="govuk-body">{t('outcomes.quality.intro')}</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Table
            caption={t('outcomes.quality.caption')}
            captionSize="s"
            columns={[
              { header: t('outcomes.quality.measure') },
              { header: t('outcomes.quality.value'), numeric: true },
            ]}
            rows={QUALITY_FIELDS.map((field) => ({
              key: field,
              cells: [t(`outcomes.quality.${field}`), qualityFigure(quality, field)],
            }))}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <BarChart
            caption={t('outcomes.quality.chart')}
            chart={rateChart([t('outcomes.quality.rate')], rates)}
            table={{
              columns: [
                { header: t('outcomes.quality.measure') },
                { header: t('outcomes.quality.rate'), numeric: true },
              ],
              rows: rates.map((row) => ({
                key: row.key,
                cells: [row.label, rate(row.rates[0] ?? null)],
              })),
            }}
          />
        </div>
      </div>
    </section>
  );
}

export function RoundsSection({ report }: { report: OutcomesReport }) {
  const t = useT();
  const series = [t('outcomes.rounds.responseSeries'), t('outcomes.rounds.completionSeries')];
  return (
    <section aria-labelledby="outcomes-rounds">
      <h2 className="govuk-heading-l" id="outcomes-rounds">
        {t('outcomes.rounds.heading')}
      </h2>
      <p className="govuk-body">{t('outcomes.rounds.intro')}</p>
      {report.rounds.length === 0 ? (
        <EmptyState>{t('outcomes.rounds.empty')}</EmptyState>
      ) : (
        <>
          <Table
            caption={t('outcomes.rounds.caption')}
            captionSize="s"
            columns={[
              { header: t('outcomes.rounds.timepoint') },
              { header: t('outcomes.rounds.expected'), numeric: true },
              { header: t('outcomes.rounds.received'), numeric: true },
              { header: t('outcomes.rounds.responseRate'), numeric: true },
              { header: t('outcomes.rounds.complete'), numeric: true },
              { header: t('outcomes.rounds.completionRate'), numeric: true },
            ]}
            rows={report.rounds.map((round) => ({
              key: round.timepointCode,
              cells: [
                round.label,
                count(round.expected),
                count(round.received),
                rate(round.responseRate),
                count(round.complete),
                rate(round.completionRate),
              ],
            }))}
          />
          <BarChart
            caption={t('outcomes.rounds.chart')}
            chart={rateChart(
              series,
              report.rounds.map((round) => ({
                key: round.timepointCode,
                label: round.label,
                rates: [round.responseRate, round.completionRate],
              })),
            )}
            table={{
              columns: [
                { header: t('outcomes.rounds.timepoint') },
                { header: series[0], numeric: true },
                { header: series[1], numeric: true },
              ],
              rows: report.rounds.map((round) => ({
                key: round.timepointCode,
                cells: [round.label, rate(round.responseRate), rate(round.completionRate)],
              })),
            }}
          />
          <Table
            caption={t('outcomes.rounds.collectedCaption')}
            captionSize="s"
            columns={[
              { header: t('outcomes.rounds.timepoint') },
              { header: t('outcomes.rounds.practitioner'), numeric: true },
              { header: t('outcomes.rounds.communityResearcher'), numeric: true },
              { header: t('outcomes.rounds.siteLead'), numeric: true },
            ]}
            rows={report.rounds.map((round) => ({
              key: round.timepointCode,
              cells: [
                round.label,
                count(round.collectedBy.practitioner),
                count(round.collectedBy.communityResearcher),
                count(round.collectedBy.siteLead),
              ],
            }))}
          />
        </>
      )}
    </section>
  );
}

export function SitesSection({ report }: { report: OutcomesReport }) {
  const t = useT();
  return (
    <section aria-labelledby="outcomes-sites">
      <h2 className="govuk-heading-l" id="outcomes-sites">
        {t('outcomes.sites.heading')}
      </h2>
      {report.sites.length === 0 ? (
        <EmptyState>{t('outcomes.sites.empty')}</EmptyState>
      ) : (
        <Table
          caption={t('outcomes.sites.caption')}
          captionSize="s"
          columns={[
            { header: t('outcomes.sites.site') },
            ...QUALITY_FIELDS.map((field) => ({
              header: t(`outcomes.quality.${field}`),
              numeric: true,
            })),
          ]}
          rows={report.sites.map((site) => ({
            key: site.siteId,
            cells: [
              site.siteName,
              ...QUALITY_FIELDS.map((field) => qualityFigure(site.quality, field)),
            ],
          }))}
        />
      )}
    </section>
  );
}

export function EqualitySection({ report }: { report: OutcomesReport }) {
  const t = useT();
  return (
    <section aria-labelledby="outcomes-equality">
      <h2 className="govuk-heading-l" id="outcomes-equality">
        {t('outcomes.equality.heading')}
      </h2>
      <p className="govuk-body">{t('outcomes.equality.intro')}</p>
      {report.equality.length === 0 ? (
        <EmptyState>{t('outcomes.equality.empty')}</EmptyState>
      ) : (
        pairs(report.equality).map((pair) => (
          // Two charts a row, each row its own grid row, so unequal heights leave no gaps.
          <div key={pair.map((reach) => reach.dimension).join('-')} className="govuk-grid-row">
            {pair.map((reach) => (
              <div key={reach.dimension} className="govuk-grid-column-one-half">
                <EqualityChart reach={reach} />
              </div>
            ))}
          </div>
        ))
      )}
    </section>
  );
}

function pairs<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += 2) result.push(items.slice(index, index + 2));
  return result;
}

function EqualityChart({ reach }: { reach: OutcomesReport['equality'][number] }) {
  const t = useT();
  return (
    <BarChart
      caption={t('outcomes.equality.caption', { dimension: reach.label.toLowerCase() })}
      chart={countChart(
        [t('outcomes.equality.people')],
        reach.rows.map((row) => ({ key: row.value, label: row.label, counts: [row.count] })),
      )}
      table={{
        columns: [
          { header: t('outcomes.equality.group') },
          { header: t('outcomes.equality.people'), numeric: true },
        ],
        rows: reach.rows.map((row) => ({ key: row.value, cells: [row.label, count(row.count)] })),
      }}
    />
  );
}

const TERMS = [
  'caseness',
  'reliable',
  'recovery',
  'finished',
  'effectSize',
  'ci',
  'suppressed',
  'coAssessment',
] as const;

/** Plain words for the terms of the trade used on the page (the hub has no glossary of its own). */
export function TermsSection() {
  const t = useT();
  return (
    <section aria-labelledby="outcomes-terms">
      <h2 className="govuk-heading-l" id="outcomes-terms">
        {t('outcomes.terms.heading')}
      </h2>
      <dl className="govuk-summary-list">
        {TERMS.map((term) => (
          <div key={term} className="govuk-summary-list__row" id={`term-${term}`}>
            <dt className="govuk-summary-list__key">{t(`outcomes.terms.${term}`)}</dt>
            <dd className="govuk-summary-list__value">{t(`outcomes.terms.${term}Body`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
