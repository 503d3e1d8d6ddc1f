import type { OutcomesReport, TalkingTherapiesSummary } from '@coproduce/domain';
import { describe, expect, it } from 'vitest';
import { outcomesSearch, readOutcomesFilters, validFilters } from './filters.ts';
import {
  CHART,
  chartHasValues,
  countChart,
  countDifference,
  distributionRows,
  effectSizeWord,
  formatCount,
  formatInterval,
  formatNumber,
  formatRate,
  hasOutcomeData,
  layoutChart,
  rateChart,
  talkingTherapiesRates,
} from './view-model.ts';

describe('formatting', () => {
  it.each([
    ['<5', '<5'],
    [0, '0'],
    [7, '7'],
    [57_060, '57,060'],
    [null, '–'],
  ] as const)('shows the count %s as %s', (count, text) => {
    expect(formatCount(count)).toBe(text);
  });

  it.each([
    [27_884 / (57_060 - 3_200), '51.8%'],
    [23 / 85, '27.1%'],
    [16 / 23, '69.6%'],
    [0.0005, '0.1%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [null, '–'],
  ] as const)('shows the rate %s as %s, to one decimal place', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });

  it('writes negative changes with a true minus sign, and intervals in words', () => {
    expect(formatNumber(-6.05)).toBe('−6.1');
    expect(formatNumber(2.7)).toBe('2.7');
    expect(formatNumber(-1.384, 2)).toBe('−1.38');
    expect(formatNumber(-0.01)).toBe('0.0');
    expect(formatNumber(null)).toBe('–');
    expect(formatInterval([-7.44, -4.8])).toBe('−7.4 to −4.8');
    expect(formatInterval(null)).toBe('–');
  });

  it.each([
    [null, null],
    [0.1, 'negligible'],
    [-0.2, 'small'],
    [0.49, 'small'],
    [0.5, 'medium'],
    [-0.8, 'large'],
    [1.4, 'large'],
  ] as const)('calls an effect size of %s %s', (d, word) => {
    expect(effectSizeWord(d)).toBe(word);
  });
});

describe('NHS Talking Therapies rates', () => {
  const tt: TalkingTherapiesSummary = {
    episodes: 58,
    finishedTreatment: 52,
    notAtCasenessAtStart: 9,
    recovered: 22,
    reliablyImproved: 33,
    reliablyDeteriorated: '<5',
    reliablyRecovered: 20,
    recoveryRate: 22 / 43,
    reliableImprovementRate: 33 / 52,
    reliableRecoveryRate: 20 / 43,
  };

  it('spells out each rate’s published denominator', () => {
    expect(talkingTherapiesRates(tt, true)).toEqual([
      {
        key: 'recovery',
        numerator: 22,
        denominator: 43,
        denominatorRule: 'finishedAtCaseness',
        rate: 22 / 43,
      },
      {
        key: 'reliableImprovement',
        numerator: 33,
        denominator: 52,
        denominatorRule: 'finished',
        rate: 33 / 52,
      },
      {
        key: 'reliableRecovery',
        numerator: 20,
        denominator: 43,
        denominatorRule: 'finishedAtCaseness',
        rate: 20 / 43,
      },
    ]);
  });

  it('leaves a denominator unknown when a part is suppressed, and suppresses a small one', () => {
    expect(countDifference(52, '<5', true)).toBeNull();
    expect(countDifference(12, 9, true)).toBe('<5');
    expect(countDifference(12, 9, false)).toBe(3);
    expect(countDifference(9, 9, true)).toBe('<5');
    expect(talkingTherapiesRates({ ...tt, notAtCasenessAtStart: '<5' }, true)[0]?.denominator).toBe(
      null,
    );
  });
});

describe('charts', () => {
  it('scales counts to the largest, draws "<5" as an outline up to 4, and never scales to under 5', () => {
    const chart = countChart(
      ['Baseline', 'Last score'],
      [
        { key: 'mild', label: 'mild', counts: [7, 14] },
        { key: 'severe', label: 'severe', counts: ['<5', null] },
      ],
    );
    expect(chart.rows[0]?.bars).toEqual([
      { series: 0, fraction: 0.5, kind: 'value', text: '7' },
      { series: 1, fraction: 1, kind: 'value', text: '14' },
    ]);
    expect(chart.rows[1]?.bars).toEqual([
      { series: 0, fraction: 4 / 14, kind: 'suppressed', text: '<5' },
      { series: 1, fraction: 0, kind: 'missing', text: '–' },
    ]);
    const small = countChart(['People'], [{ key: 'a', label: 'A', counts: ['<5'] }]);
    expect(small.rows[0]?.bars[0]?.fraction).toBe(4 / 5);
  });

  it('draws rates on a 0–100% scale, clamped', () => {
    const chart = rateChart(
      ['Rate'],
      [
        { key: 'a', label: 'A', rates: [0.518] },
        { key: 'b', label: 'B', rates: [1.2] },
        { key: 'c', label: 'C', rates: [null] },
      ],
    );
    expect(chart.rows.map((row) => row.bars[0])).toEqual([
      { series: 0, fraction: 0.518, kind: 'value', text: '51.8%' },
      { series: 0, fraction: 1, kind: 'value', text: '120.0%' },
      { series: 0, fraction: 0, kind: 'missing', text: '–' },
    ]);
    expect(chartHasValues(chart)).toBe(true);
    expect(chartHasValues(rateChart(['Rate'], [{ key: 'c', label: 'C', rates: [null] }]))).toBe(
      false,
    );
  });

  it('stacks each row’s bars and gives their lengths as a share of the width', () => {
    const [row] = layoutChart(
      countChart(['Baseline', 'Last score'], [{ key: 'mild', label: 'mild', counts: [5, 10] }]),
    );
    expect(row?.height).toBe(2 * CHART.barHeight + CHART.barGap);
    expect(row?.bars.map((bar) => [bar.y, bar.widthPercent])).toEqual([
      [0, CHART.maxBarPercent / 2],
      [CHART.barHeight + CHART.barGap, CHART.maxBarPercent],
    ]);
  });

  it('lines up the bands of both timepoints, in order, with a band missing at one as 0', () => {
    expect(
      distributionRows({
        baseline: [
          { label: 'mild', count: 7 },
          { label: 'severe', count: '<5' },
        ],
        last: [
          { label: 'minimal', count: 11 },
          { label: 'mild', count: 15 },
        ],
      }),
    ).toEqual([
      { key: 'mild', label: 'mild', counts: [7, 15] },
      { key: 'severe', label: 'severe', counts: ['<5', 0] },
      { key: 'minimal', label: 'minimal', counts: [0, 11] },
    ]);
  });
});

describe('hasOutcomeData', () => {
  const empty = {
    measures: [],
    dataQuality: { questionnaires: '<5' },
  } as unknown as OutcomesReport;

  it('is false while nothing (or too little to report) is recorded', () => {
    expect(hasOutcomeData(empty)).toBe(false);
    expect(
      hasOutcomeData({ ...empty, dataQuality: { ...empty.dataQuality, questionnaires: 12 } }),
    ).toBe(true);
  });
});

describe('outcomes filters', () => {
  const site = '0e7f64a2-61c4-4b8e-9d8e-1f4fd3a4c001';
  const programme = { sites: [{ organisationId: site }], periods: [{ number: 1 }, { number: 2 }] };

  it('reads a site and a period from the URL and writes them back', () => {
    const filters = readOutcomesFilters(new URLSearchParams(`site=${site}&period=2`));
    expect(filters).toEqual({ siteId: site, periodNumber: 2 });
    expect(outcomesSearch(filters).toString()).toBe(`site=${site}&period=2`);
    expect(outcomesSearch({}).toString()).toBe('');
  });

  it('ignores malformed values and sites or periods the programme does not have', () => {
    expect(readOutcomesFilters(new URLSearchParams('site=abc&period=0'))).toEqual({});
    expect(readOutcomesFilters(new URLSearchParams('period=2.5'))).toEqual({});
    expect(
      validFilters({ siteId: '11111111-1111-4111-8111-111111111111', periodNumber: 3 }, programme),
    ).toEqual({});
    expect(validFilters({ siteId: site, periodNumber: 1 }, programme)).toEqual({
      siteId: site,
      periodNumber: 1,
    });
  });
});
