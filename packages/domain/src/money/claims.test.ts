import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Achievement } from './achievements.ts';
import {
  type ClaimedBefore,
  type ClaimLineDraft,
  clawbackLine,
  computeClaim,
  ZClaimComputation,
} from './claims.ts';
import { type RateCard, type RateCardVersion, rateCardInForce } from './rate-card.ts';
import { buildOutcome, buildVersion, expectInvalid } from './test-builders.ts';

const achieved = (
  participantId: string | null,
  outcomeCode: string,
  achievedOn: string,
  milestoneId: string | null = null,
): Achievement => ({
  participantId,
  milestoneId,
  outcomeCode,
  achievedOn,
  evidence: `${outcomeCode} ${achievedOn}`,
});

const asClaimed = (lines: readonly ClaimLineDraft[]): ClaimedBefore[] =>
  lines.map(({ participantId, milestoneId, outcomeCode, occurrence, amountPence }) => ({
    participantId,
    milestoneId,
    outcomeCode,
    occurrence,
    amountPence,
  }));

const twoOutcomes = {
  outcomes: [
    buildOutcome({ code: 'PHQ9-RI', pricePence: 30_000 }),
    buildOutcome({
      code: 'ATTEND-6',
      pricePence: 10_000,
      maxClaimsPerParticipant: 2,
      trigger: { kind: 'attended-sessions', minSessions: 6 },
    }),
  ],
};

describe('computeClaim', () => {
  it('prices each achievement, splits it between funders and orders the lines', () => {
    const result = computeClaim({
      versions: [buildVersion('v1', '2026-01-01', twoOutcomes)],
      achievements: [
        achieved('p2', 'PHQ9-RI', '2026-03-01'),
        achieved('p1', 'ATTEND-6', '2026-03-01'),
        achieved('p1', 'PHQ9-RI', '2026-02-01'),
      ],
      alreadyClaimed: [],
    });
    expect(ZClaimComputation.parse(result)).toEqual(result);
    expect(result.lines.map((l) => [l.achievedOn, l.participantId, l.outcomeCode])).toEqual([
      ['2026-02-01', 'p1', 'PHQ9-RI'],
      ['2026-03-01', 'p1', 'ATTEND-6'],
      ['2026-03-01', 'p2', 'PHQ9-RI'],
    ]);
    expect(result.lines[0]).toEqual({
      participantId: 'p1',
      milestoneId: null,
      outcomeCode: 'PHQ9-RI',
      occurrence: 1,
      achievedOn: '2026-02-01',
      rateCardVersionId: 'v1',
      pricePence: 30_000,
      amountPence: 30_000,
      reduction: null,
      note: '',
      evidence: 'PHQ9-RI 2026-02-01',
      funderSplits: [
        { organisationId: 'icb', pence: 18_000 },
        { organisationId: 'council', pence: 12_000 },
      ],
    });
    expect(result.totalPence).toBe(70_000);
    expect(result.perFunder).toEqual([
      { organisationId: 'council', pence: 28_000 },
      { organisationId: 'icb', pence: 42_000 },
    ]);
  });

  it('prices an achievement by the card in force on its date, not the latest', () => {
    const versions = [
      buildVersion('v1', '2026-01-01', { outcomes: [buildOutcome({ pricePence: 30_000 })] }),
      buildVersion('v2', '2026-04-01', { outcomes: [buildOutcome({ pricePence: 35_000 })] }),
    ];
    const { lines } = computeClaim({
      versions,
      achievements: [
        achieved('p1', 'PHQ9-RI', '2026-03-31'),
        achieved('p2', 'PHQ9-RI', '2026-04-01'),
      ],
      alreadyClaimed: [],
    });
    expect(lines.map((l) => [l.rateCardVersionId, l.amountPence])).toEqual([
      ['v1', 30_000],
      ['v2', 35_000],
    ]);
  });

  it('keeps a zero line when no card, or no such outcome, was in force', () => {
    const { lines } = computeClaim({
      versions: [buildVersion('v1', '2026-01-01')],
      achievements: [
        achieved('p1', 'PHQ9-RI', '2025-12-31'),
        achieved('p1', 'GAD7-RI', '2026-02-01'),
      ],
      alreadyClaimed: [],
    });
    expect(lines.map((l) => [l.reduction, l.amountPence, l.rateCardVersionId, l.note])).toEqual([
      ['no-rate-card', 0, null, 'Not claimed: no rate card was in force on 2025-12-31'],
      [
        'no-rate-card',
        0,
        'v1',
        'Not claimed: the rate card in force on 2026-02-01 has no outcome GAD7-RI',
      ],
    ]);
  });

  it('claims a once-only outcome once, and an N-times outcome up to N times', () => {
    const { lines } = computeClaim({
      versions: [buildVersion('v1', '2026-01-01', twoOutcomes)],
      achievements: [
        achieved('p1', 'PHQ9-RI', '2026-02-01'),
        achieved('p1', 'PHQ9-RI', '2026-05-01'),
        achieved('p1', 'ATTEND-6', '2026-02-01'),
        achieved('p1', 'ATTEND-6', '2026-03-01'),
        achieved('p1', 'ATTEND-6', '2026-04-01'),
      ],
      alreadyClaimed: [],
    });
    expect(
      lines.map((l) => [l.outcomeCode, l.occurrence, l.amountPence, l.reduction, l.note]),
    ).toEqual([
      ['ATTEND-6', 1, 10_000, null, ''],
      ['PHQ9-RI', 1, 30_000, null, ''],
      ['ATTEND-6', 2, 10_000, null, ''],
      [
        'ATTEND-6',
        3,
        0,
        'already-claimed',
        'Not claimed: ATTEND-6 can be claimed up to 2 times per participant, and all have been already',
      ],
      [
        'PHQ9-RI',
        2,
        0,
        'already-claimed',
        'Not claimed: PHQ9-RI can be claimed once per participant, and it has been already',
      ],
    ]);
  });

  it('does not repeat what earlier claims covered, zero lines included', () => {
    const versions = [buildVersion('v1', '2026-01-01', twoOutcomes)];
    const first = computeClaim({
      versions,
      achievements: [
        achieved('p1', 'PHQ9-RI', '2026-02-01'),
        achieved('p1', 'PHQ9-RI', '2026-02-02'),
      ],
      alreadyClaimed: [],
    });
    expect(first.lines.map((l) => l.amountPence)).toEqual([30_000, 0]);
    const second = computeClaim({
      versions,
      achievements: [
        achieved('p1', 'PHQ9-RI', '2026-02-01'),
        achieved('p1', 'PHQ9-RI', '2026-02-02'),
        achieved('p2', 'PHQ9-RI', '2026-06-01'),
      ],
      alreadyClaimed: asClaimed(first.lines),
    });
    expect(second.lines.map((l) => [l.participantId, l.occurrence, l.amountPence])).toEqual([
      ['p2', 1, 30_000],
    ]);
  });

  it('reduces a line to what the participant cap leaves, then keeps lines at zero', () => {
    const { lines } = computeClaim({
      versions: [
        buildVersion('v1', '2026-01-01', { ...twoOutcomes, participantCapPence: 100_000 }),
      ],
      achievements: [
        achieved('p1', 'PHQ9-RI', '2026-05-01'),
        achieved('p1', 'ATTEND-6', '2026-06-01'),
      ],
      alreadyClaimed: [
        { participantId: 'p1', outcomeCode: 'OTHER', occurrence: 1, amountPence: 88_000 },
        { participantId: 'p2', outcomeCode: 'OTHER', occurrence: 1, amountPence: 50_000 },
      ],
    });
    expect(lines.map((l) => [l.pricePence, l.amountPence, l.reduction, l.note])).toEqual([
      [
        30_000,
        12_000,
        'capped-participant',
        'Reduced from £300.00 to £120.00: the £1,000.00 cap per participant is reached',
      ],
      [
        10_000,
        0,
        'capped-participant',
        'Not claimed: the £1,000.00 cap per participant was already reached',
      ],
    ]);
    expect(lines[0]?.funderSplits).toEqual([
      { organisationId: 'icb', pence: 7_200 },
      { organisationId: 'council', pence: 4_800 },
    ]);
  });

  it('reduces a line to what the contract cap leaves, counting every participant', () => {
    const { lines, totalPence } = computeClaim({
      versions: [buildVersion('v1', '2026-01-01', { ...twoOutcomes, contractCapPence: 100_000 })],
      achievements: [
        achieved('p2', 'PHQ9-RI', '2026-05-01'),
        achieved('p3', 'PHQ9-RI', '2026-05-02'),
        achieved('p4', 'PHQ9-RI', '2026-05-03'),
      ],
      alreadyClaimed: [
        { participantId: 'p1', outcomeCode: 'PHQ9-RI', occurrence: 1, amountPence: 50_000 },
      ],
    });
    expect(lines.map((l) => [l.amountPence, l.reduction])).toEqual([
      [30_000, null],
      [20_000, 'capped-contract'],
      [0, 'capped-contract'],
    ]);
    expect(lines[1]?.note).toBe(
      'Reduced from £300.00 to £200.00: the £1,000.00 contract cap is reached',
    );
    expect(totalPence).toBe(50_000);
  });

  it('lets an outcome be earned again once its clawback cancelled it, with a new occurrence', () => {
    const { lines } = computeClaim({
      versions: [buildVersion('v1', '2026-01-01', { ...twoOutcomes, participantCapPence: 30_000 })],
      achievements: [achieved('p1', 'PHQ9-RI', '2026-08-01')],
      alreadyClaimed: [
        { participantId: 'p1', outcomeCode: 'PHQ9-RI', occurrence: 1, amountPence: 30_000 },
        { participantId: 'p1', outcomeCode: 'PHQ9-RI', occurrence: 1, amountPence: -30_000 },
      ],
    });
    expect(lines.map((l) => [l.occurrence, l.amountPence, l.reduction])).toEqual([
      [2, 30_000, null],
    ]);
  });

  it('counts programme-level outcomes per milestone, outside participant caps', () => {
    const versions = [
      buildVersion('v1', '2026-01-01', {
        participantCapPence: 1,
        outcomes: [
          buildOutcome({
            code: 'M-TRAINED',
            pricePence: 500_000,
            trigger: {
              kind: 'milestone-approved',
              milestoneTitle: 'Trained',
              verifier: 'Hub lead',
            },
          }),
        ],
      }),
    ];
    const { lines } = computeClaim({
      versions,
      achievements: [
        achieved(null, 'M-TRAINED', '2026-03-01', 'm1'),
        achieved(null, 'M-TRAINED', '2026-04-01', 'm2'),
      ],
      alreadyClaimed: [
        {
          participantId: null,
          milestoneId: 'm1',
          outcomeCode: 'M-TRAINED',
          occurrence: 1,
          amountPence: 500_000,
        },
      ],
    });
    expect(lines.map((l) => [l.milestoneId, l.occurrence, l.amountPence])).toEqual([
      ['m2', 1, 500_000],
    ]);
  });

  it('refuses bad dates and occurrences, naming the field', () => {
    const versions = [buildVersion('v1', '2026-01-01')];
    expectInvalid(
      () =>
        computeClaim({
          versions,
          achievements: [achieved('p1', 'PHQ9-RI', '2026-1-1')],
          alreadyClaimed: [],
        }),
      'achievements.0.achievedOn',
    );
    expectInvalid(
      () =>
        computeClaim({
          versions,
          achievements: [],
          alreadyClaimed: [
            { participantId: 'p1', outcomeCode: 'PHQ9-RI', occurrence: 0, amountPence: 1 },
          ],
        }),
      'alreadyClaimed.0.occurrence',
    );
  });
});

describe('clawbackLine', () => {
  it('negates the amount and every funder part, linked to the original', () => {
    const line = clawbackLine({
      id: 'line-1',
      participantId: 'p1',
      outcomeCode: 'PHQ9-RI',
      occurrence: 1,
      achievedOn: '2026-03-01',
      rateCardVersionId: 'v1',
      pricePence: 30_000,
      amountPence: 12_000,
      funderSplits: [
        { organisationId: 'icb', pence: 12_000 },
        { organisationId: 'council', pence: 0 },
      ],
    });
    expect(line).toMatchObject({
      clawbackOfLineId: 'line-1',
      participantId: 'p1',
      occurrence: 1,
      amountPence: -12_000,
      reduction: null,
      note: 'Clawback of £120.00 claimed for PHQ9-RI: the evidence was withdrawn',
      funderSplits: [
        { organisationId: 'icb', pence: -12_000 },
        { organisationId: 'council', pence: 0 },
      ],
    });
  });

  it('refuses a zero line and splits that do not add up', () => {
    const base = {
      id: 'l',
      participantId: 'p1',
      outcomeCode: 'X',
      occurrence: 1,
      achievedOn: '2026-03-01',
      rateCardVersionId: 'v1',
      pricePence: 100,
    };
    expectInvalid(() => clawbackLine({ ...base, amountPence: 0, funderSplits: [] }), 'amountPence');
    expectInvalid(
      () =>
        clawbackLine({
          ...base,
          amountPence: 100,
          funderSplits: [{ organisationId: 'a', pence: 99 }],
        }),
      'funderSplits',
    );
  });
});

interface Scenario {
  versions: RateCardVersion[];
  participantCapPence: number | null;
  contractCapPence: number | null;
  achievements: Achievement[];
  splitAt: number;
}

describe('computeClaim properties', () => {
  const participants = ['p1', 'p2', 'p3', 'p4'];
  const outcomeCodes = ['A', 'B', 'C'];
  const date = fc
    .integer({ min: 0, max: 729 })
    .map((d) => new Date(Date.UTC(2025, 6, 1 + d)).toISOString().slice(0, 10));
  const cap = fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null });
  const card = fc.record({
    outcomes: fc.tuple(
      ...outcomeCodes.map((code) =>
        fc
          .record({
            price: fc.integer({ min: 0, max: 50_000 }),
            max: fc.integer({ min: 1, max: 3 }),
          })
          .map(({ price, max }) =>
            buildOutcome({ code, pricePence: price, maxClaimsPerParticipant: max }),
          ),
      ),
    ),
    funders: fc.constantFrom<RateCard['funders']>(
      [{ organisationId: 'icb', share: 1 }],
      [
        { organisationId: 'icb', share: 2 },
        { organisationId: 'council', share: 1 },
      ],
      [
        { organisationId: 'icb', share: 1 },
        { organisationId: 'council', share: 1 },
        { organisationId: 'trust', share: 1 },
      ],
    ),
  });
  /** Amended versions with their own prices; caps shared so a running total can be checked. */
  const scenario = fc
    .record({
      cards: fc.array(fc.tuple(card, date), { minLength: 1, maxLength: 3 }),
      participantCapPence: cap,
      contractCapPence: cap,
      achievements: fc.array(
        fc.record({
          participantId: fc.constantFrom(...participants),
          outcomeCode: fc.constantFrom(...outcomeCodes),
          achievedOn: date,
          evidence: fc.constantFrom('q1', 'q2'),
        }),
        { maxLength: 30 },
      ),
      splitAt: fc.integer({ min: 0, max: 30 }),
    })
    .map(({ cards, participantCapPence, contractCapPence, achievements, splitAt }): Scenario => {
      const versions: RateCardVersion[] = cards.map(([c, from], i) => ({
        id: `v${i}`,
        effectiveFrom: from,
        card: { ...c, participantCapPence, contractCapPence },
      }));
      return { versions, participantCapPence, contractCapPence, achievements, splitAt };
    });

  /** Claim 1 from the first achievements, claim 2 from all of them after claim 1. */
  const twoClaims = (s: Scenario) => {
    const first = computeClaim({
      versions: s.versions,
      achievements: s.achievements.slice(0, s.splitAt),
      alreadyClaimed: [],
    });
    const second = computeClaim({
      versions: s.versions,
      achievements: s.achievements,
      alreadyClaimed: asClaimed(first.lines),
    });
    return [...first.lines, ...second.lines];
  };

  it('never exceeds the participant or contract cap, prior claims included', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const lines = twoClaims(s);
        const perParticipant = new Map<string, number>();
        let contract = 0;
        for (const line of lines) {
          expect(line.amountPence).toBeGreaterThanOrEqual(0);
          expect(line.amountPence).toBeLessThanOrEqual(line.pricePence);
          contract += line.amountPence;
          const id = line.participantId ?? '';
          perParticipant.set(id, (perParticipant.get(id) ?? 0) + line.amountPence);
        }
        if (s.contractCapPence !== null) expect(contract).toBeLessThanOrEqual(s.contractCapPence);
        if (s.participantCapPence !== null) {
          for (const total of perParticipant.values()) {
            expect(total).toBeLessThanOrEqual(s.participantCapPence);
          }
        }
      }),
    );
  });

  it('never claims an outcome more often than its card allows, across successive claims', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const lines = twoClaims(s);
        const occurrences = new Set<string>();
        const claimed = new Map<string, number>();
        for (const line of lines) {
          const key = `${line.participantId}|${line.outcomeCode}`;
          // Occurrence numbers are never reused, so the database's unique index holds.
          expect(occurrences.has(`${key}|${line.occurrence}`)).toBe(false);
          occurrences.add(`${key}|${line.occurrence}`);
          if (line.amountPence > 0) {
            const count = (claimed.get(key) ?? 0) + 1;
            claimed.set(key, count);
            const outcome = rateCardInForce(s.versions, line.achievedOn)?.card.outcomes.find(
              (o) => o.code === line.outcomeCode,
            );
            expect(count).toBeLessThanOrEqual(outcome?.maxClaimsPerParticipant ?? 0);
          }
        }
        // Every achievement became exactly one line over the two claims.
        expect(lines).toHaveLength(s.achievements.length);
      }),
    );
  });

  it('splits every line exactly and prices it by the card in force on its date', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { lines, totalPence, perFunder } = computeClaim({
          versions: s.versions,
          achievements: s.achievements,
          alreadyClaimed: [],
        });
        for (const line of lines) {
          expect(line.funderSplits.reduce((sum, split) => sum + split.pence, 0)).toBe(
            line.amountPence,
          );
          const version = rateCardInForce(s.versions, line.achievedOn);
          expect(line.rateCardVersionId).toBe(version?.id ?? null);
          const outcome = version?.card.outcomes.find((o) => o.code === line.outcomeCode);
          expect(line.pricePence).toBe(outcome?.pricePence ?? 0);
        }
        expect(perFunder.reduce((sum, funder) => sum + funder.pence, 0)).toBe(totalPence);
      }),
    );
  });

  it('gives the same claim whatever order its inputs come in', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), (s, seed) => {
        const prior = computeClaim({
          versions: s.versions,
          achievements: s.achievements.slice(0, s.splitAt),
          alreadyClaimed: [],
        });
        const input = {
          versions: s.versions,
          achievements: s.achievements,
          alreadyClaimed: asClaimed(prior.lines),
        };
        const shuffled = {
          versions: shuffle(input.versions, seed),
          achievements: shuffle(input.achievements, seed + 1),
          alreadyClaimed: shuffle(input.alreadyClaimed, seed + 2),
        };
        expect(computeClaim(shuffled)).toEqual(computeClaim(input));
      }),
    );
  });
});

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
