import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ApprovedMilestone,
  detectAchievements,
  detectAchievementsForVersions,
  type EvidenceScore,
  type ParticipantEvidence,
  reportedScore,
} from './achievements.ts';
import { buildOutcome, buildRateCard, buildVersion, expectInvalid } from './test-builders.ts';

const score = (
  instrument: EvidenceScore['instrument'],
  timepoint: string,
  value: number,
  completedOn: string,
  id?: string,
): EvidenceScore => ({ instrument, timepoint, score: value, completedOn, ...(id ? { id } : {}) });

const participant = (
  participantId: string,
  scores: EvidenceScore[] = [],
  attendedSessionDates: string[] = [],
): ParticipantEvidence => ({ participantId, scores, attendedSessionDates });

const card = (trigger: Parameters<typeof buildOutcome>[0]) =>
  buildRateCard({ outcomes: [buildOutcome({ code: 'OUT', ...trigger })] });

describe('detectAchievements', () => {
  describe('reliable improvement (PHQ-9 threshold 6 from instruments.ts)', () => {
    const phq9 = card({
      trigger: { kind: 'reliable-improvement', instrument: 'PHQ9', timepoint: 'end-of-treatment' },
    });

    it.each([
      [18, 12, true],
      [18, 13, false],
      [18, 24, false],
      [6, 0, true],
    ])('baseline %i, end %i → achieved: %s', (baseline, end, achieved) => {
      const found = detectAchievements(phq9, [
        participant('p1', [
          score('PHQ9', 'baseline', baseline, '2026-01-05', 'q1'),
          score('PHQ9', 'end-of-treatment', end, '2026-03-30', 'q2'),
        ]),
      ]);
      expect(found).toEqual(
        achieved
          ? [
              {
                participantId: 'p1',
                milestoneId: null,
                outcomeCode: 'OUT',
                achievedOn: '2026-03-30',
                evidence:
                  'PHQ9 baseline on 2026-01-05 (questionnaire q1) to PHQ9 end-of-treatment on 2026-03-30 (questionnaire q2)',
              },
            ]
          : [],
      );
    });

    it('needs both the baseline and the timepoint, on the same instrument', () => {
      const found = detectAchievements(phq9, [
        participant('p1', [score('PHQ9', 'baseline', 20, '2026-01-05')]),
        participant('p2', [score('PHQ9', 'end-of-treatment', 2, '2026-03-05')]),
        participant('p3', [
          score('GAD7', 'baseline', 20, '2026-01-05'),
          score('PHQ9', 'end-of-treatment', 2, '2026-03-05'),
        ]),
      ]);
      expect(found).toEqual([]);
    });

    it('compares the first questionnaire at each timepoint', () => {
      const found = detectAchievements(phq9, [
        participant('p1', [
          score('PHQ9', 'end-of-treatment', 5, '2026-04-02'),
          score('PHQ9', 'baseline', 9, '2026-01-20'),
          score('PHQ9', 'end-of-treatment', 14, '2026-03-30'),
          score('PHQ9', 'baseline', 20, '2026-01-05'),
        ]),
      ]);
      expect(found.map((a) => a.achievedOn)).toEqual(['2026-03-30']);
    });
  });

  describe('metric gain', () => {
    const swemwbs = card({
      trigger: {
        kind: 'metric-gain',
        instrument: 'SWEMWBS',
        minGain: 3,
        timepoint: 'follow-up-6m',
      },
    });

    it.each([
      [19.25, 22.35, true], // 3.10
      [19.98, 22.35, false], // 2.37
      [20.73, 23.73, true], // exactly 3, with no floating-point slip
      [23.21, 20.73, false],
    ])('SWEMWBS metric %d → %d achieved: %s', (baseline, later, achieved) => {
      const found = detectAchievements(swemwbs, [
        participant('p1', [
          score('SWEMWBS', 'baseline', baseline, '2026-01-05'),
          score('SWEMWBS', 'follow-up-6m', later, '2026-09-01'),
        ]),
      ]);
      expect(found.length === 1).toBe(achieved);
    });

    it('counts a fall as the gain on a lower-is-better instrument', () => {
      const phq9 = card({
        trigger: { kind: 'metric-gain', instrument: 'PHQ9', minGain: 5, timepoint: 'follow-up-3m' },
      });
      const evidence = (later: number) => [
        participant('p1', [
          score('PHQ9', 'baseline', 15, '2026-01-05'),
          score('PHQ9', 'follow-up-3m', later, '2026-06-01'),
        ]),
      ];
      expect(detectAchievements(phq9, evidence(10))).toHaveLength(1);
      expect(detectAchievements(phq9, evidence(11))).toHaveLength(0);
      expect(detectAchievements(phq9, evidence(20))).toHaveLength(0);
    });
  });

  it('dates attended sessions by the Nth session, repeating up to the claim limit', () => {
    const attend = card({
      trigger: { kind: 'attended-sessions', minSessions: 3 },
      maxClaimsPerParticipant: 2,
    });
    const dates = [
      '2026-02-10',
      '2026-01-06',
      '2026-01-20',
      '2026-01-13',
      '2026-02-03',
      '2026-01-27',
      '2026-02-17',
    ];
    const found = detectAchievements(attend, [participant('p1', [], dates)]);
    expect(found.map((a) => [a.achievedOn, a.evidence])).toEqual([
      ['2026-01-20', 'session 3 attended on 2026-01-20'],
      ['2026-02-10', 'session 6 attended on 2026-02-10'],
    ]);
    expect(detectAchievements(attend, [participant('p1', [], dates.slice(0, 2))])).toEqual([]);
  });

  it('dates a completed baseline by the earliest baseline questionnaire', () => {
    const baseline = card({ trigger: { kind: 'baseline-completed' } });
    const found = detectAchievements(baseline, [
      participant('p1', [
        score('GAD7', 'baseline', 12, '2026-01-07'),
        score('PHQ9', 'baseline', 14, '2026-01-05'),
        score('PHQ9', 'session', 10, '2026-01-02'),
      ]),
      participant('p2', [score('PHQ9', 'session', 10, '2026-01-02')]),
    ]);
    expect(found).toEqual([
      {
        participantId: 'p1',
        milestoneId: null,
        outcomeCode: 'OUT',
        achievedOn: '2026-01-05',
        evidence: 'PHQ9 baseline on 2026-01-05',
      },
    ]);
  });

  it('turns each approved milestone with the title into a programme-level achievement', () => {
    const milestoneCard = card({
      trigger: {
        kind: 'milestone-approved',
        milestoneTitle: 'Practitioners trained',
        verifier: 'Hub lead',
      },
    });
    const milestones: ApprovedMilestone[] = [
      {
        milestoneId: 'm2',
        title: 'practitioners  trained ',
        approvedOn: '2026-05-01',
        verifiedBy: 'x',
      },
      {
        milestoneId: 'm1',
        title: 'Practitioners trained',
        approvedOn: '2026-03-01',
        verifiedBy: 'x',
      },
      { milestoneId: 'm3', title: 'Venue booked', approvedOn: '2026-02-01', verifiedBy: 'x' },
    ];
    expect(detectAchievements(milestoneCard, [], milestones)).toEqual([
      {
        participantId: null,
        milestoneId: 'm1',
        outcomeCode: 'OUT',
        achievedOn: '2026-03-01',
        evidence: 'milestone m1 approved on 2026-03-01',
      },
      {
        participantId: null,
        milestoneId: 'm2',
        outcomeCode: 'OUT',
        achievedOn: '2026-05-01',
        evidence: 'milestone m2 approved on 2026-05-01',
      },
    ]);
  });

  it('refuses bad dates and repeated participants, naming the field', () => {
    const baselineCard = card({ trigger: { kind: 'baseline-completed' } });
    expectInvalid(
      () =>
        detectAchievements(baselineCard, [
          participant('p1', [score('PHQ9', 'baseline', 1, '5/1/2026')]),
        ]),
      'evidence.0.scores.0.completedOn',
    );
    expectInvalid(
      () => detectAchievements(baselineCard, [participant('p1', [], ['2026-13-01'])]),
      'evidence.0.attendedSessionDates.0',
    );
    expectInvalid(
      () => detectAchievements(baselineCard, [participant('p1'), participant('p1')]),
      'evidence.1.participantId',
    );
  });

  it('gives the same achievements whatever order the evidence comes in', () => {
    const everything = buildRateCard({
      outcomes: [
        buildOutcome({ code: 'RI' }),
        buildOutcome({
          code: 'ATT',
          trigger: { kind: 'attended-sessions', minSessions: 2 },
          maxClaimsPerParticipant: 3,
        }),
        buildOutcome({ code: 'BASE', trigger: { kind: 'baseline-completed' } }),
      ],
    });
    const date = fc
      .integer({ min: 0, max: 364 })
      .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
    const evidence = fc.uniqueArray(
      fc.record({
        participantId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
        scores: fc.array(
          fc.record({
            instrument: fc.constantFrom('PHQ9' as const, 'GAD7' as const),
            timepoint: fc.constantFrom('baseline', 'end-of-treatment'),
            score: fc.integer({ min: 0, max: 21 }),
            completedOn: date,
          }),
          { maxLength: 4 },
        ),
        attendedSessionDates: fc.array(date, { maxLength: 7 }),
      }),
      { selector: (p) => p.participantId },
    );
    fc.assert(
      fc.property(evidence, (people) => {
        const forwards = detectAchievements(everything, people);
        const backwards = detectAchievements(
          everything,
          [...people].reverse().map((p) => ({
            ...p,
            scores: [...p.scores].reverse(),
            attendedSessionDates: [...p.attendedSessionDates].reverse(),
          })),
        );
        expect(backwards).toEqual(forwards);
      }),
    );
  });
});

describe('detectAchievementsForVersions', () => {
  it("uses each version's trigger for achievements dated while it was in force", () => {
    const attend = (minSessions: number) => ({
      outcomes: [
        buildOutcome({ code: 'ATT', trigger: { kind: 'attended-sessions', minSessions } }),
      ],
    });
    const versions = [
      buildVersion('v1', '2026-01-01', attend(3)),
      buildVersion('v2', '2026-03-01', attend(5)),
    ];
    const early = participant('early', [], ['2026-01-05', '2026-01-12', '2026-01-19']);
    // Three sessions by February (counted under v1); the fifth is in March, under v2.
    const late = participant(
      'late',
      [],
      ['2026-02-02', '2026-02-09', '2026-03-02', '2026-03-09', '2026-03-16'],
    );
    // Under v2 three sessions are no longer enough.
    const amended = participant('amended', [], ['2026-03-02', '2026-03-09', '2026-03-16']);
    const found = detectAchievementsForVersions(versions, [early, late, amended]);
    expect(found.map((a) => [a.participantId, a.achievedOn])).toEqual([
      ['early', '2026-01-19'],
      ['late', '2026-03-16'],
    ]);
  });
});

describe('reportedScore', () => {
  it('uses the metric score for SWEMWBS and the total for the others', () => {
    expect(reportedScore({ instrument: 'SWEMWBS', total: 21, metric: 19.98 })).toBe(19.98);
    expect(reportedScore({ instrument: 'PHQ9', total: 12, metric: null })).toBe(12);
  });
});
