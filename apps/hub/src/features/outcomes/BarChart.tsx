import { Details, Table, type TableColumn } from '@coproduce/ui';
import { type ReactNode, useId } from 'react';
import { useT } from '../../i18n.ts';
import {
  CHART,
  type ChartModel,
  chartHasValues,
  layoutChart,
  type PlacedBar,
} from './view-model.ts';

/** GOV.UK colours: text, dark grey, blue. Each is at least 4.5:1 against white. */
const TEXT = '#0b0c0c';
const GREY = '#505a5f';
const BLUE = '#1d70b8';

/**
 * A horizontal bar chart drawn in SVG, with a visible caption, a legend, the figure written
 * beside every bar, and the same figures as a table under "Show as a table". The first series is
 * hatched and the second solid, so the series differ by pattern as well as by colour; a "<5" is
 * drawn as a dashed outline, never as a measured bar.
 */
export function BarChart({
  caption,
  chart,
  table,
}: {
  caption: string;
  chart: ChartModel;
  /** The same figures as an accessible table (its columns and rows). */
  table: { columns: readonly TableColumn[]; rows: readonly { key: string; cells: ReactNode[] }[] };
}) {
  const t = useT();
  const id = useId();
  const captionId = `${id}-caption`;
  const hatchId = `${id}-hatch`;
  const rows = layoutChart(chart);
  const paint = (series: number) => barPaint(series, chart.series.length, hatchId);
  return (
    <figure className="app-chart">
      <figcaption className="govuk-heading-s govuk-!-margin-bottom-2" id={captionId}>
        {caption}
      </figcaption>
      {chartHasValues(chart) ? (
        <>
          <svg
            width="0"
            height="0"
            className="app-chart__defs"
            aria-hidden="true"
            focusable="false"
          >
            <HatchPattern id={hatchId} />
          </svg>
          {chart.series.length > 1 && (
            <ul className="app-chart__legend govuk-body-s" aria-hidden="true">
              {chart.series.map((series, index) => (
                <li key={series} className="app-chart__legend-item">
                  <svg width="24" height="16" aria-hidden="true" focusable="false">
                    <rect x="0.5" y="0.5" width="23" height="15" {...paint(index)} />
                  </svg>
                  {series}
                </li>
              ))}
            </ul>
          )}
          <div role="img" aria-labelledby={captionId} className="app-chart__plot">
            {rows.map((row) => (
              // The row's class sets the font, which the SVG's figures inherit.
              <div key={row.key} className="app-chart__row govuk-body-s">
                <p className="govuk-body-s govuk-!-margin-bottom-1">{row.label}</p>
                <svg
                  width="100%"
                  height={row.height}
                  className="app-chart__bars"
                  aria-hidden="true"
                  focusable="false"
                >
                  {row.bars.map((bar) => (
                    <Bar key={bar.series} bar={bar} paint={paint(bar.series)} />
                  ))}
                </svg>
              </div>
            ))}
          </div>
        </>
      ) : null}
      <Details summary={t('outcomes.showTable')}>
        <Table caption={caption} captionSize="hidden" columns={table.columns} rows={table.rows} />
      </Details>
    </figure>
  );
}

function HatchPattern({ id }: { id: string }) {
  return (
    <defs>
      <pattern
        id={id}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={GREY} strokeWidth="3" />
      </pattern>
    </defs>
  );
}

type Paint = { fill: string; stroke: string; strokeWidth: number };

/** One series: solid blue. Two: the first hatched grey, the second solid blue. */
function barPaint(series: number, seriesCount: number, hatchId: string): Paint {
  return series === 0 && seriesCount > 1
    ? { fill: `url(#${hatchId})`, stroke: GREY, strokeWidth: 1 }
    : { fill: BLUE, stroke: BLUE, strokeWidth: 1 };
}

function Bar({ bar, paint }: { bar: PlacedBar; paint: Paint }) {
  const textY = bar.y + CHART.barHeight / 2;
  const label = (
    <text
      x={`${bar.widthPercent}%`}
      dx={bar.kind === 'missing' ? 0 : 6}
      y={textY}
      dominantBaseline="central"
      fill={TEXT}
      fontSize="16"
    >
      {bar.text}
    </text>
  );
  if (bar.kind === 'missing') return label;
  return (
    <g>
      <rect
        x="0.5"
        y={bar.y + 0.5}
        width={`${bar.widthPercent}%`}
        height={CHART.barHeight - 1}
        {...(bar.kind === 'suppressed'
          ? { fill: 'none', stroke: TEXT, strokeWidth: 1, strokeDasharray: '3 3' }
          : paint)}
      />
      {label}
    </g>
  );
}
