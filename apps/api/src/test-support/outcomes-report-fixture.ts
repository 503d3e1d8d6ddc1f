import type { MeasureSummary, OutcomesReport } from '@coproduce/domain';

/**
 * A realistic outcomes report for rendering tests: one programme across two sites, one reporting
 * period, read by a commissioner (so small numbers are suppressed). Figures are fictional but
 * consistent with each other (e.g. response rate = received ÷ expected).
 */
export function buildOutcomesReport(overrides: Partial<OutcomesReport> = {}): OutcomesReport {
  return {
    programme: {
      id: '5b0c6a51-8a8e-4d43-9a55-0c2f7f0d2b11',
      name: 'Family therapy clinics led by trained faith leaders',
    },
    site: null,
    period: { number: 2, startsOn: '2025-04-01', endsOn: '2025-06-30' },
    generatedAt: '2025-07-14T09:30:00.000Z',
    smallNumbersSuppressed: true,
    measures: [PHQ9, GAD7, SWEMWBS, LIFE_SATISFACTION],
    talkingTherapies: {
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
    },
    dataQuality: {
      enrolled: 64,
      withBaseline: 56,
      baselineCoverage: 56 / 64,
      followUpsDue: 48,
      followUpsReceived: 31,
      followUpRate: 31 / 48,
      questionnaires: 212,
      withMissingItems: 7,
      outOfWindow: '<5',
    },
    sites: [
      {
        siteId: '0e7f64a2-61c4-4b8e-9d8e-1f4fd3a4c001',
        siteName: "St Brigid's Community Church",
        quality: {
          enrolled: 38,
          withBaseline: 34,
          baselineCoverage: 34 / 38,
          followUpsDue: 29,
          followUpsReceived: 21,
          followUpRate: 21 / 29,
          questionnaires: 131,
          withMissingItems: '<5',
          outOfWindow: '<5',
        },
      },
      {
        siteId: '0e7f64a2-61c4-4b8e-9d8e-1f4fd3a4c002',
        siteName: 'Al-Noor Community Mosque',
        quality: {
          enrolled: 26,
          withBaseline: 22,
          baselineCoverage: 22 / 26,
          followUpsDue: 19,
          followUpsReceived: 10,
          followUpRate: 10 / 19,
          questionnaires: 81,
          withMissingItems: '<5',
          outOfWindow: '<5',
        },
      },
    ],
    rounds: [
      {
        timepointCode: 'baseline',
        label: 'Baseline',
        expected: 64,
        received: 56,
        complete: 53,
        responseRate: 56 / 64,
        completionRate: 53 / 56,
        collectedBy: { practitioner: 41, communityResearcher: '<5', siteLead: 15 },
      },
      {
        timepointCode: 'end',
        label: 'End of treatment',
        expected: 52,
        received: 45,
        complete: 41,
        responseRate: 45 / 52,
        completionRate: 41 / 45,
        collectedBy: { practitioner: 38, communityResearcher: 7, siteLead: '<5' },
      },
      {
        timepointCode: 'followUp3m',
        label: '3-month follow-up',
        expected: 85,
        received: 23,
        complete: 16,
        responseRate: 23 / 85,
        completionRate: 16 / 23,
        collectedBy: { practitioner: '<5', communityResearcher: 19, siteLead: '<5' },
      },
    ],
    equality: [
      {
        dimension: 'ageBand',
        label: 'Age',
        rows: [
          { value: '16-24', label: '16 to 24', count: 6 },
          { value: '25-49', label: '25 to 49', count: 37 },
          { value: '50-64', label: '50 to 64', count: 17 },
          { value: '65+', label: '65 and over', count: '<5' },
        ],
      },
      {
        dimension: 'religion',
        label: 'Religion',
        rows: [
          { value: 'christian', label: 'Christian', count: 29 },
          { value: 'muslim', label: 'Muslim', count: 24 },
          { value: 'none', label: 'No religion', count: 6 },
          { value: 'preferNotToSay', label: 'Prefer not to say', count: 5 },
        ],
      },
    ],
    ...overrides,
  };
}

const PHQ9: MeasureSummary = {
  measure: 'PHQ9',
  label: 'PHQ-9 (depression)',
  higherIsBetter: false,
  n: 45,
  meanBaseline: 15.2,
  meanLast: 9.1,
  meanChange: -6.1,
  ci95: [-7.4, -4.8],
  effectSize: -1.38,
  reliablyImproved: 27,
  reliablyImprovedShare: 27 / 45,
  distribution: {
    baseline: [
      { label: 'minimal', count: '<5' },
      { label: 'mild', count: 7 },
      { label: 'moderate', count: 14 },
      { label: 'moderately severe', count: 13 },
      { label: 'severe', count: 9 },
    ],
    last: [
      { label: 'minimal', count: 11 },
      { label: 'mild', count: 15 },
      { label: 'moderate', count: 10 },
      { label: 'moderately severe', count: 6 },
      { label: 'severe', count: '<5' },
    ],
  },
};

const GAD7: MeasureSummary = {
  measure: 'GAD7',
  label: 'GAD-7 (anxiety)',
  higherIsBetter: false,
  n: 45,
  meanBaseline: 12.4,
  meanLast: 7.9,
  meanChange: -4.5,
  ci95: [-5.6, -3.4],
  effectSize: -1.21,
  reliablyImproved: 24,
  reliablyImprovedShare: 24 / 45,
  distribution: {
    baseline: [
      { label: 'minimal', count: '<5' },
      { label: 'mild', count: 12 },
      { label: 'moderate', count: 17 },
      { label: 'severe', count: 13 },
    ],
    last: [
      { label: 'minimal', count: 12 },
      { label: 'mild', count: 18 },
      { label: 'moderate', count: 10 },
      { label: 'severe', count: 5 },
    ],
  },
};

const SWEMWBS: MeasureSummary = {
  measure: 'SWEMWBS',
  label: 'SWEMWBS (mental wellbeing)',
  higherIsBetter: true,
  n: 38,
  meanBaseline: 19.6,
  meanLast: 22.3,
  meanChange: 2.7,
  ci95: [1.9, 3.5],
  effectSize: 0.74,
  reliablyImproved: 15,
  reliablyImprovedShare: 15 / 38,
  distribution: {
    baseline: [
      { label: '7–14', count: '<5' },
      { label: '15–19', count: 17 },
      { label: '20–24', count: 15 },
      { label: '25–35', count: '<5' },
    ],
    last: [
      { label: '7–14', count: '<5' },
      { label: '15–19', count: 9 },
      { label: '20–24', count: 19 },
      { label: '25–35', count: 10 },
    ],
  },
};

/** Too few paired scores: every derived figure is withheld. */
const LIFE_SATISFACTION: MeasureSummary = {
  measure: 'ONS4.lifeSatisfaction',
  label: 'ONS4 life satisfaction',
  higherIsBetter: true,
  n: '<5',
  meanBaseline: null,
  meanLast: null,
  meanChange: null,
  ci95: null,
  effectSize: null,
  reliablyImproved: null,
  reliablyImprovedShare: null,
  distribution: {
    baseline: [{ label: '0–10', count: '<5' }],
    last: [{ label: '0–10', count: '<5' }],
  },
};

/**
 * A programme with nothing recorded yet, as a commissioner reads it: 0 is suppressed like any
 * count below 5 (so that "<5" cannot be read as "at least one").
 */
export function buildEmptyOutcomesReport(): OutcomesReport {
  const none = {
    enrolled: '<5',
    withBaseline: '<5',
    baselineCoverage: null,
    followUpsDue: '<5',
    followUpsReceived: '<5',
    followUpRate: null,
    questionnaires: '<5',
    withMissingItems: '<5',
    outOfWindow: '<5',
  } as const;
  return buildOutcomesReport({
    period: null,
    measures: [],
    talkingTherapies: {
      episodes: '<5',
      finishedTreatment: '<5',
      notAtCasenessAtStart: '<5',
      recovered: '<5',
      reliablyImproved: '<5',
      reliablyDeteriorated: '<5',
      reliablyRecovered: '<5',
      recoveryRate: null,
      reliableImprovementRate: null,
      reliableRecoveryRate: null,
    },
    dataQuality: none,
    sites: [],
    rounds: [],
    equality: [],
  });
}
